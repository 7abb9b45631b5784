// Public reads of one published revision, kept in process: a byte-bounded LRU keyed by (database handle,
// revision, query). A publish bumps the revision, so the next read asks for another key: no invalidation,
// and another instance's publish is seen at the next request, which reads the revision first.
import { type EntityType, RECORD_TYPES } from "@stancemap/core";
import { LRUCache } from "lru-cache";
import type { Db } from "./client";
import { readCacheBytes } from "./env";
import { readRevision, readRevisionRow } from "./read-model";

const maxBytes = readCacheBytes();

/**
 * The cache, on `globalThis`: Next bundles the pages and the route handlers apart, each with its own copy
 * of this module (three in a build), and the database handle is shared (client.ts). With a copy each, the
 * budget held three times over, and a topic's frame (tens of MB at 20,000 actors) was read and kept once
 * per copy.
 */
interface Shared {
  lru: LRUCache<string, { value: unknown; bytes: number }>;
  inFlight: Map<string, Promise<unknown>>;
  handleIds: WeakMap<Db, number>;
  nextHandle: { n: number };
  newest: LRUCache<string, { revision: number; value: unknown; bytes: number }>;
}
// By budget: a module loaded afresh with another budget (a test's) gets a cache of its own.
const globalStore = globalThis as unknown as { stancemapReadCaches?: Map<number, Shared> };
globalStore.stancemapReadCaches ??= new Map();
const caches = globalStore.stancemapReadCaches;
const shared = caches.get(maxBytes) ?? {
  // Values are boxed: a cached answer may be null ("not found"), which lru-cache does not store.
  lru: new LRUCache<string, { value: unknown; bytes: number }>({
    max: 100_000,
    maxSize: Math.max(maxBytes, 1),
    // One answer must not flush everything else (an ordinary one takes at most an eighth, checked in cachedRead).
    maxEntrySize: Math.max(maxBytes / 2, 1),
    sizeCalculation: (entry) => Math.max(1, entry.bytes),
  }),
  inFlight: new Map(),
  handleIds: new WeakMap(),
  nextHandle: { n: 1 },
  /** The newest answer made for each carried key, per database handle: what a later revision may take over. */
  newest: new LRUCache<string, { revision: number; value: unknown; bytes: number }>({
    max: 256,
    // The same budget again, whatever the keys (a snapshot's handle adds keys that are never carried).
    maxSize: Math.max(maxBytes, 1),
    sizeCalculation: (entry) => Math.max(1, entry.bytes),
  }),
};
caches.set(maxBytes, shared);
const { lru, inFlight, handleIds, newest } = shared;
/** The most an ordinary answer may take; a topic's frame (`large`) may take half the budget. */
const maxEntryBytes = maxBytes / 8;

function handleId(db: Db): number {
  let id = handleIds.get(db);
  if (id === undefined) {
    id = shared.nextHandle.n++;
    handleIds.set(db, id);
  }
  return id;
}

/** The process's cache, for tests and for the health figures. */
export const readCache = {
  get bytes() {
    return lru.calculatedSize;
  },
  get entries() {
    return lru.size;
  },
  clear: () => lru.clear(),
};

/**
 * `load()`'s answer for `key` at `revision` (the revision the caller read for this request), from the
 * cache when another request asked the same of the same revision. Concurrent misses share one load. An
 * answer is kept only when the revision read after it was loaded is still `revision`: a publish during
 * the load may have mixed two states, and those must not be served as either.
 * `bytes(value)` is what the entry counts against the budget: at most an eighth of it, or half with `large`
 * (an index that every request of a revision reads, worth more than many answers it would push out).
 */
export async function cachedRead<T>(
  db: Db,
  revision: number,
  key: string,
  load: () => Promise<T>,
  bytes: (value: T) => number,
  opts: { large?: boolean } = {},
): Promise<T> {
  if (maxBytes === 0) return load();
  const k = `${handleId(db)}\u0000${revision}\u0000${key}`;
  const hit = lru.get(k);
  if (hit) return hit.value as T;
  let pending = inFlight.get(k) as Promise<T> | undefined;
  if (!pending) {
    pending = (async () => {
      const value = await load();
      const size = bytes(value);
      // An entry over half the budget is refused by lru-cache itself. The row itself, not a kept value: a
      // publish whose notification is still on its way must still keep a mixed read out (revision-watch.ts).
      if ((opts.large || size <= maxEntryBytes) && (await readRevisionRow(db)) === revision) lru.set(k, { value, bytes: size });
      return value;
    })().finally(() => inFlight.delete(k));
    inFlight.set(k, pending);
  }
  return pending;
}

