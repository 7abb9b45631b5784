// Bulk export and import. Export writes the dataset in the shape the files in prisma/dataset use;
// import takes that shape (or CSV rows of one type), reports per row, and writes all or nothing.

import type { AnyRecord, ImportResult, RecordOf, RowOutcome, RowResult } from "@stancemap/core";
import {
  COLLECTIONS,
  type Dataset,
  detectDateForm,
  type EntityType,
  keyOf,
  RECORD_SCHEMAS,
  upgradeLegacyRecord,
  versionToken,
} from "@stancemap/core";
import type { Db } from "../client";
import { normaliseDataset } from "../seed";
import { stableJson } from "../stable-json";
import { refreshStatistics } from "../statistics";
import { insertRows } from "./bulk-insert";
import { openChanges, publishInTx } from "./drafts";
import { type FieldIssue, InvalidInput, type Principal, requireRole, VersionConflict } from "./errors";
import type { ImportInput } from "./import-input";
import { coveredBy, KEY_FIELD, type RowIssue, rawReferencesOf, reasonOf, rowIssue } from "./import-problems";
import type { ImportProgress } from "./import-progress";
import { offThread, runOffThread } from "./off-thread";
import { unknownQualifiers } from "./qualifiers";
import { breathe, chunks, readAll, readMany, referencesOf, type Stored, type Tx, WRITE_ORDER } from "./records";
import { unknownSourceTexts, unknownTextIssue } from "./source-texts";
import { curationTx, lockKeys, newId, recordLock } from "./tx";

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

const PART = 500;
/** The record types with dates, whose form the importer reports. */
const DATED = new Set<EntityType>(["stance", "reaction", "event", "gap"]);

export interface Accepted {
  type: EntityType;
  record: AnyRecord;
  /** The published version the row was checked against; null for a creation. */
  base: number | null;
  before: AnyRecord | null;
}

/** A row as read: its record when the schema accepts it, its raw values (dates upgraded) either way. */
interface ReadRow {
  row: string;
  type: EntityType;
  raw: unknown;
  record: AnyRecord | null;
  /** The key it names: the parsed record's, else the raw one's when it is text. */
  key: string | null;
  issues: FieldIssue[];
}

function rawKeyOf(type: EntityType, raw: unknown): string | null {
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  if (type === "gap") return typeof r.actor === "string" && typeof r.topic === "string" ? `${r.actor}~${r.topic}` : null;
  const key = r[KEY_FIELD[type]];
  return typeof key === "string" && key !== "" ? key : null;
}

/**
 * Checks every row against the published data and the open drafts, reading them a few hundred keys per
 * query (not several queries per row), outside any transaction, with pauses between parts. One pass
 * finds all of a row's problems: its structure, and (from its raw values where the structure fails)
 * what it points at and its category and qualifiers.
 */
