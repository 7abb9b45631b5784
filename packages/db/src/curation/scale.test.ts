// Curation at size, on SQLite and (when it answers) PostgreSQL: import cost per row stays flat as files
// grow (printed, not asserted), the review queue reads a fixed number of times however many drafts wait,
// and on PostgreSQL writes from two clients to different records all land while one record takes one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, type PrismaDb } from "../client";
import { loadDataset } from "../dataset";
import { migrate } from "../migrate";
import { seedDataset } from "../seed";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "../testing/databases";
import { importBody } from "../testing/import-rows";
import { createUserRecord } from "./accounts";
import { getHead, listDrafts, publishDraft, saveChange } from "./drafts";
import type { Principal } from "./errors";
import { importInputFromJson } from "./import-input";
import { importRecords } from "./transfer";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[scale tests] PostgreSQL run skipped: ${pg.reason}`);
const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];

function source(id: string, title = "A statement") {
  return { id, publisher: "Scale Desk", title, reliability: "Test fixture." };
}

/** The same database, with every Prisma operation counted. */
function counted(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const prisma = db.prisma.$extends({
    query: {
      $allOperations({ args, query }) {
        n += 1;
        return query(args);
      },
    },
  }) as unknown as PrismaDb;
  return { db: { ...db, prisma }, count: () => n };
}

describe.each(engines)("curation at size on $name", ({ name, fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;
  let reviewer: Principal;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, loadDataset());
    const u = await createUserRecord(db, null, {
      email: "scale@example.org",
      name: "Scale",
      role: "reviewer",
      password: "correct horse battery",
    });
    reviewer = { id: u.id, email: u.email, name: u.name, role: "reviewer" };
  }, 60_000);
  afterAll(async () => {
    if (!enabled) return;
    await db.close();
    await database.drop();
  });

  it.skipIf(!enabled)(
    "imports 1,000 and 5,000 rows into one draft each, at a per-row cost that does not grow with the file",
    async () => {
      const perRow: Record<number, { dry: number; write: number }> = {};
      for (const size of [1000, 5000]) {
        const input = importInputFromJson(importBody(size, `lin${size}`));
        const t0 = performance.now();
        const dry = await importRecords(db, reviewer, input, { dryRun: true, publish: false });
        const t1 = performance.now();
        const real = await importRecords(db, reviewer, input, { dryRun: false, publish: false });
        const t2 = performance.now();
        expect(dry).toMatchObject({ committed: false, counts: { created: size, rejected: 0 } });
        expect(real).toMatchObject({ committed: true, counts: { created: size, rejected: 0 } });
        const draft = await db.prisma.draftItem.count({ where: { draftId: real.draftId ?? "", pendingKey: { not: null } } });
        expect(draft).toBe(size);
        // Each record is audited once, in the same transaction.
        expect(await db.prisma.change.count({ where: { draftId: real.draftId, action: "draft.save" } })).toBe(size);
        perRow[size] = { dry: (t1 - t0) / size, write: (t2 - t1) / size };
      }
      const f = (ms: number | undefined) => `${(ms ?? 0).toFixed(2)} ms`;
      console.log(
        `[scale ${name}] import per row: dry run ${f(perRow[1000]?.dry)} at 1,000 rows vs ${f(perRow[5000]?.dry)} at 5,000; ` +
          `into a draft ${f(perRow[1000]?.write)} vs ${f(perRow[5000]?.write)}`,
      );
    },
    600_000,
  );

  it.skipIf(!enabled)(
    "lists 150 pending drafts with a fixed number of reads, each with its published record beside it",
    async () => {
      const u = await createUserRecord(db, null, {
        email: `queue-${name}@example.org`,
        name: "Queue",
        role: "reviewer",
        password: "correct horse battery",
      });
      const author: Principal = { id: u.id, email: u.email, name: u.name, role: "reviewer" };
      const measure = async () => {
        const c = counted(db);
        const t0 = performance.now();
        const drafts = await listDrafts(c.db, author, { status: ["pending"], author: author.id });
        return { drafts, reads: c.count(), ms: performance.now() - t0 };
      };
      // Drafts that edit a published record (every other one), so those items have one to show beside them.
      let before = await measure();
      for (let i = 0; i < 150; i++) {
        const id = `queue-${name.toLowerCase()}-${i}`;
        await saveChange(db, author, { type: "source", op: "upsert", record: source(id), expectedVersion: null });
        if (i % 2 === 0) {
          const draftId = (await getHead(db, "source", id)).draft?.draftId ?? "";
          await publishDraft(db, author, draftId);
          const head = await getHead(db, "source", id);
          await saveChange(db, author, { type: "source", op: "upsert", record: source(id, "Edited"), expectedVersion: head.version });
        }
        if (i === 9) before = await measure();
      }
      const after = await measure();
      const queue = after.drafts.filter((d) => d.items.some((i) => i.key.startsWith(`queue-${name.toLowerCase()}-`)));
      expect(queue).toHaveLength(150);
      const edits = queue.flatMap((d) => d.items).filter((i) => i.published);
      expect(edits).toHaveLength(75);
      for (const item of edits) {
        expect(item.published?.record).toMatchObject({ id: item.key, title: "A statement" });
        expect(item.record).toMatchObject({ title: "Edited" });
        expect(item.stale).toBe(false);
      }
      expect(after.reads).toBe(before.reads);
      console.log(
        `[scale ${name}] review queue: ${after.drafts.length} pending drafts in ${after.ms.toFixed(0)} ms with ${after.reads} Prisma reads ` +
          `(${before.drafts.length} drafts: ${before.reads} reads, ${before.ms.toFixed(0)} ms)`,
      );
    },
    300_000,
  );

  it.skipIf(!enabled || name !== "PostgreSQL")(
    "takes writes to different records from two clients side by side, all kept once; one record takes one of two",
    async () => {
      const second = createDb(database.url);
      try {
        const clients = [db, second];
        const ids = Array.from({ length: 60 }, (_, i) => `pair-${i}`);
        const results = await Promise.allSettled(
          ids.map((id, i) =>
            saveChange(clients[i % 2] as Db, reviewer, { type: "source", op: "upsert", record: source(id), expectedVersion: null }),
          ),
        );
        expect(results.filter((r) => r.status === "rejected")).toEqual([]);
        const items = await db.prisma.draftItem.findMany({ where: { entityId: { in: ids }, pendingKey: { not: null } } });
        expect(items.map((i) => i.entityId).sort()).toEqual([...ids].sort());
        const audited = await db.prisma.change.groupBy({
          by: ["entityId"],
          where: { entityId: { in: ids }, action: "draft.save" },
          _count: true,
        });
        expect(audited).toHaveLength(60);
        for (const a of audited) expect(a._count).toBe(1);

        // Both clients edit one record from the same version: exactly one wins, the other gets 409.
        for (let round = 0; round < 5; round++) {
          const head = await getHead(db, "source", "pair-0");
          const race = await Promise.allSettled(
            clients.map((c, i) =>
              saveChange(c, reviewer, {
                type: "source",
                op: "upsert",
                record: source("pair-0", `race ${round} ${i}`),
                expectedVersion: head.version,
              }),
            ),
          );
          expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
          const lost = race.find((r) => r.status === "rejected");
          expect(lost?.status === "rejected" && (lost.reason as { status?: number }).status).toBe(409);
        }
      } finally {
        await second.close();
      }
    },
    120_000,
  );
});
