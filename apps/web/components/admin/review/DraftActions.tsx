"use client";
// Publish, send back and withdraw for one draft. Which buttons appear follows the caller's role, but
// @stancemap/db decides: a crafted request from an editor is refused there with 403.
import { useActionState, useId } from "react";
import { publishDraftAction, returnDraftAction, withdrawDraftAction } from "@/lib/server/actions/drafts";
import { ActionMessage } from "./ActionMessage";

export interface DraftActionsProps {
  draftId: string;
  /** The draft's version as shown on the page: publishing is refused if it moved since. */
  version: number;
  title: string;
  status: string;
  changes: number;
  canReview: boolean;
  canWithdraw: boolean;
  /** The queue's row: short buttons, no comment for publishing. */
  compact?: boolean;
}

export function DraftActions({ draftId, version, title, status, changes, canReview, canWithdraw, compact = false }: DraftActionsProps) {
  const id = useId();
  const [published, publish, publishing] = useActionState(publishDraftAction, null);
  const [returned, sendBack, returning] = useActionState(returnDraftAction, null);
  const [withdrawn, withdraw, withdrawing] = useActionState(withdrawDraftAction, null);
  const pending = status === "pending";
  const open = pending || status === "returned";
  const commentIssue = returned && !returned.ok ? returned.issues?.find((i) => i.field === "comment") : undefined;
  if (!open || (!canReview && !canWithdraw)) return null;
  const hidden = (
    <>
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <div className="review-actions-block">
      <div className={compact ? "review-actions" : "review-actions-stack"}>
        {canReview && pending && (
          <form action={publish} aria-label={compact ? `Publish ${title}` : "Publish"}>
            {hidden}
            {!compact && (
              <div className="review-inline-form" style={{ marginTop: 0 }}>
                <label htmlFor={`${id}-publish-comment`}>Comment for the record (optional)</label>
                <textarea id={`${id}-publish-comment`} name="comment" rows={2} maxLength={2000} dir="auto" />
              </div>
            )}
            <p style={{ margin: compact ? 0 : "0.5rem 0 0" }}>
              <button type="submit" className="btn" disabled={publishing} aria-label={compact ? `Publish ${title}` : undefined}>
                {publishing ? "Publishing…" : compact ? "Publish" : `Publish ${changes} ${changes === 1 ? "change" : "changes"}`}
              </button>
            </p>
          </form>
        )}
        {canReview && pending && (
          <details className="review-details" open={Boolean(returned && !returned.ok) || undefined}>
            <summary aria-label={compact ? `Send back ${title}` : undefined}>Send back…</summary>
            <form action={sendBack} className="review-inline-form" aria-label="Send back">
              {hidden}
              <label htmlFor={`${id}-return-comment`}>What needs changing (required)</label>
              <textarea
                id={`${id}-return-comment`}
                name="comment"
                rows={3}
                required
                maxLength={2000}
                dir="auto"
                aria-invalid={commentIssue ? true : undefined}
                aria-describedby={commentIssue ? `${id}-return-error` : undefined}
              />
              {commentIssue && (
                <p className="field-error" id={`${id}-return-error`}>
                  {commentIssue.message}
                </p>
              )}
              <p style={{ margin: 0 }}>
                <button type="submit" className="btn btn-secondary" disabled={returning}>
                  {returning ? "Sending back…" : "Send back to the author"}
                </button>
              </p>
            </form>
          </details>
        )}
        {canWithdraw && !compact && (
          <details className="review-details">
            <summary>Withdraw…</summary>
            <form action={withdraw} className="review-inline-form" aria-label="Withdraw">
              {hidden}
              <p style={{ margin: 0 }}>
                Withdrawing closes the draft: none of its changes will be published, and the records can be edited afresh.
              </p>
              <p style={{ margin: 0 }}>
                <button type="submit" className="btn btn-danger" disabled={withdrawing}>
                  {withdrawing ? "Withdrawing…" : "Withdraw this draft"}
                </button>
              </p>
            </form>
          </details>
        )}
      </div>
      <ActionMessage result={published} />
      {!commentIssue && <ActionMessage result={returned} />}
      <ActionMessage result={withdrawn} />
    </div>
  );
}
