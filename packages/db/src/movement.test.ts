// Change between two dates and who followed whom, read from a real database loaded with the dataset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { loadDataset } from "./dataset";
import { migrate } from "./migrate";
import { topicChanges, topicSequence, UnknownReference } from "./movement";
import { seedDataset } from "./seed";
import { freshSqlite, type TestDatabase } from "./testing/databases";

const POSTURE = "posture-toward-taliban-government";
const label = (m: string) => `label:${m}`;

describe("change between two dates and sequence, from the database", () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await freshSqlite();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, loadDataset());
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("lists Russia's move to formal recognition with its evidence, and no attested-only posture as a change", async () => {
    const r = await topicChanges(db, { topic: POSTURE, from: "2025-04-01", to: "2025-07-03" }, label);
    if (!r) throw new Error("no topic");
    const russia = r.changes.find((c) => c.actor === "russia");
    expect(russia?.movement).toBe("toward-first");
    expect(russia?.name).toBe("Russia");
    expect(russia?.label).toBe("label:toward-first");
    expect(russia?.before?.category).toBe("diplomatic-engagement");
    expect(russia?.after?.category).toBe("formal-recognition");
    expect(russia?.steps.at(-1)).toMatchObject({ date: "2025-07-03", kind: "changed", to: "formal-recognition", straddles: false });
    // The evidence is the records' own: the recognition stance's sources, with locators.
    const after = russia?.after?.stance;
    expect(russia?.evidence.filter((e) => e.stance === after).length).toBeGreaterThan(0);
    expect(russia?.evidence.every((e) => e.source.length > 0)).toBe(true);
    expect(r.changes.every((c) => c.movement !== "attested-only" && c.movement !== "unchanged")).toBe(true);
    for (const actor of ["pakistan", "united-arab-emirates", "qatar", "iran", "united-states"]) {
      expect(r.changes.some((c) => c.actor === actor)).toBe(false);
      expect(r.notChanges.find((c) => c.actor === actor)?.movement).toBe("attested-only");
    }
    expect(r.counts["attested-only"]).toBe(r.notChanges.filter((c) => c.movement === "attested-only").length);
    expect(r.counts["toward-first"]).toBe(1);
    expect(r.notChanges.every((c) => c.evidence.length === 0)).toBe(true);
    expect(r.revision).toBeGreaterThan(0);
  });

  it("says nothing certainly changed in a period with no dated move", async () => {
    const r = await topicChanges(db, { topic: POSTURE, from: "2024-01-01", to: "2024-06-01" }, label);
    // The Afghanistan Freedom Front's start is dated only to 2021-08-15/2025-07-05: it may have begun then.
    expect(r?.changes.map((c) => [c.actor, c.movement])).toEqual([["afghanistan-freedom-front", "uncertain"]]);
    expect(r?.notChanges.find((c) => c.actor === "china")?.movement).toBe("unchanged");
  });

  it("answers null for an unknown topic", async () => {
    expect(await topicChanges(db, { topic: "no-such-topic", from: "2025-01-01", to: "2025-02-01" }, label)).toBeNull();
    expect(await topicSequence(db, { topic: "no-such-topic" })).toBeNull();
  });

  it("takes Russia's recognition as the reference, with its steps since 1996 and the attested-only actors after it", async () => {
    const s = await topicSequence(db, { topic: POSTURE });
    expect(s?.reference).toMatchObject({ actor: "russia", date: "2025-07-03", category: "formal-recognition", chosen: "first-to-top" });
    const [first, ...rest] = s?.rows ?? [];
    expect(first?.actor).toBe("russia");
    expect(first?.moves[0]?.date).toBe("1996");
    expect(first?.moves.at(-1)).toMatchObject({ date: "2025-07-03", to: "formal-recognition", lag: { days: 0, min: 0, max: 0 } });
    const pakistan = rest.find((r) => r.actor === "pakistan");
    expect(pakistan?.first).toMatchObject({ kind: "attested", date: "2025-07-03" });
    expect(pakistan?.moves).toEqual([]);
    // After the reference, only the Freedom Front's start (dated to a range reaching past it) is a move;
    // every other actor is known only from attestations.
    expect(rest.filter((r) => r.first?.kind === "move").map((r) => r.actor)).toEqual(["afghanistan-freedom-front"]);
    expect(rest.filter((r) => r.first?.kind === "attested").length).toBeGreaterThanOrEqual(9);
    // Reactions to the recognition link rows to it, with their lag.
    expect(s?.links.some((l) => l.actor === "pakistan" && l.lag.max >= 2)).toBe(true);
  });

  it("takes a chosen reference, and refuses one that names no move", async () => {
    const s = await topicSequence(db, { topic: POSTURE, reference: "russia@2021-08-15" });
    expect(s?.reference).toMatchObject({ actor: "russia", date: "2021-08-15", chosen: "chosen" });
    await expect(topicSequence(db, { topic: POSTURE, reference: "pakistan@2025-07-03" })).rejects.toBeInstanceOf(UnknownReference);
  });
});
