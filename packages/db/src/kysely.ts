// Kysely over the connections the database handle already has: the SQL reader's better-sqlite3 connection
// (with its prepared-statement cache) or the one pg pool. The hot reads are written with it, typed by the
// `DB` that prisma-kysely generates from prisma/schema.prisma next to each Prisma client.
import type BetterSqlite3 from "better-sqlite3";
import {
  type Expression,
  Kysely,
  PostgresDialect,
  type RawBuilder,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteStatement,
  sql,
} from "kysely";
import type pg from "pg";
import type { Provider } from "./env";
import type { DB } from "./generated/sqlite/kysely";

/** Both generated type files describe one model; they differ only in how DateTime columns are typed, which the hot reads do not read. */
export type ReadDb = Kysely<DB>;

/**
 * SQLite: Kysely prepares every query it runs; this hands it the reader's cached statements instead, so a
 * hot query is prepared once per connection, as before.
 */
export function sqliteKysely(connection: () => BetterSqlite3.Database, statements: Map<string, BetterSqlite3.Statement>): ReadDb {
  const database: SqliteDatabase = {
    close: () => {},
    prepare(text: string): SqliteStatement {
      let statement = statements.get(text);
      if (!statement) {
        statement = connection().prepare(text);
        statements.set(text, statement);
      }
      return statement as unknown as SqliteStatement;
    },
  };
  return new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
}

/** PostgreSQL: queries take a client of the handle's one pool (pg-pool.ts) and give it back. */
export function postgresKysely(pool: pg.Pool): ReadDb {
  // Kysely's destroy() would end the pool; the handle's close() does that, once.
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: { connect: () => pool.connect(), end: async () => {} } }) });
}

/**
 * `column` is one of `values`, as one statement whatever the list's length (so its plan and its cached
 * statement are reused): SQLite reads the list from a JSON parameter, PostgreSQL from a text[] one.
 */
export function inList(provider: Provider, column: Expression<unknown>, values: readonly string[]): RawBuilder<boolean> {
  return provider === "sqlite"
    ? sql<boolean>`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`
    : sql<boolean>`${column} = ANY(${[...values]}::text[])`;
}
