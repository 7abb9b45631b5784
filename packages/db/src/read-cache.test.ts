// The read cache keeps answers per revision, and a publish, made through this handle or another one
// (another instance), changes the next read at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { publishDraft, saveChange } from "./curation";
import { selectCompactActors, selectStanceTimeline } from "./dashboard";
import { cachedRead } from "./read-cache";
import { readRevision } from "./read-model";
import { engines, seededDatabase } from "./testing/seeded";

const POSTURE = "posture-toward-taliban-government";

describe.each(await engines("read cache tests"))("reads cached by revision on $name", (engine) => {
  const seeded = seededDatabase(engine);
  // A second handle on the same database: another instance, with its own pool and its own cache keys.
  let other: Db;
  beforeAll(() => {
    if (engine.enabled) other = createDb(seeded.db.url);
  });
  afterAll(async () => {
    if (engine.enabled) await other.close();
  });

  async function publishActor(slug: string) {
    const saved = await saveChange(seeded.db, seeded.editor, {
      type: "actor",
      op: "upsert",
      record: { slug, name: `Cache probe ${slug}`, kind: "group", description: "made by the read cache test" },
      expectedVersion: null,
    });
    await publishDraft(seeded.db, seeded.reviewer, saved.draftId);
  }

  it.runIf(engine.enabled)("serves a repeated read of one revision from the cache and a publish's result right after it", async () => {
    const first = await selectCompactActors(other);
    expect(await selectCompactActors(other)).toBe(first);
    const timeline = await selectStanceTimeline(other, POSTURE);
    expect(await selectStanceTimeline(other, POSTURE)).toBe(timeline);

    await publishActor("cache-probe-one");
    // The other handle sees it on its next read, with no invalidation message between them.
    const after = await selectCompactActors(other);
    expect(after.map((a) => a.slug)).toContain("cache-probe-one");
    expect(first.map((a) => a.slug)).not.toContain("cache-probe-one");
    expect((await selectCompactActors(seeded.db)).map((a) => a.slug)).toContain("cache-probe-one");
  });

  it.runIf(engine.enabled)("loads an API answer once per revision and again after a publish", async () => {
    let loads = 0;
    const answer = async (db: Db) =>
      cachedRead(
        db,
        await readRevision(db),
        "api\u0000/api/v1/actors?",
        async () => {
          loads++;
          return JSON.stringify((await selectCompactActors(db)).map((a) => a.slug));
        },
        (s) => s.length * 2,
      );
    const before = await answer(other);
    expect(await answer(other)).toBe(before);
    expect(loads).toBe(1);
    await publishActor("cache-probe-two");
    const after = await answer(other);
    expect(loads).toBe(2);
    expect(JSON.parse(after)).toContain("cache-probe-two");
    expect(JSON.parse(before)).not.toContain("cache-probe-two");
  });

  it.runIf(engine.enabled)("keeps a frozen list, so no caller can reorder what others are served", async () => {
    const actors = await selectCompactActors(other);
    expect(Object.isFrozen(actors)).toBe(true);
  });
});
