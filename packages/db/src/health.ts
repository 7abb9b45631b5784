// Readiness probes of the database, each within a deadline: does a read answer, does a write commit
// (a read-only file, a full disk, a standby server all refuse it), and is the pool swamped.
import type { Db } from "./client";
import { largeWriteRunning } from "./curation/off-thread";
import { readRevisionRow } from "./read-model";
import type { RevisionWatchState } from "./revision-watch";

export interface Check {
  ok: boolean;
  ms: number;
  reason?: string;
}

export interface DatabaseHealth {
  read: Check;
  write: Check;
  revision: number;
  pool?: { max: number; total: number; idle: number; waiting: number; saturated: boolean };
  /** PostgreSQL: whether the revision is kept from notifications (reported, not judged: reads fall back to the row). */
  revisionWatch?: Pick<RevisionWatchState, "live" | "notifications" | "reconnects" | "reason">;
}

const HEARTBEAT_KEY = "health.heartbeat";

function lastLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().split("\n").at(-1)?.trim() ?? text;
}

/** Runs `work` with a deadline; a late answer is a failure (the work itself is left to finish). */
async function timed<T>(work: () => Promise<T>, deadlineMs: number, what: string): Promise<{ check: Check; value?: T }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deadlineMs);
  });
  try {
    const result = await Promise.race([work().then((value) => ({ value })), late]);
    const ms = Math.round(performance.now() - started);
    if (result === "late") return { check: { ok: false, ms, reason: `${what} did not answer within ${deadlineMs} ms` } };
    return { check: { ok: true, ms }, value: result.value };
  } catch (error) {
    return { check: { ok: false, ms: Math.round(performance.now() - started), reason: `${what} failed: ${lastLine(error)}` } };
  } finally {
    clearTimeout(timer);
  }
}

async function writeProbe(db: Db): Promise<void> {
  if (db.provider === "postgresql") {
    const [row] = await db.sql.all<{ recovery: boolean; readOnly: string }>(
      `SELECT pg_is_in_recovery() AS "recovery", current_setting('default_transaction_read_only') AS "readOnly"`,
    );
    if (row?.recovery) throw new Error("the server is a standby (in recovery) and accepts no writes");
    if (row?.readOnly === "on") throw new Error("the database is read-only (default_transaction_read_only)");
  }
  // A large write holds SQLite's lock for seconds, ours or another process's on the same file
  // (STANCEMAP_WORKERS): the database is being written, and the probe would only wait behind it (that
  // write's own commit shows a full disk or a read-only file).
  if (largeWriteRunning(db)) return;
  // A committed write, so a full disk or a read-only file shows (a rolled-back one may never touch the disk).
  const value = new Date().toISOString();
  await db.prisma.setting.upsert({ where: { key: HEARTBEAT_KEY }, create: { key: HEARTBEAT_KEY, value }, update: { value } });
}

/** One write probe at a time, reused for `reuseMs` (0: not at all): frequent health polls don't queue writes behind each other. */
const lastWrite = new WeakMap<Db, { at: number; check: Promise<Check> }>();

export async function probeDatabase(db: Db, deadlineMs = 2_000, reuseMs = 2_000): Promise<DatabaseHealth> {
  // The row itself: a revision kept from notifications would answer with no database at all.
  const read = timed(() => readRevisionRow(db), deadlineMs, "a read");
  let write = lastWrite.get(db);
  // reuseMs 0: never reuse (a probe begun in the same millisecond as the last one would have been).
  if (!write || reuseMs <= 0 || Date.now() - write.at > reuseMs) {
    write = { at: Date.now(), check: timed(() => writeProbe(db), deadlineMs, "a write").then((r) => r.check) };
    lastWrite.set(db, write);
  }
  const [readResult, writeCheck] = await Promise.all([read, write.check]);
  const health: DatabaseHealth = { read: readResult.check, write: writeCheck, revision: readResult.value ?? 0 };
  if (db.pool) {
    const max = db.pool.options.max ?? 10;
    const waiting = db.pool.waitingCount;
    health.pool = { max, total: db.pool.totalCount, idle: db.pool.idleCount, waiting, saturated: waiting >= max };
  }
  if (db.revisions) {
    const { live, notifications, reconnects, reason } = db.revisions.state;
    health.revisionWatch = { live, notifications, reconnects, reason };
  }
  return health;
}
