// What a 409 version conflict carries so the editor can merge without undoing anyone: the version the
// editor started from (the base, read back from the audit trail), what is there now and who saved it
// (theirs), the editor's own record (yours), and the field-level three-way merge of the three.
import {
  type AnyRecord,
  type EntityType,
  type Head,
  type MergeConflict,
  type MergeRecord,
  threeWayMerge,
  versionToken,
} from "@stancemap/core";
import type { Tx } from "./records";
import { type ChangeRow, parseSnapshot, revisionsOf } from "./revisions";

export interface ConflictDetails {
  base: { version: string; record: AnyRecord | null } | null;
  /** Set when `base` is null: why the version the editor started from cannot be read back. */
  baseUnavailable?: string;
  theirs: { version: string; record: AnyRecord | null; savedBy: string | null; savedAt: string | null };
  yours: AnyRecord | null;
  /** Null when either side is a deletion: there are no fields to merge. */
  merge: { merged: Record<string, unknown>; conflicts: MergeConflict[] } | null;
}

type Base = { record: AnyRecord | null } | { unavailable: string };

/**
 * The record as it was at a version token `<published>.<draft>`: the draft item's version when there
 * was one (draft saves record the version they wrote), else the published revision.
 */
function baseAt(rows: ChangeRow[], head: Head, published: number, draft: number): Base {
  if (draft > 0) {
    if (head.draft && head.draft.version === draft) return { record: head.draft.record };
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i] as ChangeRow;
      if (row.action !== "draft.save" && row.action !== "draft.delete") continue;
      const after = parseSnapshot(row, "after");
      if (after?.draftVersion === draft) return { record: after.record };
    }
    return {
      unavailable: `the draft version you started from (${versionToken(published, draft)}) is not in the record's history: it was saved before drafts recorded their versions`,
    };
  }
  if (published === 0) return { unavailable: "the record did not exist when you started" };
  if (head.published?.version === published) return { record: head.published.record };
  const revision = revisionsOf(rows).find((r) => r.version === published);
  if (revision) return { record: revision.record };
  return { unavailable: `published version ${published} is not in the record's history` };
}

/** Who saved what is there now, and when: the open draft's last save, else the write that published it. */
function savedRow(rows: ChangeRow[], head: Head): ChangeRow | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as ChangeRow;
    if (head.draft) {
      if (row.draftId === head.draft.draftId && (row.action === "draft.save" || row.action === "draft.delete")) return row;
    } else if (row.recordVersion != null && row.recordVersion === (head.published?.version ?? row.recordVersion)) return row;
  }
  return null;
}

export async function conflictDetails(
  tx: Tx,
  type: EntityType,
  key: string,
  head: Head,
  expectedVersion: string,
  yours: AnyRecord | null,
): Promise<ConflictDetails> {
  const [published, draft] = expectedVersion.split(".").map(Number) as [number, number];
  const rows = await tx.change.findMany({ where: { entityType: type, entityId: key }, orderBy: { id: "asc" } });
  const found = baseAt(rows, head, published, draft);
  const theirsRecord = head.draft ? head.draft.record : (head.published?.record ?? null);
  const saved = savedRow(rows, head);
  const author = saved?.userId ? await tx.user.findUnique({ where: { id: saved.userId }, select: { name: true } }) : null;
  const theirs = {
    version: head.version,
    record: theirsRecord,
    savedBy: author?.name ?? null,
    savedAt: saved ? saved.at.toISOString() : null,
  };
  const base = "record" in found ? { version: expectedVersion, record: found.record } : null;
  // With no base record (unreadable, or the record did not exist) every differing field is the editor's call.
  const merge =
    theirsRecord && yours
      ? threeWayMerge(base?.record ? (base.record as MergeRecord) : null, theirsRecord as MergeRecord, yours as MergeRecord)
      : null;
  return {
    base,
    ...("unavailable" in found ? { baseUnavailable: found.unavailable } : {}),
    theirs,
    yours,
    merge: merge ? { merged: merge.merged, conflicts: merge.conflicts } : null,
  };
}
