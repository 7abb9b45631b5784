// A topic's frame (the dashboard's index of every stance's dates) is read once per revision, a publish made
// through another handle (another instance) is in the next one, and it is kept even when it is larger than
// an ordinary answer may be: a frame that is not kept is read again by every request.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "./client";
import { getHead, publishDraft, saveChange } from "./curation";
import { selectStanceTimeline } from "./dashboard";
import { bumpRevision } from "./revision";
import { engines, seededDatabase } from "./testing/seeded";

const POSTURE = "posture-toward-taliban-government";

describe.each(await engines("dashboard frame tests"))("the topic's frame on $name", (engine) => {
  const seeded = seededDatabase(engine);
  let other: Db;
  // The read cache's modules loaded afresh with a budget this test sets (read-cache.ts reads it at import).
  let frames: typeof import("./dashboard-frame");
  let cache: typeof import("./read-cache");
  beforeAll(async () => {
    if (!engine.enabled) return;
    other = createDb(seeded.db.url);
    const [row] = await other.sql.all<{ n: number }>(
      `SELECT count(*) AS "n" FROM "Stance" st JOIN "Topic" t ON t."id" = st."topicId" WHERE t."slug" = $1`,
      [POSTURE],
    );
    // A budget four times the frame's size: over the eighth an ordinary answer may take, under the half a frame may.
    const frameBytes = Number(row?.n) * 240;
    vi.stubEnv("STANCEMAP_READ_CACHE_MB", String((4 * frameBytes) / (1024 * 1024)));
    vi.resetModules();
    frames = await import("./dashboard-frame");
    cache = await import("./read-cache");
  });
  /** An actor's new description, published through the first handle (another instance). */
  async function publishDescription(slug: string, description: string) {
    const head = await getHead(seeded.db, "actor", slug);
    const { draftId } = await saveChange(seeded.db, seeded.editor, {
      type: "actor",
      op: "upsert",
      key: slug,
      record: { ...(head.published?.record as object), description },
      expectedVersion: head.version,
    });
    if (!draftId) throw new Error("the save made no draft");
    await publishDraft(seeded.db, seeded.reviewer, draftId);
  }
  afterAll(async () => {
    vi.unstubAllEnvs();
    if (engine.enabled) await other.close();
  });

  it.runIf(engine.enabled)("keeps a frame over an eighth of the budget, where an ordinary answer is not kept", async () => {
    const frame = await frames.selectTopicFrame(other, POSTURE);
    expect(frame.stances).toBeGreaterThan(0);
    expect(await frames.selectTopicFrame(other, POSTURE)).toBe(frame);
    // The same bytes without `large`: loaded on every read.
    const revision = Number((await other.sql.all<{ r: number }>(`SELECT "revision" AS "r" FROM "DatasetRevision"`))[0]?.r);
    let loads = 0;
    const answer = () =>
      cache.cachedRead(
        other,
        revision,
        "ordinary",
        async () => {
          loads++;
          return { loads };
        },
        () => frame.stances * 240,
      );
    await answer();
    await answer();
    expect(loads).toBe(2);
  });

  it.runIf(engine.enabled)("carries a frame over publishes that change no stance or topic", async () => {
    const revision = async () => Number((await other.sql.all<{ r: number }>(`SELECT "revision" AS "r" FROM "DatasetRevision"`))[0]?.r);
    const before = await frames.selectTopicFrame(other, POSTURE);
    const from = await revision();
    // An editor rewrites Russia's description, published through the first handle (another instance).
    await publishDescription("russia", "Edited: the frame holds no description.");
    expect(await revision()).toBe(from + 1);
    expect(await cache.unchangedBetween(other, from, from + 1, ["stance", "topic"])).toBe(true);
    expect(await cache.unchangedBetween(other, from, from + 1, ["actor"])).toBe(false);
    // The same frame, not read again; and what it holds is what a read at this revision holds.
    const after = await frames.selectTopicFrame(other, POSTURE);
    expect(after).toBe(before);
    expect(after.stances).toBe((await selectStanceTimeline(other, POSTURE)).length);
    // A revision with no audit rows (a write this check cannot see into) is not carried over.
    await other.prisma.$transaction((tx) => bumpRevision(tx));
    expect(await cache.unchangedBetween(other, from, from + 2, ["stance", "topic"])).toBe(false);
    expect(await cache.unchangedBetween(other, from + 1, from + 2, ["stance", "topic"])).toBe(false);
    expect(await frames.selectTopicFrame(other, POSTURE)).not.toBe(before);
  });

  it.runIf(engine.enabled)("carries only what the cache's budget would keep", async () => {
    const revision = async () => Number((await other.sql.all<{ r: number }>(`SELECT "revision" AS "r" FROM "DatasetRevision"`))[0]?.r);
    const budget = Number(process.env.STANCEMAP_READ_CACHE_MB) * 1024 * 1024;
    const sizes = { small: 1, huge: Number.MAX_SAFE_INTEGER, half1: budget / 2 - 1, half2: budget / 2 - 1, half3: budget / 2 - 1 };
    const loads = { small: 0, huge: 0, half1: 0, half2: 0, half3: 0 };
    const read = async (size: keyof typeof loads) =>
      cache.carriedRead(
        other,
        await revision(),
        `budget-${size}`,
        ["stance"],
        async () => ({ load: ++loads[size] }),
        () => sizes[size],
        { large: true },
      );
    // Three answers of nearly half the budget each: all three cannot be kept for carrying, the oldest goes.
    await read("half1");
    const half2 = await read("half2");
    const half3 = await read("half3");
    const small = await read("small");
    const huge = await read("huge");
    await publishDescription("china", "Edited: carried only within the budget.");
    expect(await read("small")).toBe(small);
    expect(await read("huge")).not.toBe(huge);
    expect(await read("half3")).toBe(half3);
    expect(await read("half2")).toBe(half2);
    await read("half1");
    expect(loads).toEqual({ small: 1, huge: 2, half1: 2, half2: 1, half3: 1 });
  });

  it.runIf(engine.enabled)("holds what the timeline holds, and a publish through another handle at the next read", async () => {
    const before = await frames.selectTopicFrame(other, POSTURE);
    const timeline = await selectStanceTimeline(other, POSTURE);
    expect(before.stances).toBe(timeline.length);
    expect(before.bounds).toEqual(frames.stanceBounds(timeline));
    const russia = timeline.filter((s) => s.actor === "russia");
    expect(before.index.stancesOf("russia").map((s) => [s.id, s.category, s.validFrom, s.attested, s.validUntil, s.qualifiers])).toEqual(
      russia.map((s) => [s.id, s.category, s.validFrom, s.attested, s.validUntil, s.qualifiers]),
    );

    // Russia ends its latest stance: published through the first handle, seen through the other at once.
    const latest = russia.at(-1);
    if (!latest) throw new Error("the shipped dataset has Russia's stances");
    const head = await getHead(seeded.db, "stance", latest.id);
    const { draftId } = await saveChange(seeded.db, seeded.editor, {
      type: "stance",
      op: "upsert",
      key: latest.id,
      record: { ...(head.published?.record as object), validUntil: "2026-01-01" },
      expectedVersion: head.version,
    });
    if (!draftId) throw new Error("the save made no draft");
    await publishDraft(seeded.db, seeded.reviewer, draftId);
    const published = Number((await other.sql.all<{ r: number }>(`SELECT "revision" AS "r" FROM "DatasetRevision"`))[0]?.r);
    expect(await cache.unchangedBetween(other, published - 1, published, ["stance", "topic"])).toBe(false);
    const after = await frames.selectTopicFrame(other, POSTURE);
    expect(after).not.toBe(before);
    expect(after.index.stancesOf("russia").at(-1)?.validUntil).toBe("2026-01-01");
    expect(before.index.stancesOf("russia").at(-1)?.validUntil).toBe(latest.validUntil);
    expect(after.index.asOf("russia", "2026-02-01")).toBeNull();
  });
});
