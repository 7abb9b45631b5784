// The start-time seed is a first load only: an empty database gets the dataset (one transaction, the
// revision bumped, one system row in the audit log, a Setting recording what was loaded); a database
// that has been loaded is never written again, so a restart cannot undo a published edit. New versions
// of the dataset files come in as a draft for review (dataset-propose.ts).
import { createHash } from "node:crypto";
import { COLLECTIONS, type Dataset, type EntityType, keyOf } from "@stancemap/core";
import type { Db } from "./client";
import { readAll, type Stored, type Tx, WRITE_ORDER, writeRecords } from "./curation/records";
import { putSourceTexts, sourceTextRef } from "./curation/source-texts";
import { DatasetError, loadSourceTexts } from "./dataset";
import { legacyFormOf } from "./legacy-form";
import { bumpRevision } from "./revision";
import { stableJson } from "./stable-json";
import { refreshStatistics } from "./statistics";

/** The Setting row that says what the dataset files were when this database last took them in. */
export const LOAD_SETTING = "dataset.loaded";
/** Only one first load at a time on one PostgreSQL database (transaction-scoped advisory lock). */
const SEED_LOCK = 7_302_026;

/**
 * The form of the records the marker fingerprints. 2: dates as EDTF (this release). Absent: the previous
 * release's form (an ISO day and a precision word); read through `baseOf`, which carries such a marker
 * over to today's form, so a migrated database is not told that every dated record changed in the files.
 */
export const LOAD_FORM = 2;

export interface LoadRecord {
  /** Fingerprint of the whole dataset (see datasetFingerprint). */
  hash: string;
  /** See LOAD_FORM. */
  form?: number;
  at: string;
  via: "first-load" | "propose";
  /** `type:key` → fingerprint of that record as the files had it: what "the files changed it" is measured against. */
  records: Record<string, string>;
  draftId?: string | null;
}

