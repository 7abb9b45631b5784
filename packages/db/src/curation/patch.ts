// PATCH: some fields of a record, laid over what is there now (the open draft's change, else the
// published record), saved from the version token the editor last read. Read and save are one
// transaction holding the record's lock, so the fields land on the record they were checked against.
import { type EntityType, type SaveResult, type SaveUnchanged, VersionToken } from "@stancemap/core";
import type { Db } from "../client";
import { readHead, saveInTx } from "./drafts";
import { CurationError, InvalidInput, NotFound, type Principal, requireRole, zodIssues } from "./errors";
import { curationTx, draftLock, recordLock } from "./tx";

export interface PatchRequest {
  type: EntityType;
  key: string;
  /** The request body: the fields to change, with `expectedVersion`. */
  body: unknown;
  draftId?: string;
  title?: string;
}

/** The fields of a PATCH body and its version token, or a refusal naming the field at fault. */
export function readPatchBody(body: unknown): { fields: Record<string, unknown>; expectedVersion: string } {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new InvalidInput([
      { field: "body", code: "invalid_type", message: "must be a JSON object of the fields to change, with expectedVersion" },
    ]);
  const { expectedVersion, ...fields } = body as Record<string, unknown>;
  const token = VersionToken.safeParse(expectedVersion);
  if (!token.success) throw new InvalidInput(zodIssues(token.error, ["expectedVersion"]));
  return { fields, expectedVersion: token.data };
}

export async function patchRecord(db: Db, who: Principal | null, req: PatchRequest): Promise<SaveResult | SaveUnchanged> {
  const { fields, expectedVersion } = readPatchBody(req.body);
  const principal = requireRole(who, "editor");
  const { type, key } = req;
  return curationTx(
    db,
    async (tx) => {
      const head = await readHead(tx, type, key);
      if (!head.published && !head.draft) throw new NotFound(`no ${type} "${key}"`);
      const current = head.draft ? head.draft.record : (head.published?.record ?? null);
      if (!current) throw new CurationError(409, `${type} "${key}" is being deleted in draft "${head.draft?.draftId}"`);
      return saveInTx(tx, principal, {
        type,
        op: "upsert",
        key,
        record: { ...current, ...fields },
        expectedVersion,
        ...(req.draftId ? { draftId: req.draftId } : {}),
        ...(req.title ? { title: req.title } : {}),
      });
    },
    [recordLock(type, key), ...(req.draftId ? [draftLock(req.draftId)] : [])],
  );
}
