// Per-client counters shared by app instances: two connections to one database (two instances) counting
// at once never lose or repeat a count, in-flight places are given back, and leases of a dead instance run out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { acquireClientSlot, countClientMinute, purgeClientQuotas, releaseClientSlot } from "./client-quota";
import { migrate } from "./migrate";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "./testing/databases";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[client-quota tests] PostgreSQL run skipped: ${pg.reason}`);

const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];

describe.each(engines)("client quotas on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let a: Db;
  let b: Db;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    await migrate(database.url);
    a = createDb(database.url);
    b = createDb(database.url);
  }, 60_000);
  afterAll(async () => {
    if (!enabled) return;
    await Promise.all([a.close(), b.close()]);
    await database.drop();
  });

  it.skipIf(!enabled)("two instances counting one client's minute at once give every count exactly once", async () => {
    const now = 1_800_000_000;
    const counts = await Promise.all(Array.from({ length: 60 }, (_, i) => countClientMinute(i % 2 ? a : b, "203.0.113.7", now)));
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(counts[0]?.resetIn).toBe(60 - (now % 60));
    // The next minute starts again at 1; another client has its own count.
    expect((await countClientMinute(a, "203.0.113.7", now + 60)).count).toBe(1);
    expect((await countClientMinute(b, "198.51.100.1", now)).count).toBe(1);
  });

  it.skipIf(!enabled)("in-flight places are taken and given back across instances", async () => {
    const now = 1_800_000_100;
    const held = await Promise.all(Array.from({ length: 10 }, (_, i) => acquireClientSlot(i % 2 ? a : b, "192.0.2.1", 300, now)));
    expect(held.sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    await Promise.all(Array.from({ length: 10 }, (_, i) => releaseClientSlot(i % 2 ? b : a, "192.0.2.1")));
    expect(await acquireClientSlot(a, "192.0.2.1", 300, now)).toBe(1);
    // Giving back more than was taken never goes below zero.
    await releaseClientSlot(a, "192.0.2.1");
    await releaseClientSlot(a, "192.0.2.1");
    expect(await acquireClientSlot(b, "192.0.2.1", 300, now)).toBe(1);
  });

  it.skipIf(!enabled)("places held by an instance that died are freed when their lease runs out", async () => {
    const now = 1_800_000_200;
    for (let i = 0; i < 5; i++) await acquireClientSlot(a, "192.0.2.9", 300, now);
    expect(await acquireClientSlot(b, "192.0.2.9", 300, now + 301)).toBe(1);
    expect(await purgeClientQuotas(a, now + 10_000)).toBeGreaterThan(0);
    expect(await acquireClientSlot(a, "192.0.2.9", 300, now + 10_000)).toBe(1);
  });
});
