// A seeded database with an editor and a reviewer, on each engine a test runs against: SQLite always,
// PostgreSQL when one answers (the reason printed when not). The setup most curation tests share.
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "../client";
import { createUserRecord, type Principal } from "../curation";
import { loadDataset } from "../dataset";
import { migrate } from "../migrate";
import { seedDataset } from "../seed";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "./databases";

export interface Engine {
  name: string;
  fresh: () => Promise<TestDatabase>;
  enabled: boolean;
}

/** SQLite, and PostgreSQL when it answers; `label` names the tests in the line saying why it is skipped. */
export async function engines(label: string): Promise<Engine[]> {
  const pg = await postgresAvailable();
  if (!pg.ok) console.warn(`[${label}] PostgreSQL run skipped: ${pg.reason}`);
  return [
    { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
    { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
  ];
}

export interface Seeded {
  db: Db;
  editor: Principal;
  reviewer: Principal;
}

/**
 * Inside a `describe`: a fresh database of `engine` with the shipped dataset loaded and two users, made
 * before the tests and dropped after. Read its fields inside tests (they are set in beforeAll).
 */
export function seededDatabase(engine: Engine): Seeded {
  const seeded = {} as Seeded;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (!engine.enabled) return;
    database = await engine.fresh();
    await migrate(database.url);
    seeded.db = createDb(database.url);
    await seedDataset(seeded.db, loadDataset());
    const make = async (email: string, name: string, role: "editor" | "reviewer"): Promise<Principal> => {
      const u = await createUserRecord(seeded.db, null, { email, name, role, password: "correct horse battery" });
      return { id: u.id, email: u.email, name: u.name, role };
    };
    seeded.editor = await make("ada@example.org", "Ada Editor", "editor");
    seeded.reviewer = await make("rex@example.org", "Rex Reviewer", "reviewer");
  }, 60_000);
  afterAll(async () => {
    if (!engine.enabled || !database) return;
    await seeded.db.close();
    await database.drop();
  });
  return seeded;
}
