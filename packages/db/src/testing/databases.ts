// Fresh, real databases for tests: a new SQLite file per run, and a new PostgreSQL database
// when one answers on 127.0.0.1:5432 (or STANCEMAP_TEST_PG_URL); never a mock.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.STANCEMAP_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function freshSqlite(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "stancemap-test-"));
  return { url: `file:${join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Null, with the reason, when no PostgreSQL server answers. */
export async function postgresAvailable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `no PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@]*@/, "//")} (${(error as Error).message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function freshPostgres(): Promise<TestDatabase> {
  // STANCEMAP_TEST_PG_TAG (a branch name, say) marks whose throwaway databases these are on a shared server.
  const tag = (process.env.STANCEMAP_TEST_PG_TAG ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 20);
  const name = `stancemap_test_${tag ? `${tag}_` : ""}${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