async function classify(
  reader: Tx,
  input: ImportInput,
  progress?: (p: ImportProgress) => Promise<void>,
): Promise<{ results: RowResult[]; accepted: Accepted[]; dateForms: ImportResult["dateForms"] }> {
  const results: RowResult[] = [];
  const accepted: Accepted[] = [];
  const dateForms = { edtf: 0, legacy: 0 };
  const rows: ReadRow[] = [];
  for (let i = 0; i < input.rows.length; i += PART) {
    for (const r of input.rows.slice(i, i + PART)) {
      // For one release a file may carry dates in the previous form (an ISO day and a precision word):
      // read as EDTF, and counted, so the answer says which form it read.
      if (DATED.has(r.type)) dateForms[detectDateForm(r.type, r.record)] += 1;
      const raw = upgradeLegacyRecord(r.type, r.record);
      const parsed = RECORD_SCHEMAS[r.type].safeParse(raw);
      if (parsed.success) {
        const record = normaliseRecord(r.type, parsed.data as AnyRecord);
        rows.push({ row: r.row, type: r.type, raw, record, key: keyOf(r.type, record), issues: [] });
      } else {
        const issues = parsed.error.issues.map((x) => rowIssue(x as RowIssue, raw));
        rows.push({ row: r.row, type: r.type, raw, record: null, key: rawKeyOf(r.type, raw), issues });
      }
    }
    await progress?.({ phase: "checking", done: rows.length, total: input.rows.length });
    await breathe();
  }
  const incoming = new Map<string, AnyRecord>();
  // Every key the file holds, accepted or not: a reference to a rejected row is that row's problem.
  const inFile = new Set<string>();
  for (const r of rows) {
    if (r.key) inFile.add(`${r.type}:${r.key}`);
    if (r.record && r.key) incoming.set(`${r.type}:${r.key}`, r.record);
  }
  const refsOf = (r: ReadRow) =>
    r.record ? referencesOf(r.type, r.record) : rawReferencesOf(r.type, r.raw).filter((ref) => !coveredBy(r.issues, ref.path ?? ""));
  const stanceOf = (r: ReadRow) => (r.record ?? r.raw ?? {}) as Partial<Record<"topic" | "category" | "qualifiers", unknown>>;

  // What the rows are, and what they point at, as published now; and which have an open change.
  const keysOf = new Map<EntityType, Set<string>>();
  const want = (type: EntityType, key: string) => keysOf.set(type, (keysOf.get(type) ?? new Set<string>()).add(key));
  for (const r of rows) {
    if (r.record && r.key) want(r.type, r.key);
    for (const ref of refsOf(r)) if (!inFile.has(`${ref.type}:${ref.key}`)) want(ref.type, ref.key);
    const topic = r.type === "stance" ? stanceOf(r).topic : undefined;
    if (typeof topic === "string" && topic !== "") want("topic", topic);
  }
  const published = new Map<string, Stored>();
  for (const [type, keys] of keysOf) {
    for (const part of chunks([...keys], PART)) {
      for (const [key, stored] of await readMany(reader, type, part)) published.set(`${type}:${key}`, stored);
      await breathe();
    }
  }
  const open = new Map<string, string>();
  for (const part of chunks([...incoming.keys()], PART)) {
    const items = await reader.draftItem.findMany({ where: { pendingKey: { in: part } }, select: { pendingKey: true, draftId: true } });
    for (const item of items) if (item.pendingKey) open.set(item.pendingKey, item.draftId);
    await breathe();
  }

  const textRefs = rows.flatMap((r) => {
    const text = r.type === "source" ? (r.record as RecordOf<"source"> | null)?.text : undefined;
    return text ? [text] : [];
  });
  const unknownTexts = await unknownSourceTexts(reader, textRefs);

  const seen = new Set<string>();
  for (const r of rows) {
    const problems = [...r.issues];
    const id = r.key ? `${r.type}:${r.key}` : null;
    if (id && seen.has(id))
      problems.push({ field: KEY_FIELD[r.type], code: "duplicate", message: `${r.type} "${r.key}" appears twice in this file` });
    if (id) seen.add(id);
    for (const ref of refsOf(r)) {
      if (inFile.has(`${ref.type}:${ref.key}`) || published.has(`${ref.type}:${ref.key}`)) continue;
      problems.push({ field: ref.path ?? ref.type, code: "unknown_reference", message: `unknown ${ref.type} "${ref.key}"` });
    }
    const text = r.type === "source" ? (r.record as RecordOf<"source"> | null)?.text : undefined;
    if (text && unknownTexts.has(text.sha256)) problems.push(unknownTextIssue(text));
    if (r.type === "stance") problems.push(...scaleProblems(stanceOf(r), r.issues, incoming, published));
    const current = id ? (published.get(id) ?? null) : null;
    const same = !!(r.record && current && stableJson(current.record) === stableJson(r.record));
    const draftId = id && r.record && !same ? open.get(id) : undefined;
    if (draftId)
      problems.push({
        field: KEY_FIELD[r.type],
        code: "open_draft",
        message: `has an open change in draft ${draftId}; publish or withdraw it first`,
      });
    if (problems.length > 0 || !r.record || !r.key) {
      results.push({ row: r.row, type: r.type, key: r.key, outcome: "rejected", reason: reasonOf(problems), problems });
      continue;
    }
    if (same) {
      results.push({ row: r.row, type: r.type, key: r.key, outcome: "unchanged" });
      continue;
    }
    results.push({ row: r.row, type: r.type, key: r.key, outcome: current ? "updated" : "created" });
    accepted.push({ type: r.type, record: r.record, base: current?.version ?? null, before: current?.record ?? null });
  }
  return { results, accepted, dateForms };
}

