// A bulk load (a first load, a synthetic dataset, a large import published at once) leaves PostgreSQL with current planner statistics, so the first readers after a load get
// index plans instead of the sequential scans an unanalysed table is planned with.
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { createUserRecord, type Principal } from "./curation";
import { importInputFromJson } from "./curation/import-input";
import { importRecords } from "./curation/transfer";
import { loadDataset } from "./dataset";
import { migrate } from "./migrate";
import { seedDataset } from "./seed";
import { writeSynthetic } from "./synth";
import { freshPostgres, postgresAvailable, type TestDatabase } from "./testing/databases";
import { importBody } from "./testing/import-rows";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[statistics tests] skipped: ${pg.reason}`);

/** When each table was last analysed by hand (null: never), from PostgreSQL's own counters. */
async function lastAnalyzed(db: Db, table: string): Promise<Date | null> {
  const rows = await db.prisma.$queryRawUnsafe<{ last_analyze: Date | null }[]>(
    "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = $1",
    table,
  );
  return rows[0]?.last_analyze ?? null;
}

// Loads of the whole dataset, twice in one test: minutes on a busy machine, not the 30 s of a single write.
describe.skipIf(!pg.ok)("planner statistics after bulk loads (PostgreSQL)", { timeout: 180_000 }, () => {
  const opened: { t: TestDatabase; db: Db }[] = [];
  const fresh = async () => {
    const t = await freshPostgres();
    await migrate(t.url);
    const db = createDb(t.url);
    opened.push({ t, db });
    return db;
  };
  afterAll(async () => {
    for (const { t, db } of opened) {
      await db.close();
      await t.drop();
    }
  });

  it("the first load of the dataset analyses the tables it filled, and a later start does not", async () => {
    const db = await fresh();
    expect(await lastAnalyzed(db, "Stance")).toBeNull();
    expect((await seedDataset(db, loadDataset())).outcome).toBe("loaded");
    const first = await lastAnalyzed(db, "Stance");
    expect(first).toBeInstanceOf(Date);
    expect((await seedDataset(db, loadDataset())).outcome).toBe("already-loaded");
    expect(await lastAnalyzed(db, "Stance")).toEqual(first);
  });

  it("an import of 1,200 rows published at once analyses the tables; a small one does not", async () => {
    const db = await fresh();
    await seedDataset(db, loadDataset());
    const u = await createUserRecord(db, null, {
      email: "stats@example.org",
      name: "Stats",
      role: "reviewer",
      password: "correct horse battery",
    });
    const reviewer: Principal = { id: u.id, email: u.email, name: u.name, role: "reviewer" };
    const loaded = await lastAnalyzed(db, "Stance");
    const small = await importRecords(db, reviewer, importInputFromJson(importBody(30, "small")), { dryRun: false, publish: true });
    expect(small.published).toBe(true);
    expect(await lastAnalyzed(db, "Stance")).toEqual(loaded);
    const bulk = await importRecords(db, reviewer, importInputFromJson(importBody(1200, "bulk")), { dryRun: false, publish: true });
    expect(bulk.published).toBe(true);
    expect((await lastAnalyzed(db, "Stance"))?.getTime()).toBeGreaterThan(loaded?.getTime() ?? 0);
  });

  it("a synthetic bulk load analyses the tables it filled", async () => {
    const db = await fresh();
    await writeSynthetic(db, loadDataset().topics, { actors: 60, states: 20, stances: 120, reactions: 200, events: 10 });
    expect(await lastAnalyzed(db, "Reaction")).toBeInstanceOf(Date);
    const rows = await db.prisma.$queryRawUnsafe<{ reltuples: number }[]>(
      "SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'Reaction'",
    );
    expect(rows[0]?.reltuples).toBeGreaterThan(0);
  });
});