export interface SeedResult {
  /** loaded: this call did the first load; already-loaded: nothing written; unrecorded: data from before load records, nothing written. */
  outcome: "loaded" | "already-loaded" | "unrecorded";
  changed: Record<string, number>;
  revision: number;
  /** When the files were last taken in (null when unrecorded). */
  loadedAt: string | null;
  /** The shipped files differ from what was loaded (unrecorded: from what is published). */
  filesDiffer: boolean;
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** Sets are stored without order; compare them in the order the database returns them. */
export function normaliseDataset(d: Dataset): Dataset {
  return {
    ...d,
    actors: d.actors.map((a) => ({ ...a, names: [...a.names].sort((x, y) => byText(x.lang, y.lang)) })),
    events: d.events.map((e) => ({ ...e, actors: [...e.actors].sort(byText) })),
  };
}

export function recordsOf(d: Dataset, type: EntityType): Record<string, unknown>[] {
  return (d as unknown as Record<string, Record<string, unknown>[]>)[COLLECTIONS[type]] ?? [];
}

export const recordId = (type: EntityType, key: string) => `${type}:${key}`;
/**
 * A record's fingerprint. An actor's empty `aliases` (the field came later) is left out, so a marker
 * written before it existed still matches every actor the files gave no alias.
 */
export const recordHash = (record: unknown) => sha(stableJson(withoutEmptyAliases(record))).slice(0, 32);

function withoutEmptyAliases(record: unknown): unknown {
  if (!record || typeof record !== "object" || !("aliases" in record)) return record;
  const { aliases, ...rest } = record as Record<string, unknown>;
  return Array.isArray(aliases) && aliases.length === 0 ? rest : record;
}

/** A fingerprint per record and one for the whole dataset: equal content, equal hash, whatever the files' formatting. */
export function datasetFingerprint(input: Dataset): { hash: string; records: Record<string, string> } {
  const d = normaliseDataset(input);
  const records: Record<string, string> = {};
  for (const type of WRITE_ORDER) for (const r of recordsOf(d, type)) records[recordId(type, keyOf(type, r as never))] = recordHash(r);
  return { hash: wholeHash(records), records };
}

function wholeHash(records: Record<string, string>): string {
  const ids = Object.keys(records).sort(byText);
  return sha(ids.map((id) => `${id}=${records[id]}`).join("\n"));
}

/**
 * What the files were when last taken in, fingerprinted in today's form. A marker written by the previous
 * release fingerprints its records in that release's form: a record whose file version now, put back in
 * that form (legacyFormOf), has the marker's fingerprint was not changed by the files, only re-expressed,
 * and its base becomes today's fingerprint of it. Any other keeps the old fingerprint, which matches
 * nothing today: the files changed it (as they did, or as cannot be told apart from it).
 */
export function baseOf(load: LoadRecord, dataset: Dataset): { hash: string; records: Record<string, string> } {
  if ((load.form ?? 1) >= LOAD_FORM) return { hash: load.hash, records: load.records };
  const now = datasetFingerprint(dataset);
  const d = normaliseDataset(dataset);
  const records: Record<string, string> = { ...load.records };
  for (const type of WRITE_ORDER)
    for (const r of recordsOf(d, type)) {
      const id = recordId(type, keyOf(type, r as never));
      const old = load.records[id];
      const legacy = old === undefined ? null : legacyFormOf(type, r);
      if (legacy !== null && recordHash(legacy) === old) records[id] = now.records[id] as string;
    }
  return { hash: wholeHash(records), records };
}

export async function readLoadRecord(tx: Tx): Promise<LoadRecord | null> {
  const row = await tx.setting.findUnique({ where: { key: LOAD_SETTING } });
  return row ? (JSON.parse(row.value) as LoadRecord) : null;
}

/** Each file record beside the published one with its key (absent when not published). */
export async function pairWithPublished(
  tx: Tx,
  input: Dataset,
  type: EntityType,
): Promise<{ key: string; record: Record<string, unknown>; stored: Stored | undefined }[]> {
  const d = normaliseDataset(input);
  const stored = new Map((await readAll(tx, type)).map((s) => [keyOf(type, s.record), s]));
  return recordsOf(d, type).map((record) => {
    const key = keyOf(type, record as never);
    return { key, record, stored: stored.get(key) };
  });
}

async function holdsRecords(tx: Tx): Promise<boolean> {
  const counts = await Promise.all([tx.actor.count(), tx.topic.count(), tx.source.count(), tx.event.count()]);
  return counts.some((n) => n > 0);
}

async function differsFromPublished(tx: Tx, d: Dataset): Promise<boolean> {
  for (const type of WRITE_ORDER) if ((await pairWithPublished(tx, d, type)).some((p) => !same(p.stored?.record, p.record))) return true;
  return false;
}

async function readRevisionTx(tx: Tx): Promise<number> {
  return (await tx.datasetRevision.findUnique({ where: { id: 1 } }))?.revision ?? 0;
}

const zeros = () => Object.fromEntries(WRITE_ORDER.map((t) => [COLLECTIONS[t], 0]));

/** The texts the dataset's sources name (`text`), stored before the sources that point at them. */
async function storeDatasetTexts(tx: Tx, dataset: Dataset, texts: ReadonlyMap<string, string>): Promise<void> {
  const wanted: string[] = [];
  for (const s of dataset.sources) {
    if (!s.text) continue;
    const text = texts.get(s.id);
    if (text === undefined || sourceTextRef(text).sha256 !== s.text.sha256)
      throw new DatasetError(`source "${s.id}" names a text (${s.text.sha256.slice(0, 12)}…) the dataset's texts do not hold`);
    wanted.push(text);
  }
  await putSourceTexts(tx, wanted);
}

async function firstLoad(tx: Tx, dataset: Dataset, texts: ReadonlyMap<string, string>): Promise<SeedResult> {
  const print = datasetFingerprint(dataset);
  await storeDatasetTexts(tx, dataset, texts);
  const changed: Record<string, number> = {};
  for (const type of WRITE_ORDER) {
    const writes = (await pairWithPublished(tx, dataset, type))
      .filter((p) => !same(p.stored?.record, p.record))
      .map((p) => ({ record: p.record as never, version: (p.stored?.version ?? 0) + 1 }));
    await writeRecords(tx, type, writes);
    changed[COLLECTIONS[type]] = writes.length;
  }
  const at = new Date().toISOString();
  const load: LoadRecord = { hash: print.hash, form: LOAD_FORM, at, via: "first-load", records: print.records };
  // The key is unique: were two loads ever to get this far, the second fails here and writes nothing.
  await tx.setting.create({ data: { key: LOAD_SETTING, value: JSON.stringify(load) } });
  const counts = Object.entries(changed).map(([k, n]) => `${n} ${k}`);
  const revision = await bumpRevision(tx);
  await tx.change.create({
    data: {
      action: "dataset.load",
      entityType: "dataset",
      entityId: print.hash.slice(0, 12),
      comment: `first load of prisma/dataset: ${counts.join(", ")}`,
      datasetRevision: revision,
    },
  });
  return { outcome: "loaded", changed, revision, loadedAt: at, filesDiffer: false };
}

const isBusy = (error: unknown) => /database is locked|SQLITE_BUSY/i.test(String((error as Error)?.message ?? error));

/**
 * The start-time seed. On a database that has never been loaded, loads the dataset; on one that has,
 * writes nothing and says whether the files differ from what was loaded. Safe when several instances
 * start at once: on PostgreSQL an advisory lock lets one load while the others wait and then find it
 * loaded; on SQLite the write transaction (BEGIN IMMEDIATE) does the same. `texts` (by source id) are the
 * documents the sources' `text` names, stored with them (by default, the shipped `texts/` files).
 */
export async function seedDataset(
  db: Db,
  dataset: Dataset,
  texts: ReadonlyMap<string, string> = loadSourceTexts(dataset),
): Promise<SeedResult> {
  const notLoading = async (tx: Tx): Promise<SeedResult | null> => {
    const load = await readLoadRecord(tx);
    if (load)
      return {
        outcome: "already-loaded",
        changed: zeros(),
        revision: await readRevisionTx(tx),
        loadedAt: load.at,
        filesDiffer: baseOf(load, dataset).hash !== datasetFingerprint(dataset).hash,
      };
    if (await holdsRecords(tx))
      return {
        outcome: "unrecorded",
        changed: zeros(),
        revision: await readRevisionTx(tx),
        loadedAt: null,
        filesDiffer: await differsFromPublished(tx, dataset),
      };
    return null;
  };
  // A loaded database is only read: no write transaction is even opened.
  const early = await notLoading(db.prisma);
  if (early) return early;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.prisma.$transaction(
        async (tx) => {
          if (db.provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
          return (await notLoading(tx)) ?? (await firstLoad(tx, dataset, texts));
        },
        { timeout: 120_000, maxWait: 60_000 },
      );
      if (result.outcome === "loaded") await refreshStatistics(db);
      return result;
    } catch (error) {
      // Another process held SQLite's write lock past its busy timeout (a long first load): try again.
      if (db.provider !== "sqlite" || !isBusy(error) || attempt >= 8) throw error;
    }
  }
}
