// Bulk export and import. Export writes the dataset in the shape the files in prisma/dataset use;
// import takes that shape (or CSV rows of one type), reports per row, and writes all or nothing.

import type { AnyRecord, ImportResult, RecordOf, RowOutcome, RowResult } from "@stancemap/core";
import { COLLECTIONS, type Dataset, type EntityType, keyOf, parseCsvRecords, RECORD_SCHEMAS } from "@stancemap/core";
import type { Db } from "../client";
import { normaliseDataset } from "../seed";
import { stableJson } from "../stable-json";
import { openChanges, publishInTx, readHead, saveInTx } from "./drafts";
import { InvalidInput, type Principal, requireRole } from "./errors";
import { readAll, referencesOf, type Tx, WRITE_ORDER } from "./records";
import { curationTx } from "./tx";

/** The whole dataset; with `drafts`, open draft changes applied on top (reviewers only). */
export async function exportDataset(db: Db, who: Principal | null, opts: { drafts?: boolean } = {}): Promise<Dataset> {
  if (opts.drafts) requireRole(who, "reviewer");
  const out: Record<string, AnyRecord[]> = {};
  for (const type of WRITE_ORDER) {
    const byKey = new Map((await readAll(db.prisma, type)).map((s) => [keyOf(type, s.record), s.record]));
    if (opts.drafts) {
      for (const change of await openChanges(db)) {
        if (change.type !== type) continue;
        if (change.op === "delete") byKey.delete(change.key);
        else if (change.record) byKey.set(change.key, change.record);
      }
    }
    out[COLLECTIONS[type]] = [...byKey.values()];
  }
  return { actors: [], topics: [], sources: [], stances: [], gaps: [], reactions: [], events: [], ...out } as unknown as Dataset;
}

export type { ImportResult, RowOutcome, RowResult };

export interface ImportInput {
  rows: { row: string; type: EntityType; record: unknown }[];
  /** Problems found before any row could be read (a CSV parse error, an unknown collection). */
  problems?: { row: string; message: string }[];
}

/** JSON: an object of collections as the dataset files use (`{"actors": [...], ...}`), any subset. */
export function importInputFromJson(body: unknown): ImportInput {
  if (!body || typeof body !== "object" || Array.isArray(body))
    return { rows: [], problems: [{ row: "body", message: 'must be a JSON object of collections, e.g. {"actors": [...]}' }] };
  const rows: ImportInput["rows"] = [];
  const problems: { row: string; message: string }[] = [];
  for (const [collection, list] of Object.entries(body)) {
    const type = (Object.entries(COLLECTIONS).find(([, c]) => c === collection)?.[0] ?? null) as EntityType | null;
    if (!type) problems.push({ row: collection, message: `unknown collection; expected one of ${Object.values(COLLECTIONS).join(", ")}` });
    else if (!Array.isArray(list)) problems.push({ row: collection, message: "must be an array" });
    else
      list.forEach((record, i) => {
        rows.push({ row: `${collection}[${i}]`, type, record });
      });
  }
  return { rows, problems };
}

export function importInputFromCsv(text: string, type: EntityType): ImportInput {
  const { rows, errors } = parseCsvRecords(text);
  return {
    rows: rows.map((r) => ({ row: `line ${r.line}`, type, record: r.record })),
    problems: errors.map((e) => ({ row: `line ${e.line}`, message: e.message })),
  };
}

