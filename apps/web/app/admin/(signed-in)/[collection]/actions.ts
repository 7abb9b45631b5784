"use server";
// Saving and deleting records from the admin forms. The caller comes from the session, never from the
// form; @stancemap/db checks the role and validates again. Refusals come back as plain results whose
// issue paths are the form's, so each message lands next to its field.
import { type AnyRecord, type EntityType, keyOf, RECORD_SCHEMAS } from "@stancemap/core";
import {
  CurationError,
  getDb,
  getHead,
  HasDependants,
  InvalidInput,
  type SaveRequest,
  saveChange,
  saveChangeSet,
  VersionConflict,
  zodIssues,
} from "@stancemap/db";
import { type FieldIssue, friendly, HAS_EVIDENCE, KEY_FIELD, type Values } from "@/components/admin/form/form-state";
import type { Conflict, DeleteInput, SaveInput, SaveResult } from "@/components/admin/form/save-types";
import { DeleteInputArg, MALFORMED, SaveInputArg } from "@/lib/server/action-args";
import { currentPrincipal } from "@/lib/server/dal";

const TYPE_NAMES: Record<EntityType, string> = {
  actor: "An actor",
  topic: "A topic",
  source: "A source",
  stance: "A stance",
  reaction: "A reaction",
  event: "An event",
  gap: "A no-data note",
};

function issuesOf(type: EntityType, input: unknown, prefix = ""): FieldIssue[] {
  const parsed = RECORD_SCHEMAS[type].safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: prefix + i.path.map(String).join("."), message: i.message }));
}

/** The form shows an event's actors as one field; the database names the element (`actors.2`). */
const formField = (field: string): string => (field.startsWith("actors.") ? "actors" : field);

/** Arguments the form never sends, as the form's issues (a field path and a message). */
const argumentIssues = (error: Parameters<typeof zodIssues>[0]): FieldIssue[] =>
  zodIssues(error).map((i) => ({ path: i.field, message: i.message }));

/** A version conflict as the merge view takes it: base, theirs (who and when) and yours. */
function conflictOf(error: VersionConflict): Conflict {
  const d = error.details;
  return {
    version: error.current.version,
    theirs: (error.current.record as Values | null) ?? null,
    savedBy: d?.theirs.savedBy ?? null,
    savedAt: d?.theirs.savedAt ?? null,
    base: (d?.base?.record as Values | null | undefined) ?? null,
    baseUnavailable: d ? (d.baseUnavailable ?? (d.base?.record ? null : "the record did not exist when you started")) : "not recorded",
    yours: (d?.yours as Values | null | undefined) ?? null,
  };
}

const refused = (status: number, message: string, issues?: FieldIssue[]): SaveResult => ({
  ok: false,
  status,
  message,
  ...(issues ? { issues: issues.map((i) => ({ path: i.path, message: friendly(i.message) })) } : {}),
});

export async function saveRecord(raw: SaveInput): Promise<SaveResult> {
  const who = await currentPrincipal();
  if (!who) return refused(401, "Your session has ended: sign in again in another tab, then save.");
  const args = SaveInputArg.safeParse(raw);
  if (!args.success) return refused(400, MALFORMED.message, argumentIssues(args.error));
  const input = args.data;
  const t = input.type;
  const expected = input.expectedVersion === null ? null : { data: input.expectedVersion };
  const draftId = input.draftId;
  const newSources = HAS_EVIDENCE.has(t) ? input.newSources : [];

  // The same schema as the form, again: the browser's check is a convenience, this one counts.
  const issues = [
    ...newSources.flatMap((s) => issuesOf("source", s.record, `evidence.${Number(s.row)}._new.`)),
    ...issuesOf(t, input.record),
  ];
  if (issues.length > 0) return refused(400, "Some fields need attention.", issues);
  const record = RECORD_SCHEMAS[t].parse(input.record) as AnyRecord;
  const key = keyOf(t, record);
  const keyPath = KEY_FIELD[t] ?? "actor";
  if (input.key !== null && input.key !== key)
    return refused(400, "The key cannot change.", [{ path: keyPath, message: "cannot change once created" }]);

  const db = getDb();
  for (const s of newSources) {
    const head = await getHead(db, "source", String(s.record.id));
    if (head.published || head.draft)
      return refused(409, "A new source's ID is taken.", [
        {
          path: `evidence.${s.row}._new.id`,
          message: `a source with the ID "${s.record.id}" exists already; pick it as an existing source`,
        },
      ]);
  }

  const main: SaveRequest = {
    type: t,
    op: "upsert",
    key: input.key ?? undefined,
    record,
    expectedVersion: expected ? expected.data : null,
  };
  const requests: SaveRequest[] = [
    ...newSources.map((s): SaveRequest => ({ type: "source", op: "upsert", record: s.record, expectedVersion: null })),
    main,
  ];
  if (requests[0]) requests[0].draftId = draftId;
  try {
    if (requests.length === 1) {
      const saved = await saveChange(db, who, requests[0] as SaveRequest);
      return { ok: true, draftId: saved.draftId, key, ...("unchanged" in saved ? { unchanged: true } : {}) };
    }
    const saved = await saveChangeSet(db, who, requests);
    return { ok: true, draftId: saved.draftId, key };
  } catch (error) {
    if (error instanceof InvalidInput)
      return refused(
        400,
        error.message,
        error.issues.map((i) => ({
          path: formField(i.field),
          // Most often the record is in another open draft: only published records and this change's draft count.
          message: i.code === "unknown_reference" ? `${i.message}: it is neither published nor in this change's draft` : i.message,
        })),
      );
    if (error instanceof VersionConflict) {
      const source = newSources.find((s) => error.message.startsWith(`source "${s.record.id}"`));
      if (source && t !== "source")
        return refused(409, error.message, [{ path: `evidence.${source.row}._new.id`, message: "a source with this ID exists already" }]);
      if (main.expectedVersion === null) {
        const where = error.message.endsWith("in an open draft") ? " in an open draft" : "";
        const what = t === "gap" ? "for this actor and topic" : `with the ${keyPath === "id" ? "ID" : "slug"} "${key}"`;
        return refused(409, error.message, [{ path: keyPath, message: `${TYPE_NAMES[t]} ${what} exists already${where}.` }]);
      }
      return { ok: false, status: 409, message: error.message, conflict: conflictOf(error) };
    }
    if (error instanceof CurationError) return refused(error.status, error.message);
    throw error;
  }
}

export async function deleteRecord(raw: DeleteInput): Promise<SaveResult> {
  const who = await currentPrincipal();
  if (!who) return refused(401, "Your session has ended: sign in again in another tab, then delete.");
  const args = DeleteInputArg.safeParse(raw);
  if (!args.success) return refused(400, "Malformed request; reload the page.", argumentIssues(args.error));
  const input = args.data;
  try {
    const saved = await saveChange(getDb(), who, {
      type: input.type,
      op: "delete",
      key: input.key,
      expectedVersion: input.expectedVersion,
      draftId: input.draftId,
    });
    return { ok: true, draftId: saved.draftId, key: input.key, ...("unchanged" in saved ? { unchanged: true } : {}) };
  } catch (error) {
    if (error instanceof HasDependants) {
      const n = error.dependants.length;
      return {
        ok: false,
        status: 409,
        message: `Cannot delete: ${n} record${n === 1 ? " depends" : "s depend"} on it.`,
        dependants: error.dependants,
      };
    }
    if (error instanceof VersionConflict) return { ok: false, status: 409, message: error.message, conflict: conflictOf(error) };
    if (error instanceof CurationError) return refused(error.status, error.message);
    throw error;
  }
}
