"use client";
// Renaming a draft: its author or a reviewer gives it a title that says what it is for. The server
// action checks who may; this form only offers it.
import { useActionState, useId } from "react";
import { renameDraftAction } from "@/lib/server/actions/drafts";
import { ActionMessage } from "./ActionMessage";

export function DraftTitleForm({ draftId, title }: { draftId: string; title: string }) {
  const id = useId();
  const [result, rename, renaming] = useActionState(renameDraftAction, null);
  const issue = result && !result.ok ? result.issues?.find((i) => i.field === "title") : undefined;
  return (
    <details className="review-rename">
      <summary>Rename this draft</summary>
      <form action={rename} className="review-inline-form" aria-label="Rename the draft">
        <input type="hidden" name="draftId" value={draftId} />
        <label htmlFor={`${id}-title`}>Draft title</label>
        <input
          id={`${id}-title`}
          name="title"
          type="text"
          defaultValue={title}
          maxLength={200}
          required
          dir="auto"
          aria-invalid={issue ? true : undefined}
          aria-describedby={result ? `${id}-result` : undefined}
        />
        <p style={{ margin: "0.5rem 0 0" }}>
          <button type="submit" className="btn btn-secondary" disabled={renaming}>
            {renaming ? "Saving…" : "Save title"}
          </button>
        </p>
        <ActionMessage result={result} id={`${id}-result`} />
      </form>
    </details>
  );
}
