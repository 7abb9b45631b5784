"use server";
// Publish, send back and withdraw a draft from the admin pages. The role is checked by @stancemap/db
// for the caller found here; nothing the browser sends says who it is.
import { DraftTitleBody, PublishBody, ReturnBody } from "@stancemap/core";
import { getDb, getDraft, publishDraft, renameDraft, returnDraft, VersionConflict, withdrawDraft, zodIssues } from "@stancemap/db";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/admin/review/action-result";
import { refusalOf } from "@/components/admin/review/refusal";
import { FormArg } from "@/lib/server/action-args";
import { runAction } from "@/lib/server/run-action";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

function refreshAdmin() {
  // The draft page, the queue and the navigation's pending count all change.
  revalidatePath("/admin", "layout");
}

/**
 * The reviewer approves what the page showed: if the draft changed since (`version` from the page),
 * publishing is refused so nothing unseen goes live.
 */
export async function publishDraftAction(_prev: ActionResult, raw: FormData): Promise<ActionResult> {
  return runAction(FormArg, raw, refusalOf, async (who, form): Promise<ActionResult> => {
    const draftId = text(form, "draftId");
    const body = PublishBody.safeParse({ comment: text(form, "comment").trim() || undefined });
    if (!body.success) return { ok: false, status: 400, message: "The comment is too long.", issues: zodIssues(body.error) };
    const db = getDb();
    try {
      // Checked inside the publishing transaction, so nothing saved after the page loaded can slip in.
      const seen = Number(text(form, "version"));
      if (!Number.isInteger(seen) || seen < 1)
        return { ok: false, status: 400, message: "Reload the draft before publishing: the page did not say which version you reviewed." };
      await publishDraft(db, who, draftId, body.data.comment, seen);
    } catch (error) {
      const refusal = refusalOf(error);
      if (error instanceof VersionConflict) {
        const draft = await getDraft(db, who, draftId).catch(() => null);
        refusal.stale = draft?.items.filter((i) => i.stale).map((i) => ({ type: i.type, key: i.key, label: i.label }));
      }
      return refusal;
    }
    refreshAdmin();
    return { ok: true, message: "Published." };
  });
}

export async function returnDraftAction(_prev: ActionResult, raw: FormData): Promise<ActionResult> {
  return runAction(FormArg, raw, refusalOf, async (who, form): Promise<ActionResult> => {
    const body = ReturnBody.safeParse({ comment: text(form, "comment") });
    if (!body.success)
      return { ok: false, status: 400, message: "Say what needs changing before sending it back.", issues: zodIssues(body.error) };
    await returnDraft(getDb(), who, text(form, "draftId"), body.data.comment);
    refreshAdmin();
    return { ok: true, message: "Sent back to the author." };
  });
}

export async function withdrawDraftAction(_prev: ActionResult, raw: FormData): Promise<ActionResult> {
  return runAction(FormArg, raw, refusalOf, async (who, form): Promise<ActionResult> => {
    await withdrawDraft(getDb(), who, text(form, "draftId"));
    refreshAdmin();
    return { ok: true, message: "Withdrawn: nothing in it will be published." };
  });
}

/** The author (or a reviewer) renames an open draft; @stancemap/db checks who, inside the transaction. */
export async function renameDraftAction(_prev: ActionResult, raw: FormData): Promise<ActionResult> {
  return runAction(FormArg, raw, refusalOf, async (who, form): Promise<ActionResult> => {
    const body = DraftTitleBody.safeParse({ title: text(form, "title") });
    if (!body.success) return { ok: false, status: 400, message: "Enter a title of up to 200 characters.", issues: zodIssues(body.error) };
    const { unchanged } = await renameDraft(getDb(), who, text(form, "draftId"), body.data.title);
    refreshAdmin();
    return { ok: true, message: unchanged ? "No changes to save: the title is the same." : "Renamed." };
  });
}
