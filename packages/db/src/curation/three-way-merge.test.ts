// Three-way merges and quiet saves, on a real database (SQLite, and PostgreSQL when one answers):
// two editors start from the same version of Uzbekistan's stance; the second is refused with the base,
// theirs, yours and the merge, and keeps the first's change. A save that changes nothing writes nothing.
import { type RecordOf, threeWayMerge } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../client";
import { loadDataset } from "../dataset";
import { migrate } from "../migrate";
import { seedDataset } from "../seed";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "../testing/databases";
import { draftOf } from "../testing/saved";
import { createUserRecord } from "./accounts";
import { getDraft, getHead, listDrafts, publishDraft, renameDraft, saveChange, saveChangeSet, withdrawDraft } from "./drafts";
import { type Principal, VersionConflict } from "./errors";
import { auditLog } from "./history";

describe("threeWayMerge", () => {
  const base = { id: "s", confidence: "medium", note: "old note", evidence: [{ source: "a" }] };

  it("takes a field only one side changed from that side, without a conflict", () => {
    const theirs = { ...base, confidence: "low" };
    const yours = { ...base, note: "new note" };
    const { merged, conflicts, taken } = threeWayMerge(base, theirs, yours);
    expect(merged).toEqual({ id: "s", confidence: "low", note: "new note", evidence: [{ source: "a" }] });
    expect(conflicts).toEqual([]);
    expect(taken).toEqual([
      { field: "confidence", from: "theirs" },
      { field: "note", from: "yours" },
    ]);
  });

  it("lists a field both changed differently, with all three values, and keeps yours there until chosen", () => {
    const { merged, conflicts } = threeWayMerge(base, { ...base, note: "theirs" }, { ...base, note: "yours" });
    expect(conflicts).toEqual([{ field: "note", base: "old note", theirs: "theirs", yours: "yours" }]);
    expect(merged.note).toBe("yours");
  });

  it("does not ask about a field both changed the same way, whatever the key order", () => {
    const same = [{ locator: "p. 2", source: "b" }];
    const { merged, conflicts, taken } = threeWayMerge(
      base,
      { ...base, evidence: same },
      { ...base, evidence: [{ source: "b", locator: "p. 2" }] },
    );
    expect(conflicts).toEqual([]);
    expect(merged.evidence).toEqual(same);
    expect(taken).toEqual([{ field: "evidence", from: "both" }]);
  });

  it("treats a list as one field: different changes to evidence conflict", () => {
    const { conflicts } = threeWayMerge(base, { ...base, evidence: [{ source: "b" }] }, { ...base, evidence: [{ source: "c" }] });
    expect(conflicts.map((c) => c.field)).toEqual(["evidence"]);
  });

  it("handles fields added and removed: one side removing an untouched field removes it", () => {
    const withUntil = { ...base, validUntil: "2025" };
    const { merged, conflicts } = threeWayMerge(withUntil, base, { ...withUntil, note: "n" });
    expect(conflicts).toEqual([]);
    expect("validUntil" in merged).toBe(false);
    expect(merged.note).toBe("n");
    const added = threeWayMerge(base, { ...base, validUntil: "2025" }, { ...base, validUntil: "2026" });
    expect(added.conflicts).toEqual([{ field: "validUntil", base: null, theirs: "2025", yours: "2026" }]);
  });

  it("with no base, asks about every field that differs", () => {
    const { conflicts, merged } = threeWayMerge(null, { ...base, confidence: "low" }, { ...base, note: "new" });
    expect(conflicts.map((c) => c.field).sort()).toEqual(["confidence", "note"]);
    expect(merged.id).toBe("s");
  });
});

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[three-way merge tests] PostgreSQL run skipped: ${pg.reason}`);
const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];
const dataset = loadDataset();
const UZBEKISTAN = "uzbekistan-posture-2025-07-03";
type Stance = RecordOf<"stance">;

describe.each(engines)("saving from an old version on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;
  let editor: Principal;
  let reviewer: Principal;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, dataset);
    const make = async (email: string, name: string, role: "editor" | "reviewer") => {
      const u = await createUserRecord(db, null, { email, name, role, password: "correct horse battery" });
      return { id: u.id, email: u.email, name: u.name, role };
    };
    editor = await make("ada@example.org", "Ada Editor", "editor");
    reviewer = await make("rex@example.org", "Rex Reviewer", "reviewer");
  }, 60_000);
  afterAll(async () => {
    if (!enabled) return;
    await db.close();
    await database.drop();
  });

  /** The second save's refusal: the conflict it throws. */
  const conflictOf = async (save: Promise<unknown>): Promise<VersionConflict> => {
    const error = await save.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VersionConflict);
    return error as VersionConflict;
  };

  it.skipIf(!enabled)("A changes confidence, B changes the note from the same base: B's merge keeps both", async () => {
    const head = await getHead(db, "stance", UZBEKISTAN);
    const base = head.published?.record as Stance;
    expect(base.confidence).toBe("medium");
    const a = await saveChange(db, editor, {
      type: "stance",
      op: "upsert",
      key: UZBEKISTAN,
      record: { ...base, confidence: "low" },
      expectedVersion: head.version,
    });
    const draftId = draftOf(a);
    // The draft is named after the record, not after the change.
    expect((await getDraft(db, editor, draftId)).title).toBe("Uzbekistan: posture toward the Taliban government");

    const mine = { ...base, note: "B's note." };
    const conflict = await conflictOf(
      saveChange(db, reviewer, { type: "stance", op: "upsert", key: UZBEKISTAN, record: mine, expectedVersion: head.version }),
    );
    const details = conflict.details;
    expect(details?.base).toEqual({ version: head.version, record: base });
    expect(details?.baseUnavailable).toBeUndefined();
    expect(details?.theirs).toMatchObject({ version: a.version, savedBy: "Ada Editor", record: { ...base, confidence: "low" } });
    expect(Date.parse(details?.theirs.savedAt ?? "")).not.toBeNaN();
    expect(details?.yours).toEqual(mine);
    expect(details?.merge?.conflicts).toEqual([]);
    const merged = details?.merge?.merged as Stance;
    expect(merged).toMatchObject({ confidence: "low", note: "B's note." });

    // Saving the merge against their version keeps both changes.
    await saveChange(db, reviewer, { type: "stance", op: "upsert", key: UZBEKISTAN, record: merged, expectedVersion: a.version });
    const after = await getHead(db, "stance", UZBEKISTAN);
    expect(after.draft?.record).toMatchObject({ confidence: "low", note: "B's note." });
    await withdrawDraft(db, reviewer, draftId);
  });

  it.skipIf(!enabled)("both change the same field: the conflict lists base, theirs and yours", async () => {
    const head = await getHead(db, "stance", UZBEKISTAN);
    const base = head.published?.record as Stance;
    const a = await saveChange(db, editor, {
      type: "stance",
      op: "upsert",
      key: UZBEKISTAN,
      record: { ...base, note: "A's note.", confidence: "high" },
      expectedVersion: head.version,
    });
    const conflict = await conflictOf(
      saveChange(db, reviewer, {
        type: "stance",
        op: "upsert",
        key: UZBEKISTAN,
        record: { ...base, note: "B's note.", confidence: "high" },
        expectedVersion: head.version,
      }),
    );
    expect(conflict.details?.merge?.conflicts).toEqual([{ field: "note", base: base.note, theirs: "A's note.", yours: "B's note." }]);
    // The same change on both sides (confidence) is not asked about.
    expect(conflict.details?.merge?.merged.confidence).toBe("high");

    // A draft version as the base: A saves again, B is still on A's first version.
    const a2 = await saveChange(db, editor, {
      type: "stance",
      op: "upsert",
      key: UZBEKISTAN,
      record: { ...base, note: "A's note.", confidence: "low" },
      expectedVersion: a.version,
    });
    const again = await conflictOf(
      saveChange(db, reviewer, {
        type: "stance",
        op: "upsert",
        key: UZBEKISTAN,
        record: { ...base, note: "A's note, B's edit.", confidence: "high" },
        expectedVersion: a.version,
      }),
    );
    expect(again.details?.base?.version).toBe(a.version);
    expect(again.details?.base?.record).toMatchObject({ note: "A's note.", confidence: "high" });
    expect(again.details?.theirs.version).toBe(a2.version);
    expect(again.details?.merge?.merged).toMatchObject({ note: "A's note, B's edit.", confidence: "low" });
    expect(again.details?.merge?.conflicts).toEqual([]);
    await withdrawDraft(db, editor, draftOf(a2));
  });

  it.skipIf(!enabled)("a base that cannot be read back is said so, and the merge is two-way", async () => {
    const head = await getHead(db, "stance", UZBEKISTAN);
    const base = head.published?.record as Stance;
    const conflict = await conflictOf(
      saveChange(db, editor, {
        type: "stance",
        op: "upsert",
        key: UZBEKISTAN,
        record: { ...base, confidence: "low" },
        // A published version this record never had.
        expectedVersion: `${(head.published?.version ?? 0) + 40}.0`,
      }),
    );
    expect(conflict.details?.base).toBeNull();
    expect(conflict.details?.baseUnavailable).toMatch(/not in the record's history/);
    expect(conflict.details?.merge?.conflicts.map((c) => c.field)).toEqual(["confidence"]);
  });

  it.skipIf(!enabled)("saving an unchanged record creates no draft and no audit entry", async () => {
    const head = await getHead(db, "stance", UZBEKISTAN);
    const drafts = (await listDrafts(db, editor)).length;
    const audit = (await auditLog(db, reviewer, { limit: 500 })).data.length;
    // The same record in another key order is the same record.
    const reordered = Object.fromEntries(Object.entries(head.published?.record ?? {}).reverse());
    const result = await saveChange(db, editor, {
      type: "stance",
      op: "upsert",
      key: UZBEKISTAN,
      record: reordered,
      expectedVersion: head.version,
    });
    expect(result).toEqual({ unchanged: true, draftId: null, version: head.version });
    expect((await listDrafts(db, editor)).length).toBe(drafts);
    expect((await auditLog(db, reviewer, { limit: 500 })).data.length).toBe(audit);
    expect((await getHead(db, "stance", UZBEKISTAN)).draft).toBeNull();

    // Unchanged against the open draft's record too: the draft keeps its version.
    const base = head.published?.record as Stance;
    const saved = await saveChange(db, editor, {
      type: "stance",
      op: "upsert",
      key: UZBEKISTAN,
      record: { ...base, confidence: "low" },
      expectedVersion: head.version,
    });
    const draftId = draftOf(saved);
    const before = await getDraft(db, editor, draftId);
    const again = await saveChange(db, editor, {
      type: "stance",
      op: "upsert",
      key: UZBEKISTAN,
      record: { ...base, confidence: "low" },
      expectedVersion: saved.version,
    });
    expect(again).toEqual({ unchanged: true, draftId, version: saved.version });
    expect((await getDraft(db, editor, draftId)).version).toBe(before.version);
    await withdrawDraft(db, editor, draftId);
  });

  it.skipIf(!enabled)("a draft with a new source is named after its main record; its author or a reviewer renames it", async () => {
    const head = await getHead(db, "stance", UZBEKISTAN);
    const base = head.published?.record as Stance;
    const { draftId } = await saveChangeSet(db, editor, [
      {
        type: "source",
        op: "upsert",
        record: { id: "merge-test-source", publisher: "Dawn", title: "A report", reliability: "Test." },
        expectedVersion: null,
      },
      {
        type: "stance",
        op: "upsert",
        key: UZBEKISTAN,
        record: { ...base, evidence: [...base.evidence, { source: "merge-test-source" }] },
        expectedVersion: head.version,
      },
    ]);
    const id = draftId as string;
    expect((await getDraft(db, editor, id)).title).toBe("Uzbekistan: posture toward the Taliban government");
    const other = { id: "u_other", email: "other@example.org", name: "Other", role: "editor" as const };
    await expect(renameDraft(db, other, id, "Mine now")).rejects.toMatchObject({ status: 403 });
    await expect(renameDraft(db, null, id, "Mine now")).rejects.toMatchObject({ status: 401 });
    const version = (await getDraft(db, editor, id)).version;
    await renameDraft(db, editor, id, "Uzbekistan: a second source");
    const renamed = await getDraft(db, editor, id);
    expect(renamed.title).toBe("Uzbekistan: a second source");
    expect(renamed.version).toBe(version);
    const log = await auditLog(db, reviewer, { limit: 5, action: "draft.rename" });
    expect(log.data[0]).toMatchObject({
      entityId: id,
      comment: '"Uzbekistan: posture toward the Taliban government" → "Uzbekistan: a second source"',
    });
    await publishDraft(db, reviewer, id);
  });
});
