"use client";
// Bulk import: check the file first (a dry run with a result per row), then import every change as one
// draft. One rejected row and the import button stays disabled: the import is all or nothing.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { type ImportState, importAction } from "@/lib/server/actions/transfer";
import { ActionMessage } from "./ActionMessage";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "./import-limits";
import { draftHref } from "./links";

const TYPES = ["actor", "topic", "source", "stance", "reaction", "event", "gap"] as const;
/** Enough rows to read; rejected ones are always all shown. */
const SHOWN_ROWS = 500;

type Outcome = "created" | "updated" | "unchanged" | "rejected";
const OUTCOME_CLASS: Record<Outcome, string> = {
  created: "review-tag review-tag-good",
  updated: "review-tag review-tag-warn",
  unchanged: "review-tag",
  rejected: "review-tag review-tag-bad",
};

export function ImportForm({ canPublish }: { canPublish: boolean }) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<ImportState | null>(null);
  const [intent, setIntent] = useState<"check" | "commit" | null>(null);
  const [busy, startTransition] = useTransition();
  const [publish, setPublish] = useState(false);
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ phase: "checking" | "writing"; done: number; total: number } | null>(null);

  // While a check or import runs, ask the server how far it is (any instance can tell: it is in the database).
  useEffect(() => {
    if (!busy || !job) return;
    let stop = false;
    const poll = async () => {
      const res = await fetch(`/api/v1/import/progress?job=${job}`, { cache: "no-store" }).catch(() => null);
      if (!stop && res?.ok) setProgress(await res.json());
    };
    const timer = setInterval(poll, 1000);
    return () => {
      stop = true;
      clearInterval(timer);
      setProgress(null);
    };
  }, [busy, job]);

  const checked = state?.ok ? state : null;
  const result = checked?.result ?? null;
  const changes = result ? result.counts.created + result.counts.updated : 0;
  const rejected = result?.counts.rejected ?? 0;
  const fieldError = state && !state.ok && "field" in state ? state.field : undefined;

  function submit(which: "check" | "commit") {
    const el = form.current;
    if (!el) return;
    const data = new FormData(el);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ ok: false, status: 400, message: "Choose a CSV or JSON file.", field: "file" });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setState({
        ok: false,
        status: 400,
        message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_LABEL}. Split it into smaller files.`,
        field: "file",
      });
      return;
    }
    data.set("intent", which);
    const jobId = crypto.randomUUID();
    data.set("job", jobId);
    setJob(jobId);
    if (which === "commit" && checked) data.set("checksum", checked.checksum);
    setIntent(which);
    startTransition(async () => {
      try {
        setState(await importAction(data));
      } catch {
        // The server refused the upload before the action ran (most often: the body was too large).
        setState({
          ok: false,
          status: 413,
          message: `The upload failed. Files up to ${MAX_IMPORT_LABEL} are accepted; try again.`,
          field: "file",
        });
      }
    });
  }

  // A different file or type must be checked again before anything can be imported.
  const reset = () => setState(null);

  return (
    <form
      ref={form}
      className="admin-form"
      aria-label="Import"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit("check");
      }}
    >
      <div>
        <label htmlFor={`${id}-file`}>File (CSV or JSON)</label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={reset}
          aria-invalid={fieldError === "file" || undefined}
          aria-describedby={`${id}-file-hint${fieldError === "file" ? ` ${id}-error` : ""}`}
        />
        {fieldError === "file" && state && !state.ok && <ActionMessage result={state} id={`${id}-error`} />}
        <p className="hint" id={`${id}-file-hint`}>
          JSON as exported: <code>{'{ "actors": [...], "stances": [...] }'}</code>. CSV: one record type per file, nested fields as dotted
          columns (<code>evidence.0.source</code>). Up to {MAX_IMPORT_LABEL}.
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-type`}>Record type (for CSV)</label>
        <select
          id={`${id}-type`}
          name="type"
          defaultValue=""
          onChange={reset}
          aria-invalid={fieldError === "type" || undefined}
          aria-describedby={fieldError === "type" ? `${id}-error` : undefined}
        >
          <option value="">Choose for a CSV file…</option>
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {fieldError === "type" && state && !state.ok && <ActionMessage result={state} id={`${id}-error`} />}
      </div>
      {state && !state.ok && !fieldError && <ActionMessage result={state} id={`${id}-error`} />}
      <p style={{ margin: 0 }}>
        <button type="submit" className={result ? "btn btn-secondary" : "btn"} disabled={busy}>
          {busy && intent === "check" ? "Checking…" : result ? "Check again" : "Check the file"}
        </button>
      </p>
      {busy && progress && (
        <p role="status" className="muted">
          <progress max={progress.total} value={progress.done} aria-label="Import progress" />{" "}
          {progress.phase === "writing"
            ? `Writing ${progress.total.toLocaleString("en")} rows…`
            : `Checked ${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")} rows`}
        </p>
      )}

      {result && (
        <section aria-labelledby={`${id}-result`}>
          <h2 id={`${id}-result`}>
            {result.committed ? (result.published ? "Imported and published" : "Imported as a draft") : "Check result"}
          </h2>
          <ul className="xfer-counts" aria-label="Counts">
            {(["created", "updated", "unchanged", "rejected"] as const).map((o) => (
              <li key={o} className={OUTCOME_CLASS[o]}>
                {result.counts[o]} {o}
              </li>
            ))}
          </ul>
          {result.dateForms.edtf + result.dateForms.legacy > 0 && (
            <p className="muted">
              Dates: {result.dateForms.edtf} {result.dateForms.edtf === 1 ? "row" : "rows"} in EDTF
              {result.dateForms.legacy > 0 &&
                `, ${result.dateForms.legacy} in the previous form (a day and a precision), read as EDTF; that form is accepted until the next release`}
              .
            </p>
          )}
          {result.committed ? (
            <p className="form-ok" role="status">
              {result.published ? "Published " : "Saved "}
              {changes} {changes === 1 ? "change" : "changes"} in one draft.{" "}
              {result.draftId && (
                <a href={draftHref(result.draftId)}>{result.published ? "See what was published" : "Open the draft for review"}</a>
              )}
            </p>
          ) : rejected > 0 ? (
            <p className="form-error" role="alert">
              {rejected} {rejected === 1 ? "row is" : "rows are"} rejected, so nothing can be imported: the import is all or nothing. Fix{" "}
              {rejected === 1 ? "that row" : "those rows"} in the file and check it again.
            </p>
          ) : changes === 0 ? (
            <p className="muted">Nothing to import: every row is the same as what is published.</p>
          ) : (
            <p>Every row can be imported. Nothing has been written yet.</p>
          )}
          <RowTable rows={result.rows} />
          {!result.committed && (
            <div className="review-inline-form">
              {canPublish && (
                <label style={{ fontWeight: 400 }}>
                  <input type="checkbox" name="publish" checked={publish} onChange={(e) => setPublish(e.target.checked)} /> Publish
                  immediately (skip review)
                </label>
              )}
              <p style={{ margin: 0 }}>
                <button
                  type="button"
                  className="btn xfer-commit"
                  disabled={busy || rejected > 0 || changes === 0}
                  aria-describedby={rejected > 0 ? `${id}-result` : undefined}
                  onClick={() => submit("commit")}
                >
                  {busy && intent === "commit"
                    ? "Importing…"
                    : `${publish && canPublish ? "Import and publish" : "Import"} ${changes} ${changes === 1 ? "change" : "changes"}${publish && canPublish ? "" : " as a draft"}`}
                </button>
              </p>
            </div>
          )}
        </section>
      )}
    </form>
  );
}

