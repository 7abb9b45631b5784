// An export file is kept and tagged (cache key, ETag, x-dataset-revision) as the revision it draws. Its
// reads must all see one revision: a publish landing during them may mix two states, so that read is
// made again; a pinned revision is read from its snapshot.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExportQuery, type RecordOf } from "@stancemap/core";
import {
  consistentRead,
  createUserRecord,
  type Db,
  getDb,
  getHead,
  loadDataset,
  migrate,
  type Principal,
  publishDraft,
  readRevision,
  saveChangeSet,
  seedDataset,
} from "@stancemap/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const dir = mkdtempSync(join(tmpdir(), "stancemap-export-revision-"));
const url = `file:${join(dir, "export.db")}`;
const dataset = loadDataset();
const POSTURE = "posture-toward-taliban-government";
const china = dataset.stances.find((s) => s.actor === "china" && s.topic === POSTURE) as RecordOf<"stance">;

let db: Db;
let reviewer: Principal;

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", url);
  await migrate(url);
  db = getDb();
  await seedDataset(db, dataset);
  const u = await createUserRecord(db, null, {
    email: "rev@export.test",
    name: "rev",
    role: "reviewer",
    password: "correct horse battery",
  });
  reviewer = { id: u.id, email: u.email, name: u.name, role: "reviewer" };
}, 60_000);

afterAll(async () => {
  await db?.close();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** Publishes a change of China's stance on the posture topic (to `category`); returns the new revision. */
async function publishChina(category: string): Promise<number> {
  const head = await getHead(db, "stance", china.id);
  const saved = await saveChangeSet(db, reviewer, [
    { type: "stance", op: "upsert", key: china.id, record: { ...china, category }, expectedVersion: head.version },
  ]);
  if (!saved.draftId) throw new Error("the change saved nothing");
  return (await publishDraft(db, reviewer, saved.draftId)).revision;
}

const categoryOf = (stances: readonly { id: string; category: string }[]) => stances.find((s) => s.id === china.id)?.category;
const q = ExportQuery.parse({ topic: POSTURE, date: "2025-07-10" });
const other = (category: string) => (category === "limited-engagement" ? "active-opposition" : "limited-engagement");

describe("the data an export draws", () => {
  it("is of one revision, named by it: a read during which a publish lands is read again", async () => {
    const { readExportData } = await import("./export-reads");
    const r1 = await readRevision(db);
    const before = categoryOf((await readExportData(db, "map", q)).data.stances);
    const after = other(before ?? "");
    let reads = 0;
    let r2 = 0;
    // The first read sees revision r1, then a publish lands before it ends: it may hold either state.
    const got = await consistentRead(
      db,
      async (from) => {
        reads++;
        const read = await readExportData(from, "map", q);
        if (reads === 1) r2 = await publishChina(after);
        return read;
      },
      (r) => r.data.revision,
    );
    expect(r2).toBeGreaterThan(r1);
    expect(reads).toBe(2);
    expect(got.data.revision).toBe(r2);
    expect(categoryOf(got.data.stances)).toBe(after);
  }, 60_000);

  it("reads the snapshot of the current revision when publishes keep landing during its reads", async () => {
    const { readExportData } = await import("./export-reads");
    const live = getDb();
    let last = 0;
    let category = categoryOf((await readExportData(db, "map", q)).data.stances) ?? "";
    const from: Db[] = [];
    const got = await consistentRead(
      db,
      async (source) => {
        from.push(source);
        const read = await readExportData(source, "map", q);
        if (source === live) {
          category = other(category);
          last = await publishChina(category);
        }
        return read;
      },
      (r) => r.data.revision,
    );
    expect(from.slice(0, 2)).toEqual([live, live]);
    expect(from[2]).not.toBe(live);
    expect(got.data.revision).toBe(last);
    expect(categoryOf(got.data.stances)).toBe(category);
  }, 60_000);

  it("is the pinned revision's, whatever was published since", async () => {
    const { exportData } = await import("./export");
    const r = await readRevision(db);
    const then = categoryOf((await exportData("map", q)).data.stances);
    await publishChina(other(then ?? ""));
    const pinned = await exportData("map", ExportQuery.parse({ topic: POSTURE, date: "2025-07-10", revision: String(r) }));
    expect(pinned.data.revision).toBe(r);
    expect(categoryOf(pinned.data.stances)).toBe(then);
  }, 60_000);

  it("of a map's picture formats is its picture, made once per revision, date and filter", async () => {
    const { readMapPicture } = await import("./export-reads");
    const { exportPicture } = await import("@/lib/export/views");
    let made = 0;
    const make = async (data: Parameters<typeof exportPicture>[0], drawn: Parameters<typeof exportPicture>[1]) => {
      made++;
      return exportPicture(data, drawn);
    };
    const CHINA = "156";
    const keyOf = (p: Awaited<ReturnType<typeof readMapPicture>>["picture"]) => p.legend[p.categoryOf[CHINA] ?? -1]?.key;
    const first = await readMapPicture(db, q, make);
    // Another title, size or theme draws the same picture: it is not made again.
    const again = await readMapPicture(
      db,
      ExportQuery.parse({ topic: POSTURE, date: "2025-07-10", title: "Another", theme: "dark" }),
      make,
    );
    expect(made).toBe(1);
    expect(again.picture).toBe(first.picture);
    expect(first.picture.revision).toBe(await readRevision(db));
    // Another date or filter is another picture.
    await readMapPicture(db, ExportQuery.parse({ topic: POSTURE, date: "2025-07-04" }), make);
    await readMapPicture(db, ExportQuery.parse({ topic: POSTURE, date: "2025-07-10", region: "East Asia" }), make);
    expect(made).toBe(3);
    // A publish makes a new revision: its picture draws the change.
    const category = other(keyOf(first.picture) ?? "");
    const r = await publishChina(category);
    const after = await readMapPicture(db, q, make);
    expect(made).toBe(4);
    expect(after.picture.revision).toBe(r);
    expect(keyOf(after.picture)).toBe(category);
  }, 60_000);
});
