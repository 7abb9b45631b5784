// The dataset at an earlier revision, rebuilt from the audit log, equals what was published then, record
// for record (versions included), after edits, creations, deletions, a replaced no-data note and a revert.

import type { EntityType, RecordOf } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { createUserRecord, getHead, type Principal, publishDraft, revertRecord, saveChangeSet } from "./curation";
import { readAll, type Stored, WRITE_ORDER } from "./curation/records";
import { loadDataset } from "./dataset";
import { migrate } from "./migrate";
import { publishedAt, RevisionUnavailable, revisionInfo, snapshotBuilds, withPublishedAt } from "./published-at";
import { readRevision } from "./read-model";
import { seedDataset } from "./seed";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "./testing/databases";
import { draftOf } from "./testing/saved";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[published-at tests] PostgreSQL run skipped: ${pg.reason}`);
const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];
const dataset = loadDataset();
const POSTURE = "posture-toward-taliban-government";

async function everything(db: Db): Promise<Record<EntityType, Stored[]>> {
  const out = {} as Record<EntityType, Stored[]>;
  for (const type of WRITE_ORDER) out[type] = await readAll(db.prisma, type);
  return out;
}

async function record<T extends EntityType>(db: Db, type: T, key: string) {
  const head = await getHead(db, type, key);
  return { record: head.published?.record as RecordOf<T>, token: head.version };
}

describe.each(engines)("the published dataset at a revision on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;
  let reviewer: Principal;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, dataset);
    const u = await createUserRecord(db, null, {
      email: "rev@published-at.test",
      name: "rev",
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
    "rebuilds every earlier revision exactly after edits, creations, deletions and a revert",
    async () => {
      const seen = new Map<number, Record<EntityType, Stored[]>>();
      const r1 = await readRevision(db);
      expect(r1).toBe(1);
      seen.set(r1, await everything(db));

      // Revision 2: an actor's text and a stance's category change.
      const russia = await record(db, "actor", "russia");
      const stanceId = (dataset.stances.find((s) => s.actor === "china" && s.topic === POSTURE) as RecordOf<"stance">).id;
      const china = await record(db, "stance", stanceId);
      expect(china.record.category).not.toBe("limited-engagement");
      const d2 = await saveChangeSet(db, reviewer, [
        {
          type: "actor",
          op: "upsert",
          key: "russia",
          record: { ...russia.record, description: "Changed in revision 2." },
          expectedVersion: russia.token,
        },
        {
          type: "stance",
          op: "upsert",
          key: stanceId,
          record: { ...china.record, category: "limited-engagement" },
          expectedVersion: china.token,
        },
      ]);
      const { revision: r2 } = await publishDraft(db, reviewer, draftOf(d2));
      seen.set(r2, await everything(db));

      // Revision 3: a new actor with a stance, a stance that replaces a no-data note, a reaction deleted.
      const template = dataset.stances.find((s) => s.topic === "reaction-to-russian-recognition") as RecordOf<"stance">;
      const gone = dataset.reactions[0] as RecordOf<"reaction">;
      const goneHead = await record(db, "reaction", gone.id);
      const newcomer = {
        ...(dataset.actors.find((a) => a.slug === "fawzia-koofi") as RecordOf<"actor">),
        slug: "revision-test-group",
        name: "Revision Test Group",
      };
      delete (newcomer as { memberOf?: unknown }).memberOf;
      const gapBefore = (await getHead(db, "gap", "iran~reaction-to-russian-recognition")).published;
      expect(gapBefore).not.toBeNull();
      const d3 = await saveChangeSet(db, reviewer, [
        { type: "actor", op: "upsert", record: newcomer, expectedVersion: null },
        {
          type: "stance",
          op: "upsert",
          record: { ...template, id: "revision-test-stance", actor: "revision-test-group" },
          expectedVersion: null,
        },
        { type: "stance", op: "upsert", record: { ...template, id: "iran-reaction-revision-test", actor: "iran" }, expectedVersion: null },
        { type: "reaction", op: "delete", key: gone.id, expectedVersion: goneHead.token },
      ]);
      const { revision: r3 } = await publishDraft(db, reviewer, draftOf(d3));
      expect((await getHead(db, "gap", "iran~reaction-to-russian-recognition")).published).toBeNull();
      seen.set(r3, await everything(db));

      // Revision 4: the actor's text taken back to what was loaded.
      const now = await getHead(db, "actor", "russia");
      const { revision: r4 } = await revertRecord(db, reviewer, "actor", "russia", {
        revision: 1,
        expectedVersion: now.published?.version ?? 0,
      });
      seen.set(r4, await everything(db));
      expect(r4).toBe(4);

      for (const [n, expected] of seen) {
        const at = await publishedAt(db, n);
        expect(at.revision).toBe(n);
        expect(at.current).toBe(r4);
        expect(at.at).toMatch(/^\d{4}-\d\d-\d\dT/);
        for (const type of WRITE_ORDER) expect(at.records[type], `${type} at revision ${n}`).toEqual(expected[type]);
      }
      const first = await publishedAt(db, 1);
      expect(first.dataset.actors.some((a) => a.slug === "revision-test-group")).toBe(false);
      expect(first.dataset.reactions.some((r) => r.id === gone.id)).toBe(true);
      expect(first.dataset.gaps.some((g) => g.actor === "iran" && g.topic === "reaction-to-russian-recognition")).toBe(true);
      expect(first.dataset.stances.find((s) => s.id === stanceId)?.category).toBe(china.record.category);
      expect((await publishedAt(db, r2)).dataset.stances.find((s) => s.id === stanceId)?.category).toBe("limited-engagement");

      // The same reads the app makes, on a database holding revision 1 only.
      const viaSnapshot = await withPublishedAt(db, 1, async (snapshot) => ({
        revision: await readRevision(snapshot),
        all: await everything(snapshot),
      }));
      expect(viaSnapshot.revision).toBe(1);
      for (const type of WRITE_ORDER) expect(viaSnapshot.all[type], type).toEqual(seen.get(1)?.[type]);
    },
    180_000,
  );

  it.skipIf(!enabled)(
    "builds the snapshots of several revisions asked at once one at a time, each its own",
    async () => {
      const current = await readRevision(db);
      snapshotBuilds.mostRunning = 0;
      const asked = [2, 3, current];
      const got = await Promise.all(asked.map((n) => withPublishedAt(db, n, (snapshot) => readRevision(snapshot))));
      expect(got).toEqual(asked);
      expect(snapshotBuilds.mostRunning).toBe(1);
      expect(snapshotBuilds.queued + snapshotBuilds.running).toBe(0);
    },
    120_000,
  );

  it.skipIf(!enabled)("rebuilds a revision exactly while publishes land during its reads", async () => {
    const n = await readRevision(db);
    const expected = await everything(db);
    let publishes = 0;
    const publishOne = async () => {
      const china = await record(db, "actor", "china");
      const draft = await saveChangeSet(db, reviewer, [
        {
          type: "actor",
          op: "upsert",
          key: "china",
          record: { ...china.record, description: `Published during a rebuild (${++publishes}).` },
          expectedVersion: china.token,
        },
      ]);
      await publishDraft(db, reviewer, draftOf(draft));
    };
    // The same database through a handle whose every list read waits for a publish through the other:
    // the rebuild's reads see a revision that moves under them all the way.
    const waiting = (client: Db["prisma"]): Db["prisma"] => {
      const models = new Map<PropertyKey, unknown>();
      return new Proxy(client, {
        get(target, prop, receiver) {
          const model = Reflect.get(target, prop, receiver) as unknown;
          if (typeof prop !== "string" || prop.startsWith("$") || typeof model !== "object" || model === null) return model;
          if (!models.has(prop))
            models.set(
              prop,
              new Proxy(model, {
                get(m, op, r) {
                  const fn = Reflect.get(m, op, r) as unknown;
                  if (op !== "findMany" || typeof fn !== "function") return fn;
                  return async (...args: unknown[]) => {
                    await publishOne();
                    return fn.apply(m, args);
                  };
                },
              }),
            );
          return models.get(prop);
        },
      });
    };
    const busy: Db = { ...db, prisma: waiting(db.prisma) };
    {
      const at = await publishedAt(busy, n);
      expect(publishes).toBeGreaterThanOrEqual(WRITE_ORDER.length);
      expect(at.revision).toBe(n);
      expect(at.current).toBeGreaterThanOrEqual(n + WRITE_ORDER.length);
      for (const type of WRITE_ORDER) expect(at.records[type], `${type} at revision ${n}`).toEqual(expected[type]);
    }
  });

  it.skipIf(!enabled)("rebuilds from committed rows only, while a write is open on the server's own connection", async () => {
    const n = await readRevision(db);
    const expected = await everything(db);
    const source = expected.source[0]?.record as RecordOf<"source">;
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // A write transaction on the handle's connection (as a small publish runs), open while the rebuild reads,
    // then rolled back: on SQLite a read on that connection would see its row.
    const open = db.prisma
      .$transaction(
        async (tx) => {
          await tx.source.update({ where: { id: source.id }, data: { title: "Never committed" } });
          wrote();
          await held;
          throw new Error("rolled back");
        },
        { timeout: 60_000, maxWait: 60_000 },
      )
      .catch(() => undefined);
    await written;
    // The transaction closes only once the rebuild has made its first read through this handle.
    const asking: Db = {
      ...db,
      prisma: new Proxy(db.prisma, {
        get(target, prop, receiver) {
          const model = Reflect.get(target, prop, receiver) as unknown;
          if (typeof prop !== "string" || prop.startsWith("$") || typeof model !== "object" || model === null) return model;
          return new Proxy(model, {
            get(m, op, r) {
              const fn = Reflect.get(m, op, r) as unknown;
              if (typeof fn !== "function") return fn;
              return (...args: unknown[]) => {
                const read = fn.apply(m, args);
                setImmediate(finish);
                return read;
              };
            },
          });
        },
      }),
    };
    let at: Awaited<ReturnType<typeof publishedAt>>;
    try {
      at = await publishedAt(asking, n);
    } finally {
      // Rolled back whatever happened: an open write would hold SQLite's lock for the tests after.
      finish();
      await open;
    }
    expect(at.records.source.find((s) => (s.record as RecordOf<"source">).id === source.id)?.record).toEqual(source);
    for (const type of WRITE_ORDER) expect(at.records[type], type).toEqual(expected[type]);
  });

  it.skipIf(!enabled)("refuses a revision below 1 or past the current one, naming the parameter", async () => {
    const current = await readRevision(db);
    for (const [n, status] of [
      [0, 400],
      [-3, 400],
      [current + 1, 404],
    ] as const) {
      const refusal = await publishedAt(db, n).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(RevisionUnavailable);
      expect((refusal as RevisionUnavailable).status).toBe(status);
      expect((refusal as RevisionUnavailable).issues[0]?.field).toBe("revision");
    }
    expect((await revisionInfo(db, current)).revision).toBe(current);
  });
});

describe.each(engines)("a database migrated from before revisions were recorded, on $name", ({ fresh, enabled }) => {
  it.skipIf(!enabled)("rebuilds revisions from the one it was at, and refuses earlier ones by name", async () => {
    const database = await fresh();
    await migrate(database.url, { through: "20261206082914_edtf_dates" });
    const db = createDb(database.url);
    try {
      await db.prisma.$executeRawUnsafe(`INSERT INTO "DatasetRevision" ("id", "revision", "updatedAt") VALUES (1, 3, CURRENT_TIMESTAMP)`);
      await migrate(database.url);
      expect((await revisionInfo(db, 3)).revision).toBe(3);
      const refusal = await revisionInfo(db, 2).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(RevisionUnavailable);
      expect((refusal as RevisionUnavailable).status).toBe(404);
      expect((refusal as RevisionUnavailable).message).toContain("before the history kept here begins (revision 3)");
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
