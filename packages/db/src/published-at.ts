// The published dataset as it was at an earlier revision, rebuilt from today's records and the audit
// log: every change published after revision N is undone, newest first, from its `before` snapshot
// (old-form snapshots read in today's form, stored-json.ts). A revision never changes, so each is kept.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AnyRecord, COLLECTIONS, type Dataset, type EntityType, keyOf, RECORD_TYPES } from "@stancemap/core";
import { createDb, type Db } from "./client";
import { CurationError } from "./curation/errors";
import { breathe, createRecords, readAll, type Stored, WRITE_ORDER } from "./curation/records";
import { upgradeStored } from "./curation/stored-json";
import { migrate } from "./migrate";
import { readRevisionRow } from "./read-model";

/** A revision that cannot be shown: 400 when it is not one (below 1), 404 when there is none such. */
export class RevisionUnavailable extends CurationError {
  constructor(status: 400 | 404, message: string) {
    super(status, message, [{ field: "revision", code: status === 400 ? "too_small" : "not_found", message }]);
  }
}

export interface RevisionInfo {
  revision: number;
  /** The dataset's revision now. */
  current: number;
  /** When it was published (ISO timestamp), when known. */
  at: string | null;
}

export interface PublishedAt extends RevisionInfo {
  /** Every published record of each type, with its version then, in key order. */
  records: Record<EntityType, Stored[]>;
  dataset: Dataset;
}

async function revisionRow(db: Db) {
  return db.prisma.datasetRevision.findUnique({ where: { id: 1 }, select: { revision: true, historyFrom: true, updatedAt: true } });
}

/** When revision `n` was published: the time of the audit rows it wrote (the row's time for the current one). */
async function publishedTime(db: Db, n: number, row: { revision: number; updatedAt: Date } | null): Promise<string | null> {
  const change = await db.prisma.change.findFirst({ where: { datasetRevision: n }, orderBy: { id: "desc" }, select: { at: true } });
  if (change) return change.at.toISOString();
  return row && row.revision === n ? row.updatedAt.toISOString() : null;
}

/** Checks that revision `n` exists and can be rebuilt, and says when it was published. */
export async function revisionInfo(db: Db, n: number): Promise<RevisionInfo> {
  if (!Number.isInteger(n) || n < 1) throw new RevisionUnavailable(400, "revision must be a whole number from 1");
  const row = await revisionRow(db);
  const current = row?.revision ?? 0;
  if (n > current) throw new RevisionUnavailable(404, `no revision ${n}: the dataset is at revision ${current}`);
  if (n < (row?.historyFrom ?? 0))
    throw new RevisionUnavailable(404, `revision ${n} was published before the history kept here begins (revision ${row?.historyFrom})`);
  return { revision: n, current, at: await publishedTime(db, n, row) };
}

type Snapshot = { version?: number; record: AnyRecord | null };
const RECORD = new Set<string>(RECORD_TYPES);

