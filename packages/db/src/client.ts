// The Prisma client factory: one generated client per provider, chosen by the database URL.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseUrl, type Provider, providerOf, sqlitePath } from "./env";
import { PrismaClient as PgClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { postgresReader, type SqlReader, sqliteReader } from "./sql";
import { TunedSqliteAdapterFactory } from "./sqlite-adapter";

/** Both generated clients share one model, so the SQLite client's type describes either. */
export type PrismaDb = SqliteClient;

export interface Db {
  prisma: PrismaDb;
  /** Hand-written SQL for the hot read paths; see sql.ts. */
  sql: SqlReader;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

export function createDb(url: string = databaseUrl()): Db {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const path = sqlitePath(url);
    const prisma = new SqliteClient({ adapter: new TunedSqliteAdapterFactory(path) });
    const sql = sqliteReader(path);
    return { prisma, sql, provider, url, close: async () => void (await Promise.all([prisma.$disconnect(), sql.close()])) };
  }
  // One pool shared by Prisma and the SQL reader.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (a restart, a terminated backend) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.warn(`[db] an idle PostgreSQL connection was lost: ${error.message}`));
  const prisma = new PgClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaDb;
  return {
    prisma,
    sql: postgresReader(pool),
    provider,
    url,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const globalForDb = globalThis as unknown as { stancemapDb?: Db };

/** The process-wide client for the configured database (kept across hot reloads in development). */
export function getDb(): Db {
  globalForDb.stancemapDb ??= createDb();
  return globalForDb.stancemapDb;
}
