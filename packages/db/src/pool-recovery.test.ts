// PostgreSQL's pool heals by itself when every backend is killed mid-transaction (a failover, a
// restart, a connection reaper): no request hangs, queries succeed again soon, no acknowledged write is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { createUserRecord, getHead, type Principal, saveChange } from "./curation";
import { loadDataset } from "./dataset";
import { migrate } from "./migrate";
import { listActors } from "./queries";
import { seedDataset } from "./seed";
import { freshPostgres, postgresAvailable, type TestDatabase } from "./testing/databases";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[pool recovery tests] skipped: ${pg.reason}`);

const ROUNDS = 4;
/** A request still unsettled this long after it started counts as hung. */
const HANG_MS = 20_000;

type Outcome = "ok" | "error" | "hung";

async function settle(work: Promise<unknown>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve("hung"), HANG_MS);
  });
  const done = work.then(
    () => "ok" as const,
    () => "error" as const,
  );
  const outcome = await Promise.race([done, hung]);
  clearTimeout(timer);
  return outcome;
}

describe.skipIf(!pg.ok)("PostgreSQL pool after its backends are terminated", () => {
  let database: TestDatabase;
  let db: Db;
  let admin: Db;
  let editor: Principal;

  beforeAll(async () => {
    database = await freshPostgres();
    await migrate(database.url);
    db = createDb(database.url);
    // A second client for the killer: its own pool, so the terminations don't depend on the pool under test.
    admin = createDb(database.url.replace(/\/[^/?]+(\?|$)/, "/postgres$1"));
    await seedDataset(db, loadDataset());
    const u = await createUserRecord(db, null, {
      email: "pool@example.org",
      name: "pool",
      role: "editor",
      password: "correct horse battery",
    });
    editor = { id: u.id, email: u.email, name: u.name, role: "editor" };
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await admin?.close();
    await database?.drop();
  });

  it("answers again within a bounded time and keeps every acknowledged write, after 4 rounds of killed connections", async () => {
    const dbName = new URL(database.url).pathname.slice(1);
    const acknowledged: string[] = [];
    const tally: Record<Outcome, number> = { ok: 0, error: 0, hung: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const writes = Array.from({ length: 8 }, (_, i) => {
        const id = `pool-source-${round}-${i}`;
        const record = { id, publisher: "Pool Desk", title: `Round ${round} write ${i}`, reliability: "Test fixture." };
        return settle(
          saveChange(db, editor, { type: "source", op: "upsert", record, expectedVersion: null }).then(() => void acknowledged.push(id)),
        );
      });
      const reads = Array.from({ length: 8 }, (_, i) =>
        settle(i % 2 ? listActors(db, { limit: 50 } as Parameters<typeof listActors>[1]) : getHead(db, "actor", "pakistan")),
      );
      // Fault injection: kill every backend of the database while the requests are in flight.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const killed = await admin.sql.all<{ n: number }>(
        "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t",
        [dbName],
      );
      const outcomes = await Promise.all([...writes, ...reads]);
      for (const o of outcomes) tally[o]++;
      console.log(`[pool recovery] round ${round + 1}: ${killed[0]?.n ?? 0} backends killed; ${outcomes.join(" ")}`);
    }
    console.log(`[pool recovery] ${ROUNDS} rounds: ${tally.ok} ok, ${tally.error} failed fast, ${tally.hung} hung (> ${HANG_MS} ms)`);
    expect(tally.hung).toBe(0);

    // The pool heals by itself: a read and a write succeed (retrying while the fault clears), within a bound.
    const started = Date.now();
    let healed = false;
    while (!healed && Date.now() - started < 15_000) {
      healed = (await settle(listActors(db, { limit: 5 } as Parameters<typeof listActors>[1]))) === "ok";
    }
    const record = { id: "pool-source-after", publisher: "Pool Desk", title: "After", reliability: "Test fixture." };
    await saveChange(db, editor, { type: "source", op: "upsert", record, expectedVersion: null });
    acknowledged.push(record.id);
    console.log(`[pool recovery] healthy again after ${Date.now() - started} ms`);
    expect(healed).toBe(true);
    // No slot was lost: nothing waits, and the pool holds no more connections than it may.
    expect(db.pool?.waitingCount).toBe(0);
    expect(db.pool?.totalCount ?? 0).toBeLessThanOrEqual(db.pool?.options.max ?? 0);

    const found = await db.prisma.change.findMany({
      where: { action: "draft.save", entityId: { in: acknowledged } },
      select: { entityId: true },
    });
    expect(new Set(found.map((c) => c.entityId))).toEqual(new Set(acknowledged));
    expect(found.length).toBe(acknowledged.length);
  }, 240_000);
});
