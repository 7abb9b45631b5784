// An export file is kept and tagged (cache key, ETag, x-dataset-revision) as the revision its request read.
// When a publish lands between that read and the export's own reads, the file must still draw that
// revision: its snapshot is read, never the newer live tables under the older revision's name.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExportQuery, type RecordOf } from "@stancemap/core";
import {
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

describe("the data an export draws", () => {
  it("is the revision its file is kept as, even after a publish the request did not see", async () => {
    const { exportData } = await import("./export");
    const q = ExportQuery.parse({ topic: POSTURE, date: "2025-07-10" });
    const categoryOf = (stances: readonly { id: string; category: string }[]) => stances.find((s) => s.id === china.id)?.category;
    const r1 = await readRevision(db);
    const before = await exportData("map", q, r1);
    expect(before.data.revision).toBe(r1);
    expect(categoryOf(before.data.stances)).toBe(china.category);

    // A publish changes China's stance: the live tables are now revision r2.
    const head = await getHead(db, "stance", china.id);
    const changed = china.category === "limited-engagement" ? "active-opposition" : "limited-engagement";
    const saved = await saveChangeSet(db, reviewer, [
      { type: "stance", op: "upsert", key: china.id, record: { ...china, category: changed }, expectedVersion: head.version },
    ]);
    if (!saved.draftId) throw new Error("the change saved nothing");
    const { revision: r2 } = await publishDraft(db, reviewer, saved.draftId);
    expect(r2).toBeGreaterThan(r1);

    // A request that read r1 before the publish: its file is r1's, from r1's snapshot.
    const late = await exportData("map", q, r1);
    expect(late.data.revision).toBe(r1);
    expect(categoryOf(late.data.stances)).toBe(china.category);
    // One that read r2 draws the change.
    const current = await exportData("map", q, r2);
    expect(current.data.revision).toBe(r2);
    expect(categoryOf(current.data.stances)).toBe(changed);
  }, 60_000);
});