/**
 * A rough size of a read in memory: about three times its JSON length (UTF-16 strings, object headers).
 * A long list is measured on a sample of its items, so a miss does not serialise a whole timeline.
 */
export function approxBytes(value: unknown): number {
  if (Array.isArray(value) && value.length > 64) {
    const step = value.length / 64;
    let sampled = 0;
    for (let i = 0; i < 64; i++) sampled += JSON.stringify(value[Math.floor(i * step)] ?? null).length;
    return Math.ceil((sampled / 64) * value.length * 3);
  }
  return (JSON.stringify(value)?.length ?? 0) * 3;
}

/**
 * A whole-table read of the published dataset (every actor, a topic's timeline), shared by the requests
 * of one revision. The list is frozen: callers share it, so none may sort or fill it in place.
 * With `dependsOn`, a later revision whose publishes changed none of those record types takes it over
 * (carriedRead).
 */
export async function sharedRead<T>(db: Db, key: string, load: () => Promise<T>, dependsOn?: readonly EntityType[]): Promise<T> {
  const frozen = async () => Object.freeze(await load()) as T;
  const revision = await readRevision(db);
  return dependsOn ? carriedRead(db, revision, key, dependsOn, frozen, approxBytes) : cachedRead(db, revision, key, frozen, approxBytes);
}

/**
 * The audit rows that change no published record (a draft's publish row beside its records' rows). Every
 * other type is a record type, or one this module does not know, which counts as changing everything.
 */
const NO_RECORD = new Set(["draft"]);
const RECORD = new Set<string>(RECORD_TYPES);

/**
 * Whether revisions `from` and `to` hold the same records of the types `dependsOn`: every revision between
 * wrote audit rows (Change, in the transaction that bumped it, as published-at.ts rebuilds a revision
 * from), within the history kept, and none of them is of those types or of a type not known here.
 */
export async function unchangedBetween(db: Db, from: number, to: number, dependsOn: readonly EntityType[]): Promise<boolean> {
  if (!(from < to)) return from === to;
  const row = await db.kysely.selectFrom("DatasetRevision").select("historyFrom").where("id", "=", 1).executeTakeFirst();
  if (!row || Number(row.historyFrom) > from) return false;
  const rows = await db.kysely
    .selectFrom("Change")
    .select(["datasetRevision", "entityType"])
    .distinct()
    .where("datasetRevision", ">", from)
    .where("datasetRevision", "<=", to)
    .execute();
  const depends = new Set<string>(dependsOn);
  return (
    new Set(rows.map((r) => Number(r.datasetRevision))).size === to - from &&
    rows.every((r) => NO_RECORD.has(r.entityType) || (RECORD.has(r.entityType) && !depends.has(r.entityType)))
  );
}

/**
 * `cachedRead` for an answer that depends only on records of the types `dependsOn`: on a miss, the newest
 * answer made for `key` is taken over when no publish since changed one of those types (checked in the
 * audit log: one indexed read), else it is loaded. Editors publishing actors every second made every
 * dashboard request of the next revision read a topic's tens of thousands of stances again.
 * An answer loaded while a publish landed may mix the two revisions; it is only taken over when that
 * publish changed none of the types it depends on, and then the mix is the same records either way.
 */
export async function carriedRead<T>(
  db: Db,
  revision: number,
  key: string,
  dependsOn: readonly EntityType[],
  load: () => Promise<T>,
  bytes: (value: T) => number,
  opts: { large?: boolean } = {},
): Promise<T> {
  const k = `${handleId(db)}\u0000${key}`;
  const carryOrLoad = async (): Promise<T> => {
    const last = newest.get(k);
    let value: T | undefined;
    let carried = false;
    if (last && last.revision < revision && (await unchangedBetween(db, last.revision, revision, dependsOn))) {
      value = last.value as T;
      carried = true;
    }
    if (!carried) value = await load();
    const now = newest.get(k);
    // Kept only as the cache itself would keep an entry, and all of them within the cache's budget again:
    // the budget bounds what is carried too (and nothing is kept with the cache turned off).
    const size = bytes(value as T);
    if ((!now || now.revision < revision) && size <= (opts.large ? maxBytes / 2 : maxEntryBytes))
      newest.set(k, { revision, value, bytes: size });
    return value as T;
  };
  return cachedRead(db, revision, key, carryOrLoad, bytes, opts);
}
