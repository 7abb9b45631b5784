// Applies prisma/migrations/<provider>/<stamp>_<name>/migration.sql in order, each in its own
// transaction, recorded in a `_prisma_migrations` ledger compatible with `prisma migrate deploy`.
// Our own step because Prisma's schema engine cannot read PostgreSQL through a driver adapter here.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { findRepoRoot, type Provider, providerOf, sqlitePath } from "./env";
import { tuneSqlite } from "./sqlite-adapter";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  provider: Provider;
  applied: string[];
  alreadyApplied: string[];
}

const LEDGER = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

const APPLIED = `SELECT "migration_name" AS name, "checksum" AS checksum FROM "_prisma_migrations"
  WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;

export function readMigrations(provider: Provider, root: string = findRepoRoot()): Migration[] {
  const dir = join(root, "prisma", "migrations", provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkEdited(migrations: Migration[], applied: Map<string, string>) {
  for (const m of migrations) {
    const checksum = applied.get(m.name);
    if (checksum && checksum !== m.checksum) {
      throw new Error(`migration ${m.name} was changed after it was applied; add a new migration instead`);
    }
  }
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    tuneSqlite(db);
    db.exec(LEDGER.sqlite);
    const result: MigrateResult = { provider: "sqlite", applied: [], alreadyApplied: [] };
    // Foreign keys off while a migration runs (a PRAGMA inside a transaction is ignored): a migration
    // that rebuilds a table drops the old one, and with foreign keys on that DROP deletes every row
    // pointing at it through ON DELETE CASCADE / SET NULL. foreign_key_check proves the result whole
    // before the transaction commits.
    db.pragma("foreign_keys = OFF");
    for (const m of migrations) {
      // BEGIN IMMEDIATE: two processes migrating at once take turns; the second sees the first's row.
      const apply = db.transaction(() => {
        const applied = new Map((db.prepare(APPLIED).all() as { name: string; checksum: string }[]).map((r) => [r.name, r.checksum]));
        checkEdited(migrations, applied);
        if (applied.has(m.name)) return false;
        db.exec(m.sql);
        const broken = db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
        if (broken.length > 0) {
          const first = broken[0];
          throw new Error(
            `migration ${m.name} would leave ${broken.length} broken reference(s), e.g. ${first?.table} row ${first?.rowid} → ${first?.parent}`,
          );
        }
        db.prepare(
          `INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","started_at","applied_steps_count")
           VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        ).run(randomUUID(), m.checksum, m.name);
        return true;
      });
      (apply.immediate() ? result.applied : result.alreadyApplied).push(m.name);
    }
    db.pragma("foreign_keys = ON");
    return result;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: MigrateResult = { provider: "postgresql", applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      await client.query("BEGIN");
      try {
        // One migrator at a time across every app instance sharing this database.
        await client.query("SELECT pg_advisory_xact_lock(727370001)");
        await client.query(LEDGER.postgresql);
        const rows = (await client.query(APPLIED)).rows as { name: string; checksum: string }[];
        const applied = new Map(rows.map((r) => [r.name, r.checksum]));
        checkEdited(migrations, applied);
        if (applied.has(m.name)) {
          await client.query("COMMIT");
          result.alreadyApplied.push(m.name);
          continue;
        }
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","started_at","applied_steps_count")
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
        result.applied.push(m.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return result;
  } finally {
    await client.end();
  }
}

/**
 * Brings the database at `url` up to date. Safe to run on an empty, a current or an older database.
 * `through` stops after the migration of that name (tests build a database as an older release left it).
 */
export async function migrate(url: string, opts: { through?: string } = {}): Promise<MigrateResult> {
  const provider = providerOf(url);
  const all = readMigrations(provider);
  const last = opts.through === undefined ? all.length : all.findIndex((m) => m.name === opts.through) + 1;
  if (last === 0) throw new Error(`no migration named ${opts.through}`);
  const migrations = all.slice(0, last);
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