/** A stance's category and qualifiers against its topic (in the file or published), from raw values where need be. */
function scaleProblems(
  stance: Partial<Record<"topic" | "category" | "qualifiers", unknown>>,
  issues: readonly FieldIssue[],
  incoming: Map<string, AnyRecord>,
  published: Map<string, Stored>,
): FieldIssue[] {
  if (typeof stance.topic !== "string") return [];
  const topic = (incoming.get(`topic:${stance.topic}`) ?? published.get(`topic:${stance.topic}`)?.record) as RecordOf<"topic"> | undefined;
  if (!topic) return [];
  const out: FieldIssue[] = [];
  const category = stance.category;
  if (typeof category === "string" && !coveredBy(issues, "category") && !topic.categories.some((c) => c.key === category))
    out.push({
      field: "category",
      code: "not_on_scale",
      message: `unknown category "${category}": the scale of ${topic.slug} has ${topic.categories.map((c) => c.key).join(", ")}`,
    });
  if (Array.isArray(stance.qualifiers) && !coveredBy(issues, "qualifiers")) {
    const qualifiers = stance.qualifiers.filter((q): q is string => typeof q === "string");
    out.push(...unknownQualifiers({ topic: topic.slug, qualifiers } as RecordOf<"stance">, topic));
  }
  return out;
}

/**
 * Saves the checked rows as one new draft, in the caller's (short) transaction: the records are locked,
 * checked again for a change since they were read (then 409: import again), and written with a few
 * multi-row inserts. The draft appears whole when the transaction commits, or not at all.
 */
export async function saveImport(tx: Tx, who: Principal, rows: Accepted[], title: string): Promise<string> {
  await lockKeys(
    tx,
    rows.map((r) => recordLock(r.type, keyOf(r.type, r.record))),
  );
  const lastItem = new Map<string, number>();
  for (const type of WRITE_ORDER) {
    const mine = rows.filter((r) => r.type === type);
    for (const part of chunks(mine, PART)) {
      const keys = part.map((r) => keyOf(type, r.record));
      const now = await existingVersions(tx, type, keys);
      const open = await tx.draftItem.findMany({
        where: { pendingKey: { in: keys.map((k) => `${type}:${k}`) } },
        select: { entityId: true, draftId: true },
      });
      const moved = part.find((r) => (now.get(keyOf(type, r.record)) ?? null) !== r.base);
      if (moved || open[0]) {
        const key = moved ? keyOf(type, moved.record) : (open[0]?.entityId ?? "");
        throw new VersionConflict(`${type} "${key}" changed while the file was being checked; import it again`, {
          version: versionToken(now.get(key) ?? 0, 0),
          record: null,
        });
      }
      // Draft versions of a record never repeat, across drafts: an old token can never match a new draft.
      const max = await tx.draftItem.groupBy({
        by: ["entityId"],
        where: { entityType: type, entityId: { in: keys } },
        _max: { version: true },
      });
      for (const m of max) lastItem.set(`${type}:${m.entityId}`, m._max.version ?? 0);
    }
  }
  const draftId = newId("d");
  await tx.draft.create({
    data: { id: draftId, title, status: "pending", authorId: who.id, authorEmail: who.email, version: 1 + rows.length },
  });
  const items = rows.map((r, position) => {
    const key = keyOf(r.type, r.record);
    return {
      id: newId("i"),
      draftId,
      entityType: r.type,
      entityId: key,
      op: "upsert",
      payload: JSON.stringify(r.record),
      baseVersion: r.base,
      pendingKey: `${r.type}:${key}`,
      position,
      version: (lastItem.get(`${r.type}:${key}`) ?? 0) + 1,
    };
  });
  await insertRows(tx, "DraftItem", items, ["updatedAt"]);
  await insertRows(
    tx,
    "Change",
    rows.map((r) => ({
      userId: who.id,
      userEmail: who.email,
      action: "draft.save",
      entityType: r.type,
      entityId: keyOf(r.type, r.record),
      draftId,
      recordVersion: null,
      before: r.before ? JSON.stringify({ record: r.before }) : null,
      after: JSON.stringify({ record: r.record }),
      comment: null,
    })),
    ["at"],
  );
  return draftId;
}