type Row = {
  row: string;
  type: string;
  key: string | null;
  outcome: Outcome;
  reason?: string;
  problems?: { field: string; code: string; message: string }[];
};

function RowTable({ rows }: { rows: Row[] }) {
  const rejected = rows.filter((r) => r.outcome === "rejected");
  const shown =
    rows.length <= SHOWN_ROWS
      ? rows
      : [...rejected, ...rows.filter((r) => r.outcome !== "rejected")].slice(0, Math.max(SHOWN_ROWS, rejected.length));
  return (
    <div className="review-table-wrap">
      <table className="review-table">
        <caption>
          {shown.length < rows.length
            ? `The first ${shown.length} of ${rows.length} rows, rejected ones first`
            : rows.length === 1
              ? "1 row"
              : `${rows.length} rows`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Type</th>
            <th scope="col">Key</th>
            <th scope="col">Outcome</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.row}:${r.type}`} className={r.outcome === "rejected" ? "xfer-row-rejected" : undefined}>
              <td data-label="Row" className="review-nowrap">
                {r.row}
              </td>
              <td data-label="Type">{r.type}</td>
              <td data-label="Key" dir="auto">
                {r.key ?? <span className="muted">—</span>}
              </td>
              <td data-label="Outcome">
                <span className={OUTCOME_CLASS[r.outcome]}>{r.outcome}</span>
              </td>
              <td data-label="Reason">
                <RowProblems row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every problem of a rejected row, each with the field it is in. */
function RowProblems({ row }: { row: Row }) {
  const problems = row.problems ?? [];
  if (problems.length === 0) return <span dir="auto">{row.reason ?? ""}</span>;
  return (
    <ul className="xfer-problems" aria-label={`Problems of ${row.row}`}>
      {problems.map((p) => (
        <li key={`${p.field}:${p.code}:${p.message}`}>
          <code>{p.field}</code>: <span dir="auto">{p.message}</span>
        </li>
      ))}
    </ul>
  );
}
