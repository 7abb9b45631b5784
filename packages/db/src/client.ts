// The Prisma client factory: one generated client per provider, chosen by the database URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, type Provider, providerOf, sqlitePath } from "./env";
import { PrismaClient as PgClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { TunedSqliteAdapterFactory } from "./sqlite-adapter";

/** Both generated clients share one model, so the SQLite client's type describes either. */
export type PrismaDb = SqliteClient;

export interface Db {
  prisma: PrismaDb;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

export function createDb(url: string = databaseUrl()): Db {
  const provider = providerOf(url);
  const prisma =
    provider === "sqlite"
      ? new SqliteClient({ adapter: new TunedSqliteAdapterFactory(sqlitePath(url)) })
      : (new PgClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as PrismaDb);
  return { prisma, provider, url, close: () => prisma.$disconnect() };
}

const globalForDb = globalThis as unknown as { stancemapDb?: Db };

/** The process-wide client for the configured database (kept across hot reloads in development). */
export function getDb(): Db {
  globalForDb.stancemapDb ??= createDb();
  return globalForDb.stancemapDb;
}
