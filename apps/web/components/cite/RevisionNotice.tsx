// Shown above a page pinned to an earlier dataset revision (`?revision=N`): which revision, when it was
// published, and a link to the same view on the current data.
import { formatEdtf } from "@stancemap/core/model";
import type { RevisionShown } from "@/lib/dashboard-data";
import "./cite.css";

export function RevisionNotice({ shown, currentHref }: { shown: RevisionShown | undefined; currentHref: string }) {
  if (!shown?.pinned) return null;
  const when = shown.at ? ` (${formatEdtf(shown.at.slice(0, 10))})` : "";
  const latest = shown.revision === shown.current;
  return (
    <p className="revision-notice" role="note" data-revision={shown.revision}>
      As published in revision {shown.revision}
      {when}
      {latest ? " — the current revision. " : " — the data has changed since. "}
      <a href={currentHref}>See the current version</a>
    </p>
  );
}

/** The page's address without `revision`: the same view on the current data. */
export function currentHref(path: string, raw: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (key === "revision" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
