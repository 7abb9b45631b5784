// The Prisma client factory: one generated client per provider, chosen by the database URL.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { databaseUrl, type Provider, pgPoolSettings, providerOf, sqlitePath } from "./env";
import { PrismaClient as PgClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { postgresKysely, type ReadDb, sqliteKysely } from "./kysely";
import { createPool } from "./pg-pool";
import { RevisionWatch, setBumpLifetime } from "./revision-watch";
import { postgresReader, type SqlReader, sqliteReader } from "./sql";
import { TunedSqliteAdapterFactory } from "./sqlite-adapter";

/** Both generated clients share one model, so the SQLite client's type describes either. */
export type PrismaDb = SqliteClient;

export interface Db {
  prisma: PrismaDb;
  /** Hand-written SQL through the driver; see sql.ts. */
  sql: SqlReader;
  /** The hot reads' query builder, over the same connection or pool (kysely.ts). */
  kysely: ReadDb;
  provider: Provider;
  url: string;
  /** PostgreSQL only: the pool, for readiness (how many requests wait for a connection). */
  pool?: pg.Pool;
  /** PostgreSQL, when asked for: the revision kept from the database's notifications (revision-watch.ts). */
  revisions?: RevisionWatch;
  close(): Promise<void>;
}

/**
 * `blocking` (SQLite): the connection may wait for another writer's lock inside its thread, as a worker
 * thread may; the server's own connection waits asynchronously (see sqlite-adapter.ts).
 */
export function createDb(url: string = databaseUrl(), opts: { blocking?: boolean; watchRevision?: boolean } = {}): Db {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const path = sqlitePath(url);
    const prisma = new SqliteClient({ adapter: new TunedSqliteAdapterFactory(path, opts) });
    const sql = sqliteReader(path);
    const kysely = sqliteKysely(sql.connection, sql.statements);
    return { prisma, sql, kysely, provider, url, close: async () => void (await Promise.all([prisma.$disconnect(), sql.close()])) };
  }
  // One pool shared by Prisma, the SQL reader and Kysely; see pg-pool.ts for why it is wrapped.
  const settings = pgPoolSettings();
  const pool = createPool(url, settings);
  const prisma = new PgClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: settings.STANCEMAP_PG_TX_MAX_WAIT_MS, timeout: settings.STANCEMAP_PG_TX_TIMEOUT_MS },
  }) as unknown as PrismaDb;
  setBumpLifetime(settings.STANCEMAP_PG_TX_TIMEOUT_MS + 5_000);
  const revisions = opts.watchRevision && settings.STANCEMAP_PG_REVISION_LISTEN === "1" ? new RevisionWatch(url) : undefined;
  return {
    prisma,
    sql: postgresReader(pool),
    kysely: postgresKysely(pool),
    provider,
    url,
    pool,
    revisions,
    close: async () => {
      await revisions?.stop();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const globalForDb = globalThis as unknown as { stancemapDb?: Db };

/** The process-wide client for the configured database (kept across hot reloads in development); on
 * PostgreSQL it keeps the revision from the database's notifications. */
export function getDb(): Db {
  globalForDb.stancemapDb ??= createDb(databaseUrl(), { watchRevision: true });
  return globalForDb.stancemapDb;
}
