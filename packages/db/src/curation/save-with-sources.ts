// Saving a stance, reaction or event together with the sources an editor created in place for it:
// one draft, one transaction, and every refusal names the field to blame (a new source's fields are
// reported under the evidence row that creates it, `evidence.<row>.newSource.<field>`).
import { type AnyRecord, type EntityType, KEY_FIELDS, keyOf, RECORD_SCHEMAS } from "@stancemap/core";
import type { Db } from "../client";
import { isSaved, type SaveRequest, saveChange, saveChangeSet } from "./drafts";
import { type FieldIssue, InvalidInput, type Principal, requireRole, VersionConflict, zodIssues } from "./errors";

/** The record types whose evidence rows may create a source in place. */
export const CITING_TYPES: ReadonlySet<EntityType> = new Set(["stance", "reaction", "event"]);

export interface NewSource {
  /** The evidence row (index into `record.evidence`) that cites this source. */
  row: number;
  record: unknown;
}

export interface SaveWithSourcesRequest {
  type: EntityType;
  /** The record's key when editing; null when creating. */
  key: string | null;
  record: unknown;
  /** The version token read when editing began; null when creating. */
  expectedVersion: string | null;
  draftId?: string;
  newSources: NewSource[];
}

export type SaveWithSourcesResult = { key: string; draftId: string | null; unchanged: boolean };

/** Where a new source's field is shown: under the evidence row that creates it. */
export const newSourceField = (row: number, field: string): string => `evidence.${row}.newSource.${field}`;

function parseIssues(type: EntityType, input: unknown, prefix: string[] = []): FieldIssue[] {
  const parsed = RECORD_SCHEMAS[type].safeParse(input);
  return parsed.success ? [] : zodIssues(parsed.error, prefix);
}

/**
 * Validates the record and its new sources together (every problem at once), then saves the sources
 * and the record into one draft. A creation whose key is taken, or a new source whose ID is, is refused
 * at that field (`code: "exists"`); an edit that someone else overtook is a VersionConflict for the merge view.
 */
export async function saveWithSources(db: Db, who: Principal | null, req: SaveWithSourcesRequest): Promise<SaveWithSourcesResult> {
  const principal = requireRole(who, "editor");
  const newSources = CITING_TYPES.has(req.type) ? req.newSources : [];
  if (req.newSources.length > newSources.length)
    throw new InvalidInput([{ field: "newSources", code: "not_allowed", message: `a ${req.type} cites no sources` }]);
  const issues = [
    ...newSources.flatMap((s) => parseIssues("source", s.record, ["evidence", String(s.row), "newSource"])),
    ...parseIssues(req.type, req.record),
  ];
  const seen = new Map<string, number>();
  for (const s of newSources) {
    const id = (s.record as { id?: unknown } | null)?.id;
    if (typeof id !== "string" || !id) continue;
    if (seen.has(id))
      issues.push({ field: newSourceField(s.row, "id"), code: "duplicate", message: "Another new source here has the same ID." });
    seen.set(id, s.row);
  }
  if (issues.length > 0) throw new InvalidInput(issues, "some fields need attention");
  const record = RECORD_SCHEMAS[req.type].parse(req.record) as AnyRecord;
  const key = keyOf(req.type, record);
  if (req.key !== null && req.key !== key)
    throw new InvalidInput([{ field: KEY_FIELDS[req.type], code: "key_changed", message: "The key cannot change once created." }]);

  const main: SaveRequest = { type: req.type, op: "upsert", key: req.key ?? undefined, record, expectedVersion: req.expectedVersion };
  try {
    if (newSources.length === 0) {
      const saved = await saveChange(db, principal, { ...main, draftId: req.draftId });
      return { key, draftId: saved.draftId, unchanged: !isSaved(saved) };
    }
    const requests: SaveRequest[] = newSources.map((s, i) => ({
      type: "source",
      op: "upsert",
      record: s.record,
      expectedVersion: null,
      ...(i === 0 ? { draftId: req.draftId } : {}),
    }));
    const saved = await saveChangeSet(db, principal, [...requests, main]);
    return { key, draftId: saved.draftId, unchanged: false };
  } catch (error) {
    throw withFields(error, newSources, req.type);
  }
}

/** A refusal about a new source, moved to the evidence row that creates it; an unknown reference explained. */
function withFields(error: unknown, newSources: NewSource[], type: EntityType): unknown {
  if (error instanceof VersionConflict && error.code === "exists" && error.record?.type === "source" && type !== "source") {
    const s = [...newSources].reverse().find((n) => (n.record as { id?: unknown }).id === error.record?.key);
    if (s)
      return new VersionConflict(error.message, error.current, error.details, {
        code: "exists",
        record: error.record,
        issues: [
          {
            field: newSourceField(s.row, "id"),
            code: "exists",
            message: `A source with the ID "${error.record.key}" exists already${error.record.where === "draft" ? " in an open draft" : ""}; pick it as an existing source.`,
          },
        ],
      });
  }
  if (error instanceof InvalidInput && error.issues.some((i) => i.code === "unknown_reference"))
    return new InvalidInput(
      error.issues.map((i) =>
        // Most often the record is in another open draft: only published records and this change's draft count.
        i.code === "unknown_reference" ? { ...i, message: `${i.message}: it is neither published nor in this change's draft` } : i,
      ),
      error.message,
    );
  return error;
}