async function rebuild(db: Db, n: number): Promise<PublishedAt> {
  const info = await revisionInfo(db, n);
  // The published tables as they are now; then the revision they are at, read after them (a publish whose
  // writes the reads saw had committed, and bumped the revision, before it); then the audit rows of every
  // revision after n up to that one (written in the same transaction as its records). A record those rows
  // touch is put back as the earliest of them found it; every other record was the same at n as read. So a
  // publish during the reads needs no second attempt: a stream of publishes used to make every attempt
  // fail ("the dataset kept changing").
  const state = new Map<EntityType, Map<string, Stored>>();
  // Outside any transaction: other requests are served between the parts of a large dataset's read.
  for (const type of WRITE_ORDER)
    state.set(type, new Map((await readAll(db.prisma, type, breathe)).map((s) => [keyOf(type, s.record), s])));
  const current = Math.max(info.current, (await revisionRow(db))?.revision ?? 0);
  const changes = await db.prisma.change.findMany({
    where: { datasetRevision: { gt: n, lte: current }, recordVersion: { not: null } },
    orderBy: [{ datasetRevision: "desc" }, { id: "desc" }],
    select: { entityType: true, entityId: true, before: true },
  });
  for (const change of changes) {
    if (!RECORD.has(change.entityType)) continue;
    const type = change.entityType as EntityType;
    const records = state.get(type) as Map<string, Stored>;
    const before = change.before ? (JSON.parse(change.before) as Snapshot) : null;
    if (before?.record) records.set(change.entityId, { record: upgradeStored(type, before.record), version: before.version ?? 0 });
    else records.delete(change.entityId);
  }
  const records = {} as Record<EntityType, Stored[]>;
  const dataset: Record<string, AnyRecord[]> = {};
  for (const type of WRITE_ORDER) {
    const list = [...(state.get(type) as Map<string, Stored>).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
    records[type] = list;
    dataset[COLLECTIONS[type]] = list.map((s) => s.record);
  }
  return { ...info, current, records, dataset: dataset as unknown as Dataset };
}

const KEEP = 8;

/**
 * What this process keeps of earlier revisions, on `globalThis`: Next bundles the pages and the route
 * handlers apart, each with its own copy of this module, and the database handle is shared (client.ts).
 * With a copy each, `/?revision=1` and an export of revision 1 built a snapshot each (two builds of 95 s at
 * 20,000 actors), and one build at a time held per copy only.
 */
interface Kept {
  rebuilt: WeakMap<Db, Map<number, Promise<PublishedAt>>>;
  snapshots: WeakMap<Db, Map<number, Snap>>;
  folders: Set<string>;
  queue: { building: Promise<unknown> };
  builds: { queued: number; running: number; mostRunning: number };
}
const globalStore = globalThis as unknown as { stancemapPublishedAt?: Kept };
globalStore.stancemapPublishedAt ??= {
  rebuilt: new WeakMap(),
  snapshots: new WeakMap(),
  folders: new Set(),
  queue: { building: Promise.resolve() },
  builds: { queued: 0, running: 0, mostRunning: 0 },
};
const held = globalStore.stancemapPublishedAt;
const rebuilt = held.rebuilt;

/**
 * The published dataset at revision `n` (every actor, topic, source, stance, gap, reaction and event with
 * its evidence, as it was). Refuses (RevisionUnavailable) a revision below 1, past the current one, or
 * before the history this database keeps. Kept per database and revision (the last eight asked).
 */
export async function publishedAt(db: Db, n: number): Promise<PublishedAt> {
  const kept = rebuilt.get(db) ?? new Map<number, Promise<PublishedAt>>();
  rebuilt.set(db, kept);
  const hit = kept.get(n);
  if (hit) {
    kept.delete(n);
    kept.set(n, hit);
    return hit;
  }
  const making = rebuild(db, n);
  kept.set(n, making);
  making.catch(() => kept.delete(n));
  while (kept.size > KEEP) kept.delete(kept.keys().next().value as number);
  return making;
}

interface Snap {
  db: Promise<Db>;
  users: number;
  evicted: boolean;
  dir: string;
}
const SNAPSHOTS = 4;
const snapshots = held.snapshots;

async function closeSnap(snap: Snap): Promise<void> {
  try {
    await (await snap.db).close();
  } catch {
    // A snapshot that failed to build has nothing open.
  }
  rmSync(snap.dir, { recursive: true, force: true });
  folders.delete(snap.dir);
}

/** The snapshots kept for `db`; closing the handle closes them too (those in use, once their reads end). */
function snapshotsOf(db: Db): Map<number, Snap> {
  let kept = snapshots.get(db);
  if (!kept) {
    const all = new Map<number, Snap>();
    kept = all;
    snapshots.set(db, all);
    const close = db.close;
    db.close = async () => {
      const open = [...all.values()];
      all.clear();
      for (const snap of open) snap.evicted = true;
      await Promise.all(open.filter((snap) => snap.users === 0).map(closeSnap));
      await close();
    };
  }
  return kept;
}

/** This process's snapshot folders still there: removed when it exits (a server stopped, a test run
 * ended), not left in the temporary folder. */
const folders = held.folders;
let sweepOnExit = false;
function snapshotFolder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `stancemap-r${n}-`));
  folders.add(dir);
  if (!sweepOnExit) {
    sweepOnExit = true;
    process.once("exit", () => {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    });
  }
  return dir;
}

