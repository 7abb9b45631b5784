// While a write transaction is open on the handle, the handle's other statements see and touch committed
// rows only: a read made beside it does not see its rows, and a write made beside it is not rolled back
// with it. On SQLite all of them share one connection (sqlite-adapter.ts); the work of the transaction
// itself may still read through the handle.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { migrate } from "./migrate";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "./testing/databases";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[open-transaction tests] PostgreSQL run skipped: ${pg.reason}`);
const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];

/** A transaction on `db` that runs `work`, then stays open until `finish` is called, then rolls back. */
function heldOpen(db: Db, work: (tx: Parameters<Parameters<Db["prisma"]["$transaction"]>[0]>[0]) => Promise<void>) {
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  let finish!: () => void;
  const held = new Promise<void>((resolve) => (finish = resolve));
  const done = db.prisma
    .$transaction(
      async (tx) => {
        await work(tx);
        opened();
        await held;
        throw new Error("rolled back");
      },
      { timeout: 120_000, maxWait: 120_000 },
    )
    .catch((error: Error) => {
      if (error.message !== "rolled back") throw error;
    });
  return { ready, finish, done };
}

describe.each(engines)("statements beside an open write transaction on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    await migrate(database.url);
    db = createDb(database.url);
    await db.prisma.source.create({ data: { id: "s1", publisher: "test", title: "Committed", reliability: "test" } });
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it.skipIf(!enabled)("a read does not see the transaction's rows, before or after it is rolled back", async () => {
    const open = heldOpen(db, async (tx) => {
      await tx.source.update({ where: { id: "s1" }, data: { title: "Never committed" } });
      await tx.source.create({ data: { id: "s2", publisher: "test", title: "Never committed", reliability: "test" } });
    });
    await open.ready;
    const reads = Promise.all([db.prisma.source.findMany({ orderBy: { id: "asc" } }), db.prisma.source.count()]);
    // Rolled back whatever the reads do: an open write would hold SQLite's lock for the tests after.
    setImmediate(open.finish);
    const [rows, count] = await reads;
    await open.done;
    expect(rows.map((r) => [r.id, r.title])).toEqual([["s1", "Committed"]]);
    expect(count).toBe(1);
  });

  it.skipIf(!enabled)("a write made beside it is kept when the transaction is rolled back", async () => {
    const open = heldOpen(db, async (tx) => {
      await tx.source.update({ where: { id: "s1" }, data: { publisher: "rolled back" } });
    });
    await open.ready;
    const write = db.prisma.source.update({ where: { id: "s1" }, data: { title: "Written beside" } });
    setImmediate(open.finish);
    await Promise.all([write, open.done]);
    const row = await db.prisma.source.findUniqueOrThrow({ where: { id: "s1" } });
    expect([row.title, row.publisher]).toEqual(["Written beside", "test"]);
  });

  it.skipIf(!enabled)("the transaction's own work may read through the handle while it is open", async () => {
    let seen: string | undefined;
    await db.prisma.$transaction(
      async (tx) => {
        await tx.source.update({ where: { id: "s1" }, data: { publisher: "inside" } });
        // The handle, not the transaction: on SQLite the same connection, so it sees the transaction's row.
        seen = (await db.prisma.source.findUniqueOrThrow({ where: { id: "s1" } })).title;
      },
      { timeout: 120_000, maxWait: 120_000 },
    );
    expect(seen).toBe("Written beside");
    expect((await db.prisma.source.findUniqueOrThrow({ where: { id: "s1" } })).publisher).toBe("inside");
  });
});