/** Published versions of these records (ids only), by key. */
async function existingVersions(tx: Tx, type: EntityType, keys: string[]): Promise<Map<string, number>> {
  if (type === "gap") return new Map([...(await readMany(tx, "gap", keys))].map(([k, s]) => [k, s.version]));
  const bySlug = { where: { slug: { in: keys } }, select: { slug: true, version: true } } as const;
  const byId = { where: { id: { in: keys } }, select: { id: true, version: true } } as const;
  const rows: { key: string; version: number }[] =
    type === "actor"
      ? (await tx.actor.findMany(bySlug)).map((r) => ({ key: r.slug, version: r.version }))
      : type === "topic"
        ? (await tx.topic.findMany(bySlug)).map((r) => ({ key: r.slug, version: r.version }))
        : type === "event"
          ? (await tx.event.findMany(bySlug)).map((r) => ({ key: r.slug, version: r.version }))
          : type === "source"
            ? (await tx.source.findMany(byId)).map((r) => ({ key: r.id, version: r.version }))
            : type === "stance"
              ? (await tx.stance.findMany(byId)).map((r) => ({ key: r.id, version: r.version }))
              : (await tx.reaction.findMany(byId)).map((r) => ({ key: r.id, version: r.version }));
  return new Map(rows.map((r) => [r.key, r.version]));
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
  opts: { dryRun: boolean; publish: boolean; title?: string; progress?: (p: ImportProgress) => Promise<void> },
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
  // The checks read outside any transaction, in parts, so other requests are served meanwhile; the
  // write is one short transaction that checks again what it relies on.
  const { results, accepted, dateForms } = await classify(db.prisma, input, opts.progress);
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of results) counts[r.outcome] += 1;
  const result: ImportResult = { dryRun: opts.dryRun, committed: false, draftId: null, published: false, counts, dateForms, rows: results };
  if (opts.dryRun || counts.rejected > 0 || accepted.length === 0) return result;
  await opts.progress?.({ phase: "writing", done: input.rows.length, total: input.rows.length });
  const title = opts.title ?? `Import of ${accepted.length} record${accepted.length === 1 ? "" : "s"}`;
  const rows = dependencyOrder(accepted);
  // On SQLite a large write runs in a worker thread, so the server keeps answering meanwhile.
  if (offThread(db, rows.length)) {
    const done = await runOffThread(db, { kind: "import", principal, rows, title, publish: opts.publish });
    if (!("draftId" in done)) throw new Error("the database write worker answered an import with no draft");
    return { ...result, committed: true, draftId: done.draftId, published: opts.publish };
  }
  const done = await curationTx(
    db,
    async (tx) => {
      const draftId = await saveImport(tx, principal, rows, title);
      if (opts.publish) await publishInTx(tx, principal, draftId, "imported");
      return { ...result, committed: true, draftId, published: opts.publish };
    },
    [],
  );
  // A bulk import published at once changes the tables' sizes a lot: PostgreSQL's planner learns it now.
  if (opts.publish && rows.length >= BULK_ROWS) await refreshStatistics(db);
  return done;
}

/** From this many rows an import published at once refreshes the planner's statistics. */
const BULK_ROWS = 1000;
