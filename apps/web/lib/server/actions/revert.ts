"use server";
// Restores a published revision of a record (reviewers; checked by @stancemap/db). The expected
// version is the one the page showed as current, so a change made meanwhile is refused with 409.
import { EntityType, RevertBody } from "@stancemap/core";
import { getDb, revertRecord, zodIssues } from "@stancemap/db";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/components/admin/review/action-result";
import { historyHref } from "@/components/admin/review/links";
import { refusalOf } from "@/components/admin/review/refusal";
import { FormArg } from "@/lib/server/action-args";
import { runAction } from "@/lib/server/run-action";

export async function revertAction(_prev: ActionResult, raw: FormData): Promise<ActionResult> {
  return runAction(FormArg, raw, refusalOf, async (who, form): Promise<ActionResult> => {
    const type = EntityType.safeParse(form.get("type"));
    const key = String(form.get("key") ?? "");
    const body = RevertBody.safeParse({
      revision: Number(form.get("revision")),
      expectedVersion: Number(form.get("expectedVersion")),
      comment: String(form.get("comment") ?? "").trim() || undefined,
    });
    if (!type.success || !key) return { ok: false, status: 400, message: "No such record." };
    if (!body.success) return { ok: false, status: 400, message: "The request is malformed.", issues: zodIssues(body.error) };
    const { version } = await revertRecord(getDb(), who, type.data, key, body.data);
    revalidatePath("/admin", "layout");
    // redirect() throws Next's own signal, which refusalOf passes on.
    redirect(`${historyHref(type.data, key)}?restored=${body.data.revision}&as=${version}`);
  });
}
