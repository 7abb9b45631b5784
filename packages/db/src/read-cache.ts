// Public reads of one published revision, kept in process: a byte-bounded LRU keyed by (database handle,
// revision, query). A publish bumps the revision, so the next read asks for another key: no invalidation,
// and another instance's publish is seen at the next request, which reads the revision first.
import { LRUCache } from "lru-cache";
import type { Db } from "./client";
import { readCacheBytes } from "./env";
import { readRevision, readRevisionRow } from "./read-model";

const maxBytes = readCacheBytes();
// Values are boxed: a cached answer may be null ("not found"), which lru-cache does not store.
const lru = new LRUCache<string, { value: unknown; bytes: number }>({
  max: 100_000,
  maxSize: Math.max(maxBytes, 1),
  // One answer must not flush everything else (an ordinary one takes at most an eighth, checked in cachedRead).
  maxEntrySize: Math.max(maxBytes / 2, 1),
  sizeCalculation: (entry) => Math.max(1, entry.bytes),
});
/** The most an ordinary answer may take; a topic's frame (`large`) may take half the budget. */
const maxEntryBytes = maxBytes / 8;
const inFlight = new Map<string, Promise<unknown>>();
const handleIds = new WeakMap<Db, number>();
let nextHandle = 1;

function handleId(db: Db): number {
  let id = handleIds.get(db);
  if (id === undefined) {
    id = nextHandle++;
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
 */
export async function sharedRead<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  return cachedRead(db, await readRevision(db), key, async () => Object.freeze(await load()) as T, approxBytes);
}
