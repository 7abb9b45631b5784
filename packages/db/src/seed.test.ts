// The seed is a first load only: a restart after a published edit keeps the edit and writes nothing;
// two instances loading one fresh database at once load it once; new dataset files come in as a draft.

import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Dataset, RecordOf } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { createUserRecord, getDraft, getHead, type Principal, publishDraft, saveChange } from "./curation";
import { loadDataset } from "./dataset";
import { DATASET_PRINCIPAL, proposeDataset } from "./dataset-propose";
import { migrate } from "./migrate";
import { readRevision } from "./read-model";
import { LOAD_SETTING, seedDataset } from "./seed";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "./testing/databases";
import { draftOf } from "./testing/saved";

const run = promisify(execFile);
const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[seed tests] PostgreSQL run skipped: ${pg.reason}`);
const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];
const dataset = loadDataset();
const pkg = join(import.meta.dirname, "..");
const EDITED = "Edited and published by a reviewer; a restart must keep this.";

/** The start-time seed as `npm start` runs it: its own process, the real script. */
async function startSeed(url: string): Promise<string> {
  const { stdout } = await run(join(pkg, "..", "..", "node_modules", ".bin", "tsx"), ["scripts/seed.ts"], {
    cwd: pkg,
    env: { ...process.env, DATABASE_URL: url, STANCEMAP_NO_DEMO_ADMIN: "1" },
  });
  return stdout;
}

/** Every row of the published and audit tables, to show that nothing was written. */
async function fingerprint(db: Db) {
  const p = db.prisma;
  return JSON.stringify([
    await p.actor.findMany({ orderBy: { id: "asc" } }),
    await p.stance.findMany({ orderBy: { id: "asc" } }),
    await p.dataGap.findMany({ orderBy: { id: "asc" } }),
    await p.source.findMany({ orderBy: { id: "asc" } }),
    await p.change.count(),
    await p.datasetRevision.findMany(),
    await p.setting.findMany({ where: { key: LOAD_SETTING } }),
  ]);
}

async function descriptionOf(db: Db, slug: string): Promise<string | undefined> {
  return ((await getHead(db, "actor", slug)).published?.record as RecordOf<"actor"> | undefined)?.description;
}

function withChanges(d: Dataset, edit: (d: Dataset) => void): Dataset {
  const copy = structuredClone(d);
  edit(copy);
  return copy;
}

describe.each(engines)("the seed on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;
  let reviewer: Principal;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    await migrate(database.url);
    db = createDb(database.url);
  }, 60_000);
  afterAll(async () => {
    if (!enabled) return;
    await db.close();
    await database.drop();
  });

  it.skipIf(!enabled)(
    "loads once, and a restart after a published edit keeps the edit, writes nothing, and leaves the revision",
    async () => {
      const first = await seedDataset(db, dataset);
      expect(first.outcome).toBe("loaded");
      expect(first.changed.actors).toBe(dataset.actors.length);
      const load = await db.prisma.change.findMany({ where: { action: "dataset.load" } });
      expect(load).toHaveLength(1);
      expect(load[0]?.userId).toBeNull();

      const u = await createUserRecord(db, null, {
        email: "rev@seed.test",
        name: "rev",
        role: "reviewer",
        password: "correct horse battery",
      });
      reviewer = { id: u.id, email: u.email, name: u.name, role: "reviewer" };
      const head = await getHead(db, "actor", "russia");
      const russia = head.published?.record as RecordOf<"actor">;
      const saved = await saveChange(db, reviewer, {
        type: "actor",
        op: "upsert",
        key: "russia",
        record: { ...russia, description: EDITED },
        expectedVersion: head.version,
      });
      await publishDraft(db, reviewer, draftOf(saved));
      // A sourced stance replaces a no-data note: it must not come back either.
      const stance = dataset.stances.find((s) => s.topic === "reaction-to-russian-recognition") as RecordOf<"stance">;
      const gapSaved = await saveChange(db, reviewer, {
        type: "stance",
        op: "upsert",
        record: { ...stance, id: "iran-reaction-test", actor: "iran" },
        expectedVersion: null,
      });
      await publishDraft(db, reviewer, gapSaved.draftId);
      expect((await getHead(db, "gap", "iran~reaction-to-russian-recognition")).published).toBeNull();

      const revision = await readRevision(db);
      const before = await fingerprint(db);
      const t0 = performance.now();
      const out = await startSeed(database.url);
      console.log(`[seed tests] restart seed on a loaded database: ${Math.round(performance.now() - t0)} ms; said: ${out.trim()}`);
      expect(out).toContain("nothing written");
      const again = await seedDataset(db, dataset);
      expect(again.outcome).toBe("already-loaded");
      expect(Object.values(again.changed).every((n) => n === 0)).toBe(true);
      expect(await fingerprint(db)).toBe(before);
      expect(await readRevision(db)).toBe(revision);
      expect(await descriptionOf(db, "russia")).toBe(EDITED);
      expect((await getHead(db, "gap", "iran~reaction-to-russian-recognition")).published).toBeNull();
    },
    120_000,
  );

  it.skipIf(!enabled)(
    "says when the shipped files differ from what was loaded, and still writes nothing",
    async () => {
      const changed = withChanges(dataset, (d) => {
        const a = d.actors.find((x) => x.slug === "pakistan");
        if (a) a.description = "A newer description shipped in the files.";
      });
      const before = await fingerprint(db);
      const result = await seedDataset(db, changed);
      expect(result).toMatchObject({ outcome: "already-loaded", filesDiffer: true });
      expect(await fingerprint(db)).toBe(before);
      expect((await seedDataset(db, dataset)).filesDiffer).toBe(false);
    },
    60_000,
  );

  it.skipIf(!enabled)(
    "proposes new files as one draft holding exactly what the files changed, and leaves editors' work alone",
    async () => {
      const newSource = { id: "seed-test-new-source", publisher: "Test Desk", title: "Shipped later", reliability: "Test fixture." };
      const files = withChanges(dataset, (d) => {
        const pakistan = d.actors.find((x) => x.slug === "pakistan");
        if (pakistan) pakistan.description = "Shipped: a newer description of Pakistan.";
        const russia = d.actors.find((x) => x.slug === "russia");
        if (russia) russia.description = "Shipped: the files' own new text for Russia.";
        const iranGap = d.gaps.find((g) => g.actor === "iran" && g.topic === "reaction-to-russian-recognition");
        if (iranGap) iranGap.note = "Shipped: a reworded note.";
        d.sources.push(newSource as never);
        d.reactions.pop();
      });
      const dropped = dataset.reactions.at(-1)?.id ?? "";
      const revision = await readRevision(db);
      const changesBefore = await db.prisma.change.count();

      const dry = await proposeDataset(db, files, { dryRun: true });
      expect(await db.prisma.change.count()).toBe(changesBefore);
      expect(dry.draftId).toBeNull();

      const result = await proposeDataset(db, files);
      expect(result.rejected).toEqual([]);
      expect(result.drafted.map((d) => `${d.type}:${d.key}`).sort()).toEqual(["actor:pakistan", "source:seed-test-new-source"]);
      expect(result.conflicts.map((c) => `${c.type}:${c.key}`)).toEqual(["actor:russia"]);
      expect(result.notRecreated.map((c) => `${c.type}:${c.key}`)).toEqual(["gap:iran~reaction-to-russian-recognition"]);
      expect(result.notInFiles.map((c) => `${c.type}:${c.key}`)).toContain(`reaction:${dropped}`);
      expect(result.kept).toEqual([]);

      const draft = await getDraft(db, reviewer, result.draftId ?? "");
      expect(draft.authorId).toBe(DATASET_PRINCIPAL.id);
      expect(draft.items.map((i) => `${i.type}:${i.key}`).sort()).toEqual(["actor:pakistan", "source:seed-test-new-source"]);
      const audit = await db.prisma.change.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" }, skip: changesBefore });
      expect(audit.map((c) => c.action).sort()).toEqual(["dataset.propose", "draft.save", "draft.save"]);
      expect(audit.find((c) => c.action === "dataset.propose")?.draftId).toBe(result.draftId);
      // Nothing published moved: the draft waits for review.
      expect(await readRevision(db)).toBe(revision);
      expect(await descriptionOf(db, "russia")).toBe(EDITED);
      expect(await db.prisma.reaction.count({ where: { id: dropped } })).toBe(1);
      // The start-time seed now sees these files as taken in.
      expect((await seedDataset(db, files)).filesDiffer).toBe(false);
      await publishDraft(db, reviewer, result.draftId ?? "");

      // A later version: unedited records may be applied directly, audited; an editor's record never.
      const later = withChanges(files, (d) => {
        const china = d.actors.find((x) => x.slug === "china");
        if (china) china.description = "Shipped later: China.";
        const russia = d.actors.find((x) => x.slug === "russia");
        if (russia) russia.description = "Shipped later: Russia again.";
      });
      const applied = await proposeDataset(db, later, { applyUnedited: true });
      expect(applied.applied.map((a) => `${a.type}:${a.key}`)).toEqual(["actor:china"]);
      expect(applied.drafted).toEqual([]);
      expect(applied.conflicts.map((c) => `${c.type}:${c.key}`)).toEqual(["actor:russia"]);
      expect(await descriptionOf(db, "china")).toBe("Shipped later: China.");
      expect(await descriptionOf(db, "russia")).toBe(EDITED);
      const apply = await db.prisma.change.findFirst({ where: { action: "dataset.apply", entityId: "china" } });
      expect(apply?.recordVersion).toBe(2);
      expect(await readRevision(db)).toBeGreaterThan(revision);
    },
    120_000,
  );
});

describe.each(engines)("a $name database loaded before actors had aliases", ({ fresh, enabled }) => {
  it.skipIf(!enabled)(
    "is told the files changed only the actors that now have aliases, and takes them in as one draft",
    async () => {
      const database = await fresh();
      await migrate(database.url);
      const db = createDb(database.url);
      try {
        // The previous release's files: no actor had aliases (its marker fingerprints records without the field).
        const before = withChanges(dataset, (d) => {
          for (const a of d.actors) a.aliases = [];
        });
        expect((await seedDataset(db, before)).outcome).toBe("loaded");
        expect(await db.prisma.actorAlias.count()).toBe(0);
        // A restart with today's files writes nothing; it says the files differ.
        expect((await seedDataset(db, dataset)).filesDiffer).toBe(true);
        expect(await db.prisma.actorAlias.count()).toBe(0);
        const withAliases = dataset.actors.filter((a) => a.aliases.length > 0).map((a) => `actor:${a.slug}`);
        expect(withAliases).toContain("actor:islamic-emirate-of-afghanistan");
        const result = await proposeDataset(db, dataset);
        expect(result.drafted.map((d) => `${d.type}:${d.key}`).sort()).toEqual(withAliases.sort());
        expect(result.conflicts).toEqual([]);
        const u = await createUserRecord(db, null, {
          email: "aliases-rev@seed.test",
          name: "rev",
          role: "reviewer",
          password: "correct horse battery",
        });
        await publishDraft(db, { id: u.id, email: u.email, name: u.name, role: "reviewer" }, result.draftId ?? "");
        const iea = (await getHead(db, "actor", "islamic-emirate-of-afghanistan")).published?.record as RecordOf<"actor">;
        expect(iea.aliases.map((x) => x.name)).toEqual(expect.arrayContaining(["Taliban", "IEA"]));
        expect((await seedDataset(db, dataset)).filesDiffer).toBe(false);
      } finally {
        await db.close();
        await database.drop();
      }
    },
    120_000,
  );
});

describe.each(engines)("two instances starting at once on one fresh $name database", ({ fresh, enabled }) => {
  it.skipIf(!enabled)(
    "load the dataset once",
    async () => {
      const database = await fresh();
      try {
        await migrate(database.url);
        const outputs = await Promise.all([startSeed(database.url), startSeed(database.url), startSeed(database.url)]);
        console.log(`[seed tests] concurrent start seeds said: ${outputs.map((o) => o.trim()).join(" | ")}`);
        expect(outputs.filter((o) => o.includes("first load"))).toHaveLength(1);
        const db = createDb(database.url);
        try {
          expect(await db.prisma.change.count({ where: { action: "dataset.load" } })).toBe(1);
          expect(await readRevision(db)).toBe(1);
          expect(await db.prisma.actor.count()).toBe(dataset.actors.length);
        } finally {
          await db.close();
        }
      } finally {
        await database.drop();
      }
    },
    180_000,
  );
});

describe.each(engines)("a $name database loaded before load records were kept", ({ fresh, enabled }) => {
  it.skipIf(!enabled)(
    "is never written by the start-time seed, and the propose command adopts it without overwriting an edit",
    async () => {
      const database = await fresh();
      await migrate(database.url);
      const db = createDb(database.url);
      try {
        await seedDataset(db, dataset);
        // What an older version left behind: the data, no marker, no load row.
        await db.prisma.setting.delete({ where: { key: LOAD_SETTING } });
        await db.prisma.change.deleteMany({ where: { action: "dataset.load" } });
        const u = await createUserRecord(db, null, {
          email: "old@seed.test",
          name: "old",
          role: "reviewer",
          password: "correct horse battery",
        });
        const reviewer: Principal = { id: u.id, email: u.email, name: u.name, role: "reviewer" };
        const head = await getHead(db, "actor", "russia");
        const saved = await saveChange(db, reviewer, {
          type: "actor",
          op: "upsert",
          key: "russia",
          record: { ...(head.published?.record as RecordOf<"actor">), description: EDITED },
          expectedVersion: head.version,
        });
        await publishDraft(db, reviewer, draftOf(saved));
        const before = await fingerprint(db);
        expect(await seedDataset(db, dataset)).toMatchObject({ outcome: "unrecorded", filesDiffer: true });
        expect(await fingerprint(db)).toBe(before);

        const adopted = await proposeDataset(db, dataset);
        expect(adopted.draftId).toBeNull();
        expect(adopted.drafted).toEqual([]);
        expect(adopted.conflicts.map((c) => `${c.type}:${c.key}`)).toEqual(["actor:russia"]);
        expect(await descriptionOf(db, "russia")).toBe(EDITED);
        expect(await seedDataset(db, dataset)).toMatchObject({ outcome: "already-loaded", filesDiffer: false });
        // Adopted: the editor's version is now theirs, kept, not a conflict reported on every run.
        const again = await proposeDataset(db, dataset, { dryRun: true });
        expect(again.conflicts).toEqual([]);
        expect(again.kept.map((c) => `${c.type}:${c.key}`)).toEqual(["actor:russia"]);
      } finally {
        await db.close();
        await database.drop();
      }
    },
    120_000,
  );
});
