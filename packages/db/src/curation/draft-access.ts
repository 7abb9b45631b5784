// Who may change an open draft's items: its author, or a reviewer. Everyone else is refused before
// anything is written, so one editor cannot change, discard or reopen another editor's proposal.
import { roleAtLeast } from "@stancemap/core";
import { Forbidden, type Principal } from "./errors";
import type { Tx } from "./records";

export async function assertMayChangeDraft(tx: Tx, who: Principal, draftId: string): Promise<void> {
  if (roleAtLeast(who.role, "reviewer")) return;
  const draft = await tx.draft.findUnique({ where: { id: draftId }, select: { authorId: true } });
  if (draft && draft.authorId !== who.id)
    throw new Forbidden(
      `this record has an open change in draft "${draftId}" by another editor; only its author or a reviewer may change it`,
    );
}
