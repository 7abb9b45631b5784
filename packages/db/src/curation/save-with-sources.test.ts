import type { RecordOf } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../client";
import { loadDataset } from "../dataset";
import { migrate } from "../migrate";
import { seedDataset } from "../seed";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "../testing/databases";
import { createUserRecord } from "./accounts";
import { getDraft, getHead } from "./drafts";
import { InvalidInput, type Principal, VersionConflict } from "./errors";
import { saveWithSources } from "./save-with-sources";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[save with sources tests] PostgreSQL run skipped: ${pg.reason}`);
const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];
const dataset = loadDataset();
const PAKISTAN = "pakistan-posture-2025-07-03";

const source = (id: string) => ({ id, publisher: "Test Desk", title: `Statement ${id}`, reliability: "Test fixture." });

describe.each(engines)("saving a record with new sources on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;
  let editor: Principal;
  let pakistan: RecordOf<"stance">;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, dataset);
    const u = await createUserRecord(db, null, { email: "ed@example.org", name: "Ed", role: "editor", password: "correct horse battery" });
    editor = { id: u.id, email: u.email, name: u.name, role: "editor" };
    pakistan = (await getHead(db, "stance", PAKISTAN)).published?.record as RecordOf<"stance">;
  }, 60_000);
  afterAll(async () => {
    if (!enabled) return;
    await db.close();
    await database.drop();
  });

  it.skipIf(!enabled)("saves the new source and the stance citing it into one draft, named after the stance", async () => {
    const head = await getHead(db, "stance", PAKISTAN);
    const saved = await saveWithSources(db, editor, {
      type: "stance",
      key: PAKISTAN,
      record: { ...pakistan, evidence: [...pakistan.evidence, { source: "sws-new-one" }] },
      expectedVersion: head.version,
      newSources: [{ row: pakistan.evidence.length, record: source("sws-new-one") }],
    });
    expect(saved).toMatchObject({ key: PAKISTAN, unchanged: false });
    const draft = await getDraft(db, editor, saved.draftId ?? "");
    expect(draft.items.map((i) => `${i.type}:${i.key}`)).toEqual(["source:sws-new-one", `stance:${PAKISTAN}`]);
    expect(draft.title).toMatch(/^Pakistan/);
  });

  it.skipIf(!enabled)("refuses every problem of the record and its new sources at once, each at its field", async () => {
    const refusal = saveWithSources(db, editor, {
      type: "stance",
      key: null,
      record: { ...pakistan, id: "sws-invalid", summary: "", evidence: [{ source: "sws-bad" }] },
      expectedVersion: null,
      newSources: [{ row: 0, record: { id: "sws-bad", title: "No publisher", reliability: "x" } }],
    });
    await expect(refusal).rejects.toBeInstanceOf(InvalidInput);
    const fields = await refusal.catch((e: InvalidInput) => e.issues.map((i) => i.field));
    expect(fields).toEqual(expect.arrayContaining(["evidence.0.newSource.publisher", "summary"]));
    expect((await getHead(db, "source", "sws-bad")).version).toBe("0.0");
  });

  it.skipIf(!enabled)("refuses a new source whose ID is published at that row's ID field, saving nothing", async () => {
    const taken = dataset.sources[0]?.id ?? "";
    const refusal = saveWithSources(db, editor, {
      type: "stance",
      key: null,
      record: { ...pakistan, id: "sws-taken-source", evidence: [{ source: "sws-fine" }, { source: taken }] },
      expectedVersion: null,
      newSources: [
        { row: 0, record: source("sws-fine") },
        { row: 1, record: source(taken) },
      ],
    });
    await expect(refusal).rejects.toBeInstanceOf(VersionConflict);
    await expect(refusal).rejects.toMatchObject({
      code: "exists",
      record: { type: "source", key: taken, where: "published" },
      issues: [{ field: "evidence.1.newSource.id", code: "exists" }],
    });
    // All or nothing: the first new source was not kept either.
    expect((await getHead(db, "source", "sws-fine")).version).toBe("0.0");
  });

  it.skipIf(!enabled)("refuses creating a record whose key is in an open draft, saying so in fields", async () => {
    await saveWithSources(db, editor, {
      type: "stance",
      key: null,
      record: { ...pakistan, id: "sws-drafted" },
      expectedVersion: null,
      newSources: [],
    });
    const again = saveWithSources(db, editor, {
      type: "stance",
      key: null,
      record: { ...pakistan, id: "sws-drafted" },
      expectedVersion: null,
      newSources: [],
    });
    await expect(again).rejects.toMatchObject({
      status: 409,
      code: "exists",
      record: { type: "stance", key: "sws-drafted", where: "draft" },
      issues: [{ field: "id", code: "exists", message: 'A stance with the ID "sws-drafted" exists already in an open draft.' }],
    });
  });

  it.skipIf(!enabled)("finds an unchanged record unchanged and makes no draft", async () => {
    const head = await getHead(db, "stance", "china-posture-2023");
    const record = head.published?.record;
    const saved = await saveWithSources(db, editor, {
      type: "stance",
      key: "china-posture-2023",
      record,
      expectedVersion: head.version,
      newSources: [],
    });
    expect(saved).toEqual({ key: "china-posture-2023", draftId: null, unchanged: true });
  });
});
