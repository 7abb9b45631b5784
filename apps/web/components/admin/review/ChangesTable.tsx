// Recorded changes as the history and audit pages list them: when, who, what, the comment, the draft.
// The audit log adds the record each change concerns; a record's history shows each change's diff.
import type { ChangeView } from "@stancemap/db";
import type { ReactNode } from "react";
import { actionText, utc } from "./format";
import { draftHref } from "./links";
import { RecordDiff } from "./RecordDiff";
import type { DiffLabels } from "./record-diff-model";

export function ChangesTable({
  changes,
  record,
  diffs = false,
  labels = null,
  people,
}: {
  changes: readonly ChangeView[];
  record?: (c: ChangeView) => ReactNode;
  diffs?: boolean;
  labels?: DiffLabels | null;
  /** Names by account id: who made each change by name (the email, for admins, on hover). */
  people?: ReadonlyMap<string, string>;
}) {
  return (
    <div className="review-table-wrap">
      <table className="review-table">
        <caption className="visually-hidden">Recorded changes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            {record && (
              <>
                <th scope="col">Type</th>
                <th scope="col">Record</th>
              </>
            )}
            <th scope="col">Comment</th>
            <th scope="col">Draft</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <td data-label="When" className="review-nowrap">
                <time dateTime={c.at}>{utc(c.at)}</time>
              </td>
              <td data-label="Who">
                {c.userId && people?.get(c.userId) ? (
                  <span title={c.userEmail ?? undefined}>{people.get(c.userId)}</span>
                ) : (
                  (c.userEmail ?? <span className="muted">system</span>)
                )}
              </td>
              <td data-label="Action">
                {actionText(c.action)}
                {c.recordVersion !== null && <span className="muted"> → revision {c.recordVersion}</span>}
                {diffs && (c.before || c.after) && (
                  <details className="review-details">
                    <summary>Show the change</summary>
                    <RecordDiff before={c.before} after={c.after} beforeLabel="before" afterLabel="after" labels={labels} />
                  </details>
                )}
              </td>
              {record && (
                <>
                  <td data-label="Type">{c.entityType}</td>
                  <td data-label="Record">{record(c)}</td>
                </>
              )}
              <td data-label="Comment" dir="auto">
                {c.comment ?? ""}
              </td>
              <td data-label="Draft">{c.draftId && c.entityType !== "draft" ? <a href={draftHref(c.draftId)}>{c.draftId}</a> : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
