import type { RecordOf } from "@stancemap/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { loadDataset } from "../dataset";
import { engines, seededDatabase } from "../testing/seeded";
import { getDraft, getHead } from "./drafts";
import { InvalidInput, type Principal, VersionConflict } from "./errors";
import { saveWithSources } from "./save-with-sources";

const dataset = loadDataset();
const PAKISTAN = "pakistan-posture-2025-07-03";

const source = (id: string) => ({ id, publisher: "Test Desk", title: `Statement ${id}`, reliability: "Test fixture." });

describe.each(await engines("save with sources tests"))("saving a record with new sources on $name", (engine) => {
  const { enabled } = engine;
  const seeded = seededDatabase(engine);
  let db: Db;
  let editor: Principal;
  let pakistan: RecordOf<"stance">;

  beforeAll(async () => {
    if (!enabled) return;
    ({ db, editor } = seeded);
    pakistan = (await getHead(db, "stance", PAKISTAN)).published?.record as RecordOf<"stance">;
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
