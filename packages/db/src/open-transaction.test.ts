// While a write transaction is open on the handle, the handle's other statements see and touch committed
// rows only: a read made beside it does not see its rows, and a write made beside it is not rolled back
// with it. On SQLite all of them share one connection (sqlite-adapter.ts), so they wait for it to close;
// a transaction whose COMMIT fails is closed all the same.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { migrate } from "./migrate";
import { TunedSqliteAdapterFactory } from "./sqlite-adapter";
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

  it.skipIf(!enabled)("a findUnique beside the transaction's own findUnique (one batch for Prisma) reads committed rows", async () => {
    await db.prisma.source.create({ data: { id: "s3", publisher: "test", title: "Committed", reliability: "test" } });
    let asked!: () => void;
    const ask = new Promise<void>((resolve) => (asked = resolve));
    // Starts in this flow, sent in the same tick as the transaction's own findUnique (Prisma batches them).
    const beside = ask.then(() => db.prisma.source.findUnique({ where: { id: "s3" } }));
    const open = heldOpen(db, async (tx) => {
      await tx.source.update({ where: { id: "s3" }, data: { title: "Never committed" } });
      const own = tx.source.findUnique({ where: { id: "s1" } }).then((row) => row);
      asked();
      await own;
    });
    await open.ready;
    setImmediate(open.finish);
    const [row] = await Promise.all([beside, open.done]);
    expect(row?.title).toBe("Committed");
  });

  it.skipIf(!enabled)("a transaction whose COMMIT fails is closed: the handle's next statements run", async () => {
    await db.prisma.$executeRawUnsafe(`CREATE TABLE "parent" ("id" INTEGER PRIMARY KEY)`);
    await db.prisma.$executeRawUnsafe(
      `CREATE TABLE "child" ("id" INTEGER PRIMARY KEY, "parent" INTEGER REFERENCES "parent" ("id") DEFERRABLE INITIALLY DEFERRED)`,
    );
    // A deferred foreign key is checked at COMMIT, which then fails.
    const failed = await db.prisma
      .$transaction(async (tx) => void (await tx.$executeRawUnsafe(`INSERT INTO "child" VALUES (1, 99)`)), {
        timeout: 120_000,
        maxWait: 120_000,
      })
      .then(
        () => null,
        (error: Error) => error,
      );
    expect(failed).toBeInstanceOf(Error);
    // PostgreSQL: the failed transaction's connection went back to the pool (none is still checked out).
    if (db.pool) expect(db.pool.totalCount - db.pool.idleCount).toBe(0);
    expect(Number((await db.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS "n" FROM "child"`))[0]?.n)).toBe(0);
    expect(await db.prisma.source.count()).toBeGreaterThan(0);
    // And the next transaction opens.
    await db.prisma.$transaction(async (tx) => void (await tx.source.update({ where: { id: "s1" }, data: { publisher: "after" } })));
    expect((await db.prisma.source.findUniqueOrThrow({ where: { id: "s1" } })).publisher).toBe("after");
  });
});

describe("SQLite: a statement sent as a transaction begins", () => {
  it("never runs inside it, however few turns after it is sent", async () => {
    const database = freshSqlite();
    const adapter = await new TunedSqliteAdapterFactory(database.url.replace(/^file:/, "")).connect();
    const raw = (sql: string) => ({ sql, args: [] as unknown[], argTypes: [] as never[] });
    try {
      await adapter.executeScript(`CREATE TABLE "t" ("k" INTEGER)`);
      const opening = adapter.startTransaction();
      // Writes sent 0 to 39 microtasks after the transaction was asked for: some land as BEGIN runs.
      const writes: Promise<unknown>[] = [];
      for (let k = 0; k < 40; k++) {
        let turn: Promise<void> = Promise.resolve();
        for (let i = 0; i < k; i++) turn = turn.then(() => {});
        writes.push(turn.then(() => adapter.executeRaw(raw(`INSERT INTO "t" VALUES (${k})`))));
      }
      const tx = await opening;
      await tx.executeRaw(raw("ROLLBACK"));
      await tx.rollback();
      await Promise.all(writes);
      const kept = (await adapter.queryRaw(raw(`SELECT "k" FROM "t" ORDER BY "k"`))).rows.map((r) => Number(r[0]));
      expect(kept).toEqual([...Array(40).keys()]);
    } finally {
      await adapter.dispose();
      await database.drop();
    }
  });
});
