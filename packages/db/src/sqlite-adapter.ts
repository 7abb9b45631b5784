// SQLite through Prisma's better-sqlite3 adapter, tuned for several writers on one file:
// WAL, write transactions that take the write lock up front (BEGIN IMMEDIATE), and waits for the lock
// that never block the server's event loop: better-sqlite3's busy timeout sleeps inside the calling
// thread, so the server's connection has a tiny one and waits for a busy lock asynchronously instead.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";

/** How long a write waits for another writer's lock before it fails. */
export const BUSY_TIMEOUT_MS = 15_000;
/** The busy timeout of a connection on the server's event loop: a wait longer than this happens asynchronously. */
export const EVENT_LOOP_BUSY_TIMEOUT_MS = 2;

export function tuneSqlite(db: BetterSqlite3.Database, busyTimeoutMs = BUSY_TIMEOUT_MS): void {
  db.pragma("journal_mode = WAL");
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // FULL: each commit syncs the WAL, so an acknowledged write survives power loss (NORMAL would keep the
  // file consistent but could lose the last commits). Curation writes are few; the fsync is cheap for them.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
}

/** SQLITE_BUSY (or BUSY_*), as better-sqlite3 throws it or as Prisma's adapter wraps it. */
export function isBusy(error: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== "object" || seen.has(e)) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (typeof o.code === "string" && o.code.startsWith("SQLITE_BUSY")) return true;
    if (typeof o.originalCode === "string" && o.originalCode.startsWith("SQLITE_BUSY")) return true;
    return walk(o.cause);
  };
  return walk(error);
}

/**
 * Runs `attempt` (which must do nothing when it fails busy) until it is not refused as busy, waiting
 * asynchronously between tries (1 ms doubling to 50 ms), for up to BUSY_TIMEOUT_MS from the first refusal
 * (an attempt may first wait for something else: that is not waiting for the lock).
 */
export async function whenNotBusy<T>(attempt: () => T | Promise<T>): Promise<T> {
  let refusedAt: number | undefined;
  for (let wait = 1; ; wait = Math.min(50, wait * 2)) {
    try {
      return await attempt();
    } catch (error) {
      refusedAt ??= Date.now();
      if (!isBusy(error) || Date.now() - refusedAt >= BUSY_TIMEOUT_MS) throw error;
    }
    await delay(wait);
  }
}

/** One transaction at a time on a connection, in the order they asked. */
class Turn {
  #tail: Promise<void> = Promise.resolve();
  take(): Promise<() => void> {
    let release = () => {};
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

/** The write transaction open on a connection: its statements' rows are not committed until `closed`. */
type Holder = { closed: Promise<void> };

export class TunedSqliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;
  readonly #blocking: boolean;

  /** `blocking`: the connection may wait for a lock inside its thread (a worker thread, a script). */
  constructor(path: string, opts: { blocking?: boolean } = {}) {
    mkdirSync(dirname(path), { recursive: true });
    this.#blocking = opts.blocking ?? false;
    const timeout = this.#blocking ? BUSY_TIMEOUT_MS : EVENT_LOOP_BUSY_TIMEOUT_MS;
    this.#inner = new PrismaBetterSQLite3({ url: `file:${path}`, timeout });
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.#inner.connect();
    // The adapter keeps its better-sqlite3 handle as `client` and opens transactions with a plain
    // (deferred) BEGIN; make that BEGIN IMMEDIATE so the write lock is taken before any read.
    const db = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    tuneSqlite(db, this.#blocking ? BUSY_TIMEOUT_MS : EVENT_LOOP_BUSY_TIMEOUT_MS);
    let begun = false;
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      if (sql !== "BEGIN") return prepare(sql);
      // Already begun below, with waits off the thread: the adapter's own BEGIN does nothing.
      if (begun) return prepare("SELECT 1");
      return prepare("BEGIN IMMEDIATE");
    }) as typeof db.prepare;
    if (this.#blocking) return adapter;

    // A statement outside a transaction runs on the same connection as the transactions, and would run
    // inside one that is open: a read would see its rows before they are committed (or rolled back), a write
    // would be rolled back with it. It waits until none is open, checked in the same synchronous step as
    // better-sqlite3 runs it, and retries a busy lock asynchronously (autocommit writes); the wait for a
    // transaction does not count against the busy budget. Work inside a transaction reads through the
    // transaction (`tx`), never the handle: a read through the handle would wait for its own transaction.
    // (So the wait cannot tell one async flow from another: Prisma batches the findUnique calls of one tick,
    // from any flow, and runs them in the first caller's.)
    let open: Holder | undefined;
    const outside = <T>(run: () => Promise<T>): Promise<T> =>
      whenNotBusy(async () => {
        while (open) await open.closed;
        return run();
      });
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = (query) => outside(() => queryRaw(query));
    adapter.executeRaw = (query) => outside(() => executeRaw(query));
    // A transaction takes its turn on this connection, then the write lock with asynchronous retries, and
    // only then lets the adapter open it (the adapter would keep its own lock for ever if BEGIN failed).
    const turn = new Turn();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const taken = await turn.take();
      let closed = () => {};
      const holder: Holder = { closed: new Promise<void>((resolve) => (closed = resolve)) };
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (open === holder) open = undefined;
        closed();
        taken();
      };
      let tx: Transaction;
      try {
        // Open from BEGIN (not while waiting for another process's lock), in the same synchronous step: no
        // statement from outside runs in between.
        await whenNotBusy(() => {
          prepare("BEGIN IMMEDIATE").run();
          open = holder;
        });
        begun = true;
        try {
          tx = await startTransaction(isolationLevel);
        } finally {
          begun = false;
        }
      } catch (error) {
        if (db.inTransaction) prepare("ROLLBACK").run();
        release();
        throw error;
      }
      // Prisma sends COMMIT (or ROLLBACK) as a statement and calls commit() (rollback()) only once it
      // succeeded: after a failed one (a deferred constraint, a full disk) nothing would ever close the
      // transaction, nor free the adapter's own lock, and every statement and transaction on the connection
      // would wait for ever. It is rolled back and closed then.
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      const ending =
        <Q extends { sql: string }, R>(run: (query: Q) => Promise<R>) =>
        async (query: Q): Promise<R> => {
          try {
            return await run(query);
          } catch (error) {
            if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) {
              try {
                if (db.inTransaction) prepare("ROLLBACK").run();
              } finally {
                await rollback().finally(release);
              }
            }
            throw error;
          }
        };
      tx.executeRaw = ending(tx.executeRaw.bind(tx));
      tx.queryRaw = ending(tx.queryRaw.bind(tx));
      tx.commit = () => commit().finally(release);
      tx.rollback = () => rollback().finally(release);
      return tx;
    };
    return adapter;
  }
}
