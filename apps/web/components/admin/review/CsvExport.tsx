"use client";
// One record type of the published data as a CSV download, in the columns the importer reads back.
// The server builds the text; the browser saves it, so no extra route is needed.
import { useId, useState, useTransition } from "react";
import { exportCsvAction } from "@/lib/server/actions/transfer";
import { ActionMessage } from "./ActionMessage";
import type { Refusal } from "./action-result";

const TYPES = ["actor", "topic", "source", "stance", "reaction", "event", "gap"] as const;

export function CsvExport() {
  const id = useId();
  const [type, setType] = useState<string>("actor");
  const [error, setError] = useState<Refusal | null>(null);
  const [busy, startTransition] = useTransition();

  function download() {
    setError(null);
    startTransition(async () => {
      const out = await exportCsvAction(type);
      if (!out.ok) return setError(out);
      const url = URL.createObjectURL(new Blob([out.csv], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = out.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }

  return (
    <div className="review-filters">
      <div>
        <label htmlFor={`${id}-type`}>Record type</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="review-filters-submit">
        <button type="button" className="btn btn-secondary" onClick={download} disabled={busy}>
          {busy ? "Preparing…" : "Download CSV"}
        </button>
      </div>
      <ActionMessage result={error} />
    </div>
  );
}
