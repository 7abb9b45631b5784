// Bulk export and import. Export writes the dataset in the shape the files in prisma/dataset use;
// import takes that shape (or CSV rows of one type), reports per row, and writes all or nothing.

import type { AnyRecord, ImportResult, RecordOf, RowOutcome, RowResult } from "@stancemap/core";
import {
  COLLECTIONS,
  type Dataset,
  detectDateForm,
  type EntityType,
  keyOf,
  parseCsvRecords,
  RECORD_SCHEMAS,
  upgradeLegacyRecord,
  versionToken,
} from "@stancemap/core";
import type { Db } from "../client";
import { normaliseDataset } from "../seed";
import { stableJson } from "../stable-json";
import { insertRows } from "./bulk-insert";
import { openChanges, publishInTx } from "./drafts";
import { InvalidInput, type Principal, requireRole, VersionConflict } from "./errors";
import type { ImportProgress } from "./import-progress";
import { offThread, runOffThread } from "./off-thread";
import { unknownQualifiers } from "./qualifiers";
import { chunks, readAll, readMany, referencesOf, type Stored, type Tx, WRITE_ORDER } from "./records";
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

/** Lets the event loop serve other requests between parts of a large import (never inside a transaction). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
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

/**
 * Checks every row against the published data and the open drafts, reading them a few hundred keys per
 * query (not several queries per row), outside any transaction, with pauses between parts.
 */
async function classify(
  reader: Tx,
  input: ImportInput,
  progress?: (p: ImportProgress) => Promise<void>,
): Promise<{ results: RowResult[]; accepted: Accepted[]; dateForms: ImportResult["dateForms"] }> {
  const results: RowResult[] = [];
  const accepted: Accepted[] = [];
  const dateForms = { edtf: 0, legacy: 0 };
  const parsedRows: { row: string; type: EntityType; record: AnyRecord | null; reason?: string }[] = [];
  for (let i = 0; i < input.rows.length; i += PART) {
    for (const r of input.rows.slice(i, i + PART)) {
      // For one release a file may carry dates in the previous form (an ISO day and a precision word):
      // read as EDTF, and counted, so the answer says which form it read.
      if (DATED.has(r.type)) dateForms[detectDateForm(r.type, r.record)] += 1;
      const parsed = RECORD_SCHEMAS[r.type].safeParse(upgradeLegacyRecord(r.type, r.record));
      if (!parsed.success) {
        const reason = parsed.error.issues.map((x) => `${x.path.join(".") || "record"}: ${x.message}`).join("; ");
        parsedRows.push({ row: r.row, type: r.type, record: null, reason });
      } else parsedRows.push({ row: r.row, type: r.type, record: normaliseRecord(r.type, parsed.data as AnyRecord) });
    }
    await progress?.({ phase: "checking", done: parsedRows.length, total: input.rows.length });
    await breathe();
  }
  const incoming = new Map<string, AnyRecord>();
  for (const r of parsedRows) if (r.record) incoming.set(`${r.type}:${keyOf(r.type, r.record)}`, r.record);

  // What the rows are, and what they point at, as published now; and which have an open change.
  const keysOf = new Map<EntityType, Set<string>>();
  const want = (type: EntityType, key: string) => keysOf.set(type, (keysOf.get(type) ?? new Set<string>()).add(key));
  for (const r of parsedRows) {
    if (!r.record) continue;
    want(r.type, keyOf(r.type, r.record));
    for (const ref of referencesOf(r.type, r.record)) if (!incoming.has(`${ref.type}:${ref.key}`)) want(ref.type, ref.key);
    if (r.type === "stance") want("topic", (r.record as RecordOf<"stance">).topic);
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

  const textRefs = parsedRows.flatMap((r) => {
    const text = r.type === "source" ? (r.record as RecordOf<"source"> | null)?.text : undefined;
    return text ? [text] : [];
  });
  const unknownTexts = await unknownSourceTexts(reader, textRefs);

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
      if (!published.has(`${ref.type}:${ref.key}`)) missing.push(`unknown ${ref.type} "${ref.key}"`);
    }
    const text = r.type === "source" ? (r.record as RecordOf<"source">).text : undefined;
    if (text && unknownTexts.has(text.sha256)) missing.push(`text.sha256: ${unknownTextIssue(text).message}`);
    if (r.type === "stance") {
      const s = r.record as RecordOf<"stance">;
      const topic = (incoming.get(`topic:${s.topic}`) ?? published.get(`topic:${s.topic}`)?.record) as RecordOf<"topic"> | undefined;
      if (topic && !topic.categories.some((c) => c.key === s.category)) missing.push(`"${s.category}" is not on the scale of ${s.topic}`);
      if (topic) missing.push(...unknownQualifiers(s, topic).map((i) => i.message));
    }
    if (missing.length > 0) {
      results.push({ row: r.row, type: r.type, key, outcome: "rejected", reason: [...new Set(missing)].join("; ") });
      continue;
    }
    const current = published.get(id) ?? null;
    if (current && stableJson(current.record) === stableJson(r.record)) {
      results.push({ row: r.row, type: r.type, key, outcome: "unchanged" });
      continue;
    }
    const draftId = open.get(id);
    if (draftId) {
      results.push({
        row: r.row,
        type: r.type,
        key,
        outcome: "rejected",
        reason: `has an open change in draft ${draftId}; publish or withdraw it first`,
      });
      continue;
    }
    results.push({ row: r.row, type: r.type, key, outcome: current ? "updated" : "created" });
    accepted.push({ type: r.type, record: r.record, base: current?.version ?? null, before: current?.record ?? null });
  }
  return { results, accepted, dateForms };
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
  return curationTx(
    db,
    async (tx) => {
      const draftId = await saveImport(tx, principal, rows, title);
      if (opts.publish) await publishInTx(tx, principal, draftId, "imported");
      return { ...result, committed: true, draftId, published: opts.publish };
    },
    [],
  );
}
