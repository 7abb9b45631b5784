// Every record of a type, however many: a pinned revision (publishedAt), a dataset export and an import
// proposal read whole tables. One findMany of a whole table read its relations with one IN over every row:
// past 32,766 rows SQLite refused it ("too many SQL variables"), and at 200,000 Prisma's interpreter ran
// out of stack, so each of those answered 500 on a large dataset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { dependantsOf, readAll } from "./curation/records";
import { loadDataset } from "./dataset";
import { migrate } from "./migrate";
import { publishedAt, withPublishedAt } from "./published-at";
import { readRevision } from "./read-model";
import { writeSynthetic } from "./synth";
import { freshSqlite, type TestDatabase } from "./testing/databases";

const STANCES = 33_000;

describe("reading a whole table past SQLite's 32,766 variables", { timeout: 240_000 }, () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await freshSqlite();
    await migrate(database.url);
    db = createDb(database.url);
    // One topic, so that it alone has more stances than SQLite takes variables.
    await writeSynthetic(db, loadDataset().topics.slice(0, 1), {
      seed: 3,
      states: 20,
      actors: 400,
      stances: STANCES,
      reactions: 50,
      events: 5,
      sources: 30,
    });
  }, 240_000);
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it("lets the event loop turn between the parts of a pinned revision's snapshot (other requests are served meanwhile)", async () => {
    // better-sqlite3 answers at once: a loop of awaited queries alone never lets the loop turn.
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const stances = await withPublishedAt(db, await readRevision(db), (snapshot) => snapshot.prisma.stance.count());
    done = true;
    expect(stances).toBe(STANCES);
    // At least a turn per part read (500 records) and per statement written.
    expect(turns).toBeGreaterThan(STANCES / 500);
  });

  it("reads every stance with its evidence, in key order", async () => {
    const stances = await readAll(db.prisma, "stance");
    expect(stances).toHaveLength(STANCES);
    const ids = stances.map((s) => (s.record as { id: string }).id);
    expect(ids).toEqual([...ids].sort());
    expect(stances.every((s) => (s.record as { evidence: unknown[] }).evidence.length > 0)).toBe(true);
  });

  it("lists the stances that keep a topic from being deleted, all of them", async () => {
    const topic = loadDataset().topics[0]?.slug as string;
    const dependants = await dependantsOf(db.prisma, "topic", topic);
    expect(dependants.filter((d) => d.type === "stance")).toHaveLength(STANCES);
  });

  it("rebuilds the dataset at its revision", async () => {
    const at = await publishedAt(db, await readRevision(db));
    expect(at.records.stance).toHaveLength(STANCES);
    expect(at.records.actor).toHaveLength(400);
  });
});
