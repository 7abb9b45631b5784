// The admin lists against a real, freshly seeded SQLite database: search, filters, sorting, paging,
// and records that exist only as drafts.
import { countsFrom, type RecordOf } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../client";
import { loadDataset } from "../dataset";
import { migrate } from "../migrate";
import { seedDataset } from "../seed";
import { freshSqlite, type TestDatabase } from "../testing/databases";
import { createUserRecord } from "./accounts";
import { getHead, saveChange } from "./drafts";
import type { Principal } from "./errors";
import { listRecords } from "./lists";

const dataset = loadDataset();
const POSTURE = "posture-toward-taliban-government";

describe("admin record lists", () => {
  let database: TestDatabase;
  let db: Db;
  let editor: Principal;

  beforeAll(async () => {
    database = freshSqlite();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, dataset);
    const u = await createUserRecord(db, null, {
      email: "lists@example.org",
      name: "Lists",
      role: "editor",
      password: "correct horse battery",
    });
    editor = { id: u.id, email: u.email, name: u.name, role: "editor" };
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("refuses anyone who is not signed in as an editor or above", async () => {
    await expect(listRecords(db, null, "stance")).rejects.toMatchObject({ status: 401 });
  });

  it("finds Pakistan's stances by the actor's name and its category's label", async () => {
    const byName = await listRecords(db, editor, "stance", { q: "PAKISTAN" });
    expect(byName.rows.map((r) => r.key).sort()).toEqual(["pakistan-posture-2025-07-03", "pakistan-reaction-2025-07-05"]);
    const byLabel = await listRecords(db, editor, "stance", { q: "pakistan diplomatic" });
    expect(byLabel.rows.map((r) => r.key)).toEqual(["pakistan-posture-2025-07-03"]);
    expect(byLabel.names.actors.pakistan).toBe("Pakistan");
  });

  it("filters stances by topic and category, and counts each facet over the other filters", async () => {
    const all = await listRecords(db, editor, "stance", { pageSize: 500 });
    const posture = await listRecords(db, editor, "stance", { filters: { topic: POSTURE }, pageSize: 500 });
    const expected = dataset.stances.filter((s) => s.topic === POSTURE);
    expect(posture.total).toBe(expected.length);
    expect(posture.total).toBeLessThan(all.total);
    expect(posture.rows.every((r) => (r.record as RecordOf<"stance">).topic === POSTURE)).toBe(true);
    // Categories are offered from the chosen topic's scale only.
    expect(posture.facets.category?.map((c) => c.value)).not.toContain("condemned");
    const engaged = await listRecords(db, editor, "stance", { filters: { topic: POSTURE, category: "diplomatic-engagement" } });
    expect(engaged.total).toBe(expected.filter((s) => s.category === "diplomatic-engagement").length);
    expect(posture.facets.category?.find((c) => c.value === "diplomatic-engagement")?.count).toBe(engaged.total);
  });

  it("sorts by a column both ways, ties broken the same way each time", async () => {
    const asc = await listRecords(db, editor, "stance", { sort: "from", dir: "asc", pageSize: 500 });
    // By the day each counts from (EDTF text does not sort: "2023" against "2022-09").
    const from = asc.rows.map((r) => countsFrom(r.record as RecordOf<"stance">));
    expect(from).toEqual([...from].sort());
    const desc = await listRecords(db, editor, "stance", { sort: "from", dir: "desc", pageSize: 500 });
    expect(desc.rows.map((r) => countsFrom(r.record as RecordOf<"stance">))).toEqual([...from].sort().reverse());
    const actors = await listRecords(db, editor, "actor", { sort: "name", dir: "desc" });
    expect(actors.rows[0]?.label.localeCompare(actors.rows[1]?.label ?? "")).toBeGreaterThanOrEqual(0);
  });

  it("pages through the list, each record once, and clamps a page past the end", async () => {
    const first = await listRecords(db, editor, "stance", { pageSize: 10, page: 1 });
    expect(first.total).toBe(dataset.stances.length);
    expect(first.pageCount).toBe(Math.ceil(dataset.stances.length / 10));
    const keys: string[] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      const result = await listRecords(db, editor, "stance", { pageSize: 10, page });
      expect(result.rows.length).toBeLessThanOrEqual(10);
      keys.push(...result.rows.map((r) => r.key));
    }
    expect(new Set(keys).size).toBe(dataset.stances.length);
    const past = await listRecords(db, editor, "stance", { pageSize: 10, page: 99 });
    expect(past.page).toBe(first.pageCount);
  });

  it("lists a record that exists only in a draft as new, and marks an edited one", async () => {
    const source = { id: "lists-test-source", publisher: "Lists Test Desk", title: "Draft-only source", reliability: "Test fixture." };
    await saveChange(db, editor, { type: "source", op: "upsert", record: source, expectedVersion: null });
    const head = await getHead(db, "source", "bbc-2025-07-05-russia-recognises-taliban");
    const bbc = head.published?.record as RecordOf<"source">;
    await saveChange(db, editor, {
      type: "source",
      op: "upsert",
      record: { ...bbc, title: `${bbc.title} (edited)` },
      expectedVersion: head.version,
    });

    const drafted = await listRecords(db, editor, "source", { filters: { draft: "any" } });
    expect(drafted.rows.map((r) => [r.key, r.draft?.change, r.isNew])).toEqual(
      expect.arrayContaining([
        ["lists-test-source", "new", true],
        ["bbc-2025-07-05-russia-recognises-taliban", "edit", false],
      ]),
    );
    expect(drafted.rows.every((r) => r.draft?.status === "pending")).toBe(true);
    const onlyNew = await listRecords(db, editor, "source", { filters: { draft: "new", publisher: "Lists Test Desk" } });
    expect(onlyNew.rows.map((r) => r.key)).toEqual(["lists-test-source"]);
    expect((await listRecords(db, editor, "source", { q: "draft-only" })).total).toBe(1);
  });
});
