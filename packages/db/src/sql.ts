// A thin SQL reader for the hot read paths (the map's stances, the network's reactions): hand-written,
// portable SQL straight through the driver, because Prisma's per-row overhead dominated those requests
// (measured with `npm run bench`). Writes and everything else go through Prisma.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type pg from "pg";
import type { Provider } from "./env";
import { tuneSqlite } from "./sqlite-adapter";

export interface SqlReader {
  readonly provider: Provider;
  /** Runs `text` with `$1`-style parameters and returns the rows. */
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** A condition that `column` is in the list passed as parameter `$n` (a string array). */
  inList(column: string, n: number): string;
  /** How a list parameter is passed. */
  list(values: readonly string[]): unknown;
  close(): Promise<void>;
}

/** The SQLite reader also lends its connection and statement cache to Kysely (kysely.ts). */
export interface SqliteReader extends SqlReader {
  connection(): Database.Database;
  readonly statements: Map<string, Database.Statement>;
}

export function sqliteReader(path: string): SqliteReader {
  mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database | null = null;
  const statements = new Map<string, Database.Statement>();
  const open = () => {
    if (!db) {
      db = new Database(path);
      tuneSqlite(db);
    }
    return db;
  };
  return {
    provider: "sqlite",
    connection: open,
    statements,
    async all<T>(text: string, params: readonly unknown[] = []) {
      let statement = statements.get(text);
      if (!statement) {
        // better-sqlite3 binds numbered parameters by name: $1 becomes @p1.
        statement = open().prepare(text.replace(/\$(\d+)/g, "@p$1"));
        statements.set(text, statement);
      }
      return (params.length ? statement.all(Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]))) : statement.all()) as T[];
    },
    inList: (column, n) => `${column} IN (SELECT value FROM json_each($${n}))`,
    list: (values) => JSON.stringify(values),
    async close() {
      statements.clear();
      db?.close();
      db = null;
    },
  };
}

export function postgresReader(pool: pg.Pool): SqlReader {
  return {
    provider: "postgresql",
    async all<T>(text: string, params: readonly unknown[] = []) {
      return (await pool.query(text, params as unknown[])).rows as T[];
    },
    inList: (column, n) => `${column} = ANY($${n}::text[])`,
    list: (values) => [...values],
    async close() {},
  };
}
