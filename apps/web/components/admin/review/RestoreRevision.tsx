"use client";
// "Restore this revision" for reviewers: a new revision with the old content. A 409 (the record moved
// since the page was read) is shown here, with what to do.
import { useActionState, useId } from "react";
import { revertAction } from "@/lib/server/actions/revert";
import { ActionMessage } from "./ActionMessage";

export function RestoreRevision({
  type,
  recordKey,
  revision,
  current,
  deletes,
}: {
  type: string;
  recordKey: string;
  revision: number;
  /** The published version the page showed as current. */
  current: number;
  /** Restoring a revision where the record did not exist deletes it. */
  deletes: boolean;
}) {
  const id = useId();
  const [result, restore, restoring] = useActionState(revertAction, null);
  return (
    <details className="review-details" open={Boolean(result && !result.ok) || undefined}>
      <summary>
        Restore this revision<span className="visually-hidden">: revision {revision}</span>
        {deletes ? " (delete the record)…" : "…"}
      </summary>
      <form action={restore} className="review-inline-form" aria-label={`Restore revision ${revision}`}>
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="key" value={recordKey} />
        <input type="hidden" name="revision" value={revision} />
        <input type="hidden" name="expectedVersion" value={current} />
        <label htmlFor={`${id}-comment`}>Why (optional)</label>
        <input type="text" id={`${id}-comment`} name="comment" maxLength={2000} dir="auto" />
        <p style={{ margin: 0 }}>
          <button type="submit" className={deletes ? "btn btn-danger" : "btn"} disabled={restoring}>
            {restoring ? "Restoring…" : `Restore revision ${revision}`}
          </button>
        </p>
      </form>
      <ActionMessage result={result} />
      {result && !result.ok && result.status === 409 && !result.dependants && (
        <p className="muted" style={{ margin: "0.3rem 0 0" }}>
          Someone changed this record since you opened the page. <a href="?">Reload the history</a> to see the current revision, then decide
          again.
        </p>
      )}
    </details>
  );
}