async function classify(
  tx: Tx,
  input: ImportInput,
): Promise<{ results: RowResult[]; accepted: { type: EntityType; record: AnyRecord; expected: string | null }[] }> {
  const results: RowResult[] = [];
  const accepted: { type: EntityType; record: AnyRecord; expected: string | null }[] = [];
  const incoming = new Set<string>();
  const parsedRows: { row: string; type: EntityType; record: AnyRecord | null; reason?: string }[] = input.rows.map((r) => {
    const parsed = RECORD_SCHEMAS[r.type].safeParse(r.record);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${i.path.join(".") || "record"}: ${i.message}`).join("; ");
      return { row: r.row, type: r.type, record: null, reason };
    }
    const record = normaliseRecord(r.type, parsed.data as AnyRecord);
    incoming.add(`${r.type}:${keyOf(r.type, record)}`);
    return { row: r.row, type: r.type, record };
  });
  const seen = new Set<string>();
  for (const r of parsedRows) {
    if (!r.record) {
      results.push({ row: r.row, type: r.type, key: null, outcome: "rejected", reason: r.reason });
      continue;
    }
    const key = keyOf(r.type, r.record);
    const id = `${r.type}:${key}`;
    if (seen.has(id)) {
      results.push({ row: r.row, type: r.type, key, outcome: "rejected", reason: `${r.type} "${key}" appears twice in this import` });
      continue;
    }
    seen.add(id);
    const missing: string[] = [];
    for (const ref of referencesOf(r.type, r.record)) {
      if (incoming.has(`${ref.type}:${ref.key}`)) continue;
      const h = await readHead(tx, ref.type, ref.key);
      if (!h.published) missing.push(`unknown ${ref.type} "${ref.key}"`);
    }
    if (r.type === "stance") {
      const s = r.record as RecordOf<"stance">;
      const topic = (parsedRows.find((p) => p.type === "topic" && p.record && keyOf("topic", p.record) === s.topic)?.record ??
        (await readHead(tx, "topic", s.topic)).published?.record) as RecordOf<"topic"> | undefined;
      if (topic && !topic.categories.some((c) => c.key === s.category)) missing.push(`"${s.category}" is not on the scale of ${s.topic}`);
    }
    const head = await readHead(tx, r.type, key);
    if (missing.length > 0) {
      results.push({ row: r.row, type: r.type, key, outcome: "rejected", reason: [...new Set(missing)].join("; ") });
      continue;
    }
    if (head.published && stableJson(head.published.record) === stableJson(r.record)) {
      results.push({ row: r.row, type: r.type, key, outcome: "unchanged" });
      continue;
    }
    if (head.draft) {
      results.push({
        row: r.row,
        type: r.type,
        key,
        outcome: "rejected",
        reason: `has an open change in draft ${head.draft.draftId}; publish or withdraw it first`,
      });
      continue;
    }
    results.push({ row: r.row, type: r.type, key, outcome: head.published ? "updated" : "created" });
    accepted.push({ type: r.type, record: r.record, expected: head.published ? head.version : null });
  }
  return { results, accepted };
}

/**
 * Rows in the order they can be saved: by type, and within a type every record after the ones it points
 * at (an actor's affiliation, a source's citing source), whatever order the file had.
 */
function dependencyOrder<T extends { type: EntityType; record: AnyRecord }>(rows: T[]): T[] {
  const out: T[] = [];
  for (const type of WRITE_ORDER) {
    const pending = new Map(rows.filter((r) => r.type === type).map((r) => [keyOf(type, r.record), r]));
    const visit = (key: string, trail: Set<string>) => {
      const row = pending.get(key);
      if (!row || trail.has(key)) return;
      trail.add(key);
      for (const ref of referencesOf(type, row.record)) if (ref.type === type) visit(ref.key, trail);
      if (pending.delete(key)) out.push(row);
    };
    for (const key of [...pending.keys()]) visit(key, new Set());
  }
  return out;
}

/** Sets are compared in the order the database returns them (see seed.ts). */
function normaliseRecord(type: EntityType, record: AnyRecord): AnyRecord {
  const one = { actors: [], events: [], [COLLECTIONS[type]]: [record] } as unknown as Dataset;
  const n = normaliseDataset(one) as unknown as Record<string, AnyRecord[]>;
  return n[COLLECTIONS[type]]?.[0] ?? record;
}

/**
 * Checks every row and, unless it is a dry run, saves the new and changed ones into one draft (and
 * publishes it, for a reviewer who asks). One rejected row and nothing is written.
 */
export async function importRecords(
  db: Db,
  who: Principal | null,
  input: ImportInput,
  opts: { dryRun: boolean; publish: boolean; title?: string },
): Promise<ImportResult> {
  const principal = requireRole(who, "editor");
  if (opts.publish) requireRole(principal, "reviewer");
  if (input.problems && input.problems.length > 0)
    throw new InvalidInput(
      input.problems.map((p) => ({ field: p.row, code: "unreadable", message: p.message })),
      "the file could not be read",
    );
  if (input.rows.length === 0)
    throw new InvalidInput([{ field: "body", code: "empty", message: "no rows to import" }], "no rows to import");
  return curationTx(db, async (tx) => {
    const { results, accepted } = await classify(tx, input);
    const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const r of results) counts[r.outcome] += 1;
    const result: ImportResult = { dryRun: opts.dryRun, committed: false, draftId: null, published: false, counts, rows: results };
    if (opts.dryRun || counts.rejected > 0 || accepted.length === 0) return result;
    let draftId: string | undefined;
    for (const a of dependencyOrder(accepted)) {
      const saved = await saveInTx(tx, principal, {
        type: a.type,
        op: "upsert",
        record: a.record,
        expectedVersion: a.expected,
        draftId,
        title: opts.title ?? `Import of ${accepted.length} record${accepted.length === 1 ? "" : "s"}`,
      });
      draftId = saved.draftId;
    }
    result.committed = true;
    result.draftId = draftId ?? null;
    if (opts.publish && draftId) {
      await publishInTx(tx, principal, draftId, "imported");
      result.published = true;
    }
    return result;
  });
}