/**
 * Snapshot builds run one at a time in this process: each reads and writes every record (about 95 s at
 * 20,000 actors), and a visitor asking for ?revision=1, 2, 3… at once would multiply that work. A build
 * waits for the one before it; builds of one revision are shared (withPublishedAt keeps them).
 */
const queue = held.queue;
/** Builds waiting or running, and the most ever running at once (for tests and health). */
export const snapshotBuilds = held.builds;

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  snapshotBuilds.queued++;
  const run = queue.building.then(async () => {
    snapshotBuilds.queued--;
    snapshotBuilds.running++;
    snapshotBuilds.mostRunning = Math.max(snapshotBuilds.mostRunning, snapshotBuilds.running);
    try {
      return await work();
    } finally {
      snapshotBuilds.running--;
    }
  });
  queue.building = run.catch(() => {});
  return run;
}

async function buildSnapshot(db: Db, n: number, dir: string): Promise<Db> {
  const at = await publishedAt(db, n);
  const url = `file:${join(dir, "dataset.db")}`;
  await migrate(url);
  const snap = createDb(url);
  await snap.prisma.$transaction(
    async (tx) => {
      // The snapshot's own file and connection, which no request reads until it is built: other requests
      // are served between its statements.
      for (const type of WRITE_ORDER) await createRecords(tx, type, at.records[type], breathe);
      const updatedAt = at.at ? new Date(at.at) : new Date(0);
      await tx.datasetRevision.create({ data: { id: 1, revision: n, historyFrom: n, updatedAt } });
    },
    { timeout: 600_000 },
  );
  return snap;
}

/**
 * Runs `read` on a database holding only the data published at revision `n` (a private SQLite file built
 * from publishedAt, with the revision row set to `n`), so every read the dashboard, actor pages and
 * exports make shows that revision unchanged. The last four are kept; one evicted while in use is closed
 * when its last reader finishes.
 */
export async function withPublishedAt<T>(db: Db, n: number, read: (snapshot: Db) => Promise<T>): Promise<T> {
  const kept = snapshotsOf(db);
  let snap = kept.get(n);
  if (snap) kept.delete(n);
  else {
    await revisionInfo(db, n);
    const dir = snapshotFolder(n);
    snap = { db: oneAtATime(() => buildSnapshot(db, n, dir)), users: 0, evicted: false, dir };
    const made = snap;
    made.db.catch(() => {
      if (kept.get(n) === made) kept.delete(n);
      made.evicted = true;
    });
  }
  kept.set(n, snap);
  while (kept.size > SNAPSHOTS) {
    const [oldest, old] = kept.entries().next().value as [number, Snap];
    kept.delete(oldest);
    old.evicted = true;
    if (old.users === 0) void closeSnap(old);
  }
  snap.users++;
  try {
    return await read(await snap.db);
  } finally {
    snap.users--;
    if (snap.evicted && snap.users === 0) void closeSnap(snap);
  }
}

/**
 * `read` over one published revision, and that revision in `revisionOf(answer)`. Pinned: `pinned`'s
 * snapshot. Otherwise the live tables, kept when the revision row after the read names the revision the
 * read began with (the row itself: a kept revision, revision-watch.ts, may not yet know of a publish the read
 * saw). A publish during a read may mix two states: it is read again, and after a second mixed read, the
 * snapshot of the revision then current is.
 */
export async function consistentRead<T>(
  db: Db,
  read: (from: Db) => Promise<T>,
  revisionOf: (answer: T) => number,
  pinned?: number,
): Promise<T> {
  if (pinned) return withPublishedAt(db, pinned, read);
  for (let attempt = 0; attempt < 2; attempt++) {
    const live = await read(db);
    if (revisionOf(live) === (await readRevisionRow(db))) return live;
  }
  return withPublishedAt(db, await readRevisionRow(db), read);
}
