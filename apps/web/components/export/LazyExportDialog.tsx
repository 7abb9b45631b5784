"use client";
// The export dialog (renderers, fonts, embed code) loads after the page is interactive: most visits never
// export. Until it is there, the server's HTML and the first client render show the same opening button,
// so the toolbar does not shift when the dialog arrives.
import { type ComponentProps, lazy, Suspense, useEffect, useState } from "react";
import type { ExportDialog } from "./ExportDialog";

const Dialog = lazy(() => import("./ExportDialog").then((m) => ({ default: m.ExportDialog })));

type Props = ComponentProps<typeof ExportDialog>;

export function LazyExportDialog(props: Props) {
  const [client, setClient] = useState(false);
  useEffect(() => setClient(true), []);
  const placeholder = (
    <button type="button" className="button-quiet export-open" aria-disabled="true">
      {props.label ?? "Export…"}
    </button>
  );
  return client ? (
    <Suspense fallback={placeholder}>
      <Dialog {...props} />
    </Suspense>
  ) : (
    placeholder
  );
}
