"use server";
// Saving and deleting records from the admin forms. The caller comes from the session, never from the
// form; @stancemap/db checks the role, validates again and says which field each refusal is about.
import { CurationError, getDb, HasDependants, saveChange, saveWithSources, VersionConflict } from "@stancemap/db";
import type { Conflict, DeleteInput, SaveInput, SaveResult } from "@/components/admin/form/save-types";
import { DeleteInputArg, SaveInputArg } from "@/lib/server/action-args";
import { runAction } from "@/lib/server/run-action";

/** A version conflict as the merge view takes it: base, theirs (who and when) and yours. */
function conflictOf(error: VersionConflict): Conflict {
  const d = error.details;
  return {
    version: error.current.version,
    theirs: (error.current.record as Record<string, unknown> | null) ?? null,
    savedBy: d?.theirs.savedBy ?? null,
    savedAt: d?.theirs.savedAt ?? null,
    base: (d?.base?.record as Record<string, unknown> | null | undefined) ?? null,
    baseUnavailable: d ? (d.baseUnavailable ?? (d.base?.record ? null : "the record did not exist when you started")) : "not recorded",
    yours: (d?.yours as Record<string, unknown> | null | undefined) ?? null,
  };
}

/** A refusal as the form shows it: each issue at its field, a moved record as the merge view, dependants listed. */
function refusedSave(error: unknown): SaveResult {
  if (!(error instanceof CurationError)) throw error;
  const issues = error.issues.map((i) => ({ path: i.field, message: i.message }));
  if (error instanceof VersionConflict && error.code === "changed")
    return { ok: false, status: 409, message: error.message, conflict: conflictOf(error) };
  if (error instanceof HasDependants) {
    const n = error.dependants.length;
    return {
      ok: false,
      status: 409,
      message: `Cannot delete: ${n} record${n === 1 ? " depends" : "s depend"} on it.`,
      dependants: error.dependants,
    };
  }
  return { ok: false, status: error.status, message: issues.length > 0 ? "Some fields need attention." : error.message, issues };
}

export async function saveRecord(raw: SaveInput): Promise<SaveResult> {
  return runAction(SaveInputArg, raw, refusedSave, async (who, input) => {
    const saved = await saveWithSources(getDb(), who, { ...input, draftId: input.draftId });
    return { ok: true, draftId: saved.draftId, key: saved.key, ...(saved.unchanged ? { unchanged: true } : {}) };
  });
}

export async function deleteRecord(raw: DeleteInput): Promise<SaveResult> {
  return runAction(DeleteInputArg, raw, refusedSave, async (who, input) => {
    const saved = await saveChange(getDb(), who, { ...input, op: "delete" });
    return { ok: true, draftId: saved.draftId, key: input.key, ...("unchanged" in saved ? { unchanged: true } : {}) };
  });
}
