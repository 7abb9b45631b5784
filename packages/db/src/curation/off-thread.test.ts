// Large SQLite writes off the event loop: an import's write and a large publish run in a worker thread
// (all or nothing, audited, the revision bumped, refusals arriving as the same 409s), and the server's
// connection waits for another writer's lock asynchronously, so its thread keeps running meanwhile.
import { monitorEventLoopDelay } from "node:perf_hooks";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../client";
import { loadDataset } from "../dataset";
import { sqlitePath } from "../env";
import { migrate } from "../migrate";
import { datasetRevision } from "../queries";
import { seedDataset } from "../seed";
import { freshSqlite, type TestDatabase } from "../testing/databases";
import { importBody } from "../testing/import-rows";
import { createUserRecord } from "./accounts";
import { publishDraft } from "./drafts";
import { CurationError, type Principal } from "./errors";
import { importInputFromJson } from "./import-input";
import { offThread } from "./off-thread";
import { importRecords } from "./transfer";

describe("large SQLite writes off the event loop", () => {
  let database: TestDatabase;
  let db: Db;
  let reviewer: Principal;

  beforeAll(async () => {
    database = freshSqlite();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, loadDataset());
    const u = await createUserRecord(db, null, {
      email: "thread@example.org",
      name: "T",
      role: "reviewer",
      password: "correct horse battery",
    });
    reviewer = { id: u.id, email: u.email, name: u.name, role: "reviewer" };
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("imports and publishes 3,000 rows in a worker while the thread keeps serving writes", async () => {
    expect(offThread(db, 3000)).toBe(true);
    const before = await datasetRevision(db);
    const input = importInputFromJson(importBody(3000, "thread"));
    const checked = await importRecords(db, reviewer, input, { dryRun: true, publish: false });
    expect(checked.counts).toMatchObject({ created: 3000, rejected: 0 });

    // Small writes on the server's own connection all along: they wait for the worker's lock, never fail.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let running = true;
    let small = 0;
    const writer = (async () => {
      while (running) {
        await db.prisma.setting.upsert({
          where: { key: "thread.probe" },
          create: { key: "thread.probe", value: "0" },
          update: { value: String(small) },
        });
        small++;
        // A request's worth of I/O between writes (a loop of microtasks alone would starve every timer).
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const imported = await importRecords(db, reviewer, input, { dryRun: false, publish: false });
    const published = await publishDraft(db, reviewer, imported.draftId ?? "");
    running = false;
    await writer;
    lag.disable();
    console.log(
      `[off-thread SQLite] 3,000-row import + publish in a worker: ${small} small writes meanwhile; ` +
        `event loop delay max ${(lag.max / 1e6).toFixed(0)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`,
    );

    expect(imported).toMatchObject({ committed: true, counts: { created: 3000 } });
    expect(small).toBeGreaterThan(0);
    expect(published.revision).toBe(before + 1);
    expect(await datasetRevision(db)).toBe(before + 1);
    const draftId = imported.draftId ?? "";
    expect(await db.prisma.draft.findUnique({ where: { id: draftId }, select: { status: true } })).toEqual({ status: "published" });
    expect(await db.prisma.draftItem.count({ where: { draftId, pendingKey: { not: null } } })).toBe(0);
    expect(await db.prisma.change.count({ where: { draftId, action: "draft.save" } })).toBe(3000);
    // One publish row per record; the no-data notes the new stances replace are recorded apart.
    expect(await db.prisma.change.count({ where: { draftId, action: "publish", NOT: { entityType: "gap" } } })).toBe(3000);
    expect(await db.prisma.stance.count({ where: { id: { startsWith: "bulk-thread-" } } })).toBe(2000);
  }, 300_000);

  it("brings a refusal back from the worker as the same 409, with nothing written", async () => {
    const imported = await importRecords(db, reviewer, importInputFromJson(importBody(600, "stale")), { dryRun: false, publish: false });
    const draftId = imported.draftId ?? "";
    const revision = await datasetRevision(db);
    const refusal = await publishDraft(db, reviewer, draftId, undefined, 1).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CurationError);
    expect(refusal).toMatchObject({ status: 409, message: expect.stringContaining("changed since you opened it") });
    expect(await datasetRevision(db)).toBe(revision);
    expect(await db.prisma.draft.findUnique({ where: { id: draftId }, select: { status: true } })).toEqual({ status: "pending" });
    // Opening the same rows again while they are in that draft: every row refused, nothing written.
    const again = await importRecords(db, reviewer, importInputFromJson(importBody(600, "stale")), { dryRun: false, publish: false });
    expect(again).toMatchObject({ committed: false, counts: { rejected: 600 } });
  }, 120_000);

  it("waits for another connection's write lock without holding up its thread", async () => {
    const other = new Database(sqlitePath(database.url));
    other.prepare("BEGIN IMMEDIATE").run();
    // Only this thread's timer ends the other writer's transaction: a write that waited inside the thread
    // would keep the timer from firing and fail after the busy timeout instead.
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
      if (ticks === 20) other.prepare("COMMIT").run();
    }, 10);
    try {
      await db.prisma.setting.upsert({ where: { key: "thread.wait" }, create: { key: "thread.wait", value: "1" }, update: { value: "2" } });
      await db.prisma.$transaction(async (tx) => tx.setting.update({ where: { key: "thread.wait" }, data: { value: "3" } }));
    } finally {
      clearInterval(timer);
      if (other.inTransaction) other.prepare("ROLLBACK").run();
      other.close();
    }
    expect(ticks).toBeGreaterThanOrEqual(20);
    expect(await db.prisma.setting.findUnique({ where: { key: "thread.wait" }, select: { value: true } })).toEqual({ value: "3" });
  }, 60_000);
});
