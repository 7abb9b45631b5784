// SQLite through Prisma's better-sqlite3 adapter, tuned for several writers on one file:
// WAL, a busy timeout, and write transactions that take the write lock up front
// (BEGIN IMMEDIATE), so a concurrent writer waits instead of failing mid-transaction.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";

export const BUSY_TIMEOUT_MS = 15_000;

export function tuneSqlite(db: BetterSqlite3.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // FULL: each commit syncs the WAL, so an acknowledged write survives power loss (NORMAL would keep the
  // file consistent but could lose the last commits). Curation writes are few; the fsync is cheap for them.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
}

export class TunedSqliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.#inner = new PrismaBetterSQLite3({ url: `file:${path}`, timeout: BUSY_TIMEOUT_MS });
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.#inner.connect();
    // The adapter keeps its better-sqlite3 handle as `client` and opens transactions with a plain
    // (deferred) BEGIN; make that BEGIN IMMEDIATE so the write lock is taken before any read.
    const db = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    tuneSqlite(db);
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof db.prepare;
    return adapter;
  }
}
