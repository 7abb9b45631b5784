// A database loaded by the previous release keeps the files' fingerprints in that release's form. Read
// through baseOf, re-expressing a record's dates is not a change by the files: a migrated database is
// not told that every dated record changed, and an editor's later edit is kept, not a conflict.

import { type EntityType, keyOf, RECORD_SCHEMAS, type RecordOf, upgradeLegacyRecord } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { createUserRecord, getHead, type Principal, publishDraft, saveChange } from "./curation";
import { WRITE_ORDER } from "./curation/records";
import { loadDataset } from "./dataset";
import { proposeDataset } from "./dataset-propose";
import { legacyFormOf } from "./legacy-form";
import { migrate } from "./migrate";
import {
  baseOf,
  datasetFingerprint,
  LOAD_SETTING,
  type LoadRecord,
  normaliseDataset,
  recordHash,
  recordId,
  recordsOf,
  seedDataset,
} from "./seed";
import { freshSqlite, type TestDatabase } from "./testing/databases";
import { draftOf } from "./testing/saved";

const evidence = [{ source: "s" }];
/** Records as the previous release parsed them (its schema filled the precision in). */
const OLD: [EntityType, Record<string, unknown>][] = [
  [
    "stance",
    {
      id: "a",
      actor: "x",
      topic: "t",
      category: "c",
      validFrom: "2023-01-01",
      validFromPrecision: "year",
      confidence: "low",
      summary: "s",
      evidence,
    },
  ],
  [
    "stance",
    {
      id: "b",
      actor: "x",
      topic: "t",
      category: "c",
      validFrom: "2022-09-01",
      validFromPrecision: "month",
      validUntil: "2023-02-10",
      confidence: "low",
      summary: "s",
      evidence,
    },
  ],
  [
    "stance",
    {
      id: "c",
      actor: "x",
      topic: "t",
      category: "c",
      validFrom: "2025-07-03",
      validFromPrecision: "day",
      confidence: "low",
      summary: "s",
      evidence,
    },
  ],
  [
    "stance",
    {
      id: "d",
      actor: "x",
      topic: "t",
      category: "c",
      validFrom: "2025-07-03",
      validFromPrecision: "circa",
      confidence: "low",
      summary: "s",
      evidence,
    },
  ],
  ["event", { slug: "e", date: "2022-01-01", datePrecision: "year", title: "t", actors: ["x"], evidence }],
  ["event", { slug: "f", date: "2024-03-01", datePrecision: "month", title: "t", actors: ["x"], evidence }],
  [
    "reaction",
    {
      id: "g",
      actor: "x",
      target: { actor: "y" },
      date: "2021-08-15",
      datePrecision: "circa",
      sentiment: "neutral",
      summary: "s",
      confidence: "low",
      evidence,
    },
  ],
  [
    "reaction",
    {
      id: "h",
      actor: "x",
      target: { event: "e" },
      date: "2025-07-04",
      datePrecision: "day",
      sentiment: "neutral",
      summary: "s",
      confidence: "low",
      evidence,
    },
  ],
  ["gap", { actor: "x", topic: "t", note: "none" }],
];

describe("the previous release's form of a record", () => {
  it("is what that release parsed, for every precision, after an upgrade to EDTF", () => {
    for (const [type, old] of OLD) {
      const upgraded = RECORD_SCHEMAS[type].parse(upgradeLegacyRecord(type, old));
      expect(legacyFormOf(type, upgraded), JSON.stringify(old)).toEqual(old);
    }
  });

  it("does not exist for what that release could not say", () => {
    const stance = RECORD_SCHEMAS.stance.parse(upgradeLegacyRecord("stance", OLD[0]?.[1])) as RecordOf<"stance">;
    expect(legacyFormOf("stance", { ...stance, qualifiers: ["listed"] })).toBeNull();
    expect(legacyFormOf("stance", { ...stance, validFrom: "2021-08~", attested: "2021-08~" })).toBeNull();
    expect(legacyFormOf("stance", { ...stance, validFrom: "2017", attested: "2025-07-03" })).toBeNull();
    expect(legacyFormOf("stance", { ...stance, validUntil: "2025-04" })).toBeNull();
    expect(legacyFormOf("event", { slug: "e", date: "2023/2024-03", title: "t", actors: [], evidence })).toBeNull();
    expect(legacyFormOf("gap", { actor: "x", topic: "t", note: "n", validUntil: "2025-07-03" })).toBeNull();
    expect(legacyFormOf("topic", { slug: "t", qualifiers: [{ key: "q", label: "Q" }] })).toBeNull();
  });
});

describe("a database the previous release loaded", () => {
  const dataset = loadDataset();
  let database: TestDatabase;
  let db: Db;
  let reviewer: Principal;
  /** What the previous release's marker would say of these files: fingerprints of its form of each record. */
  const expressible = new Set<string>();
  let oldMarker: LoadRecord;

  beforeAll(async () => {
    database = freshSqlite();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, dataset);
    const records: Record<string, string> = {};
    const d = normaliseDataset(dataset);
    for (const type of WRITE_ORDER)
      for (const r of recordsOf(d, type)) {
        const legacy = legacyFormOf(type, r);
        if (legacy === null) continue;
        const id = recordId(type, keyOf(type, r as never));
        expressible.add(id);
        records[id] = recordHash(legacy);
      }
    oldMarker = { hash: "from-the-previous-release", at: "2026-11-22T00:00:00.000Z", via: "first-load", records };
    await db.prisma.setting.update({ where: { key: LOAD_SETTING }, data: { value: JSON.stringify(oldMarker) } });
    const u = await createUserRecord(db, null, {
      email: "rev@legacy.test",
      name: "rev",
      role: "reviewer",
      password: "correct horse battery",
    });
    reviewer = { id: u.id, email: u.email, name: u.name, role: "reviewer" };
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("reads the old marker in today's form: a record only re-expressed was not changed by the files", () => {
    const now = datasetFingerprint(dataset).records;
    const base = baseOf(oldMarker, dataset).records;
    for (const id of expressible) expect(base[id], id).toBe(now[id]);
    expect(expressible.size).toBeGreaterThan(50);
  });

  it("says the files differ only for what the previous release could not have loaded", async () => {
    const all = Object.keys(datasetFingerprint(dataset).records);
    const seeded = await seedDataset(db, dataset);
    expect(seeded.outcome).toBe("already-loaded");
    expect(seeded.filesDiffer).toBe(all.some((id) => !expressible.has(id)));
    const proposed = await proposeDataset(db, dataset, { dryRun: true });
    expect(proposed.conflicts).toEqual([]);
    expect(proposed.kept).toEqual([]);
  });

  it("keeps an editor's edit as the editor's, not as a conflict with the files", async () => {
    const id = [...expressible].find((k) => k.startsWith("stance:"))?.slice("stance:".length) ?? "";
    const head = await getHead(db, "stance", id);
    const stance = head.published?.record as RecordOf<"stance">;
    const saved = await saveChange(db, reviewer, {
      type: "stance",
      op: "upsert",
      record: { ...stance, summary: `${stance.summary} Edited.` },
      expectedVersion: head.version,
    });
    await publishDraft(db, reviewer, draftOf(saved));
    const proposed = await proposeDataset(db, dataset, { dryRun: true });
    expect(proposed.conflicts).toEqual([]);
    expect(proposed.kept).toEqual([{ type: "stance", key: id, reason: "changed in the database" }]);
  });
});
