import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { countsFrom, ownStances, reactionCountsFrom, stancesAt } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActorPage } from "./actor-page";
import { createDb, type Db } from "./client";
import { countReactionEdges, selectCompactActors, selectCompactEvents, selectReactionEdges, selectStanceTimeline } from "./dashboard";
import { loadDataset } from "./dataset";
import { migrate } from "./migrate";
import { datasetRevision, getActor, listActors, listReactions, listStances, sourcesByIds, stancesAsOf } from "./queries";
import { selectGapsBySlug } from "./read-model";
import { seedDataset } from "./seed";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "./testing/databases";

const run = promisify(execFile);
const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[db tests] PostgreSQL run skipped: ${pg.reason}`);

const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];
const dataset = loadDataset();
const POSTURE = "posture-toward-taliban-government";

describe.each(engines)("storage on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    db = createDb(database.url);
  }, 60_000);
  afterAll(async () => {
    if (!enabled) return;
    await db.close();
    await database.drop();
  });

  it.skipIf(!enabled)("migrates an empty database, and a second run applies nothing", async () => {
    const first = await migrate(database.url);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate(database.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
  });

  it.skipIf(!enabled)(
    "loads the dataset, and loading it again changes nothing",
    async () => {
      const first = await seedDataset(db, dataset);
      expect(first.changed.actors).toBe(dataset.actors.length);
      expect(first.changed.stances).toBe(dataset.stances.length);
      const stamps = await db.prisma.stance.findMany({ select: { id: true, updatedAt: true, version: true }, orderBy: { id: "asc" } });
      const second = await seedDataset(db, dataset);
      expect(Object.values(second.changed).every((n) => n === 0)).toBe(true);
      expect(second.revision).toBe(first.revision);
      expect(await db.prisma.stance.findMany({ select: { id: true, updatedAt: true, version: true }, orderBy: { id: "asc" } })).toEqual(
        stamps,
      );
    },
    60_000,
  );

  it.skipIf(!enabled)("shows Russia recognising the Islamic Emirate from 3 July 2025, not the day before", async () => {
    const before = await stancesAsOf(db, { topic: POSTURE, at: "2025-07-02", actor: "russia", limit: 10 });
    const on = await stancesAsOf(db, { topic: POSTURE, at: "2025-07-03", actor: "russia", limit: 10 });
    expect(before?.data.map((s) => s.category)).toEqual(["diplomatic-engagement"]);
    expect(on?.data.map((s) => [s.category, s.ageDays])).toEqual([["formal-recognition", 0]]);
  });

  it.skipIf(!enabled)("answers for a state by its ISO alpha-3 code, with its record", async () => {
    const russia = await getActor(db, "RUS");
    expect(russia?.slug).toBe("russia");
    expect(new Set(russia?.stances.map((s) => s.validFrom)).size).toBeGreaterThanOrEqual(3);
    // Its stances in the order they count from, per topic.
    const posture = russia?.stances.filter((s) => s.topic === POSTURE) ?? [];
    expect(posture.map((s) => countsFrom(s))).toEqual(posture.map((s) => countsFrom(s)).sort());
    expect(await getActor(db, "ZZZ")).toBeNull();
  });

  it.skipIf(!enabled)("gives China's 2023 stance as dated to the year, uncertain within it, and not before it", async () => {
    const china = async (at: string) => (await stancesAsOf(db, { topic: POSTURE, at, actor: "china", limit: 10 })) ?? undefined;
    const all = await listStances(db, { topic: POSTURE, actor: "china", limit: 100 });
    expect(all.data.find((s) => s.validFrom === "2023")).toBeDefined();
    const mid = await china("2023-06-01");
    expect(mid?.data[0]).toMatchObject({ validFrom: "2023", since: "2023", basis: "began", uncertain: true });
    const after = await china("2024-01-01");
    expect(after?.data[0]).toMatchObject({ validFrom: "2023", uncertain: false, ageDays: 365 });
    const before = await china("2022-12-31");
    expect(before?.data).toEqual([]);
    expect(before?.gaps).toEqual([
      expect.objectContaining({ actor: "china", kind: expect.any(String), reason: expect.stringMatching(/\S/) }),
    ]);
  });

  it.skipIf(!enabled)("counts a stance whose start is not stated from its attestation, and says so", async () => {
    const pakistan = async (at: string) => (await stancesAsOf(db, { topic: POSTURE, at, actor: "pakistan", limit: 10 })) ?? undefined;
    const on = await pakistan("2025-07-03");
    expect(on?.data[0]).toMatchObject({ attested: "2025-07-03", basis: "attested", since: "2025-07-03", ageDays: 0 });
    expect(on?.data[0]).not.toHaveProperty("validFrom");
    const before = await pakistan("2025-07-02");
    expect(before?.data).toEqual([]);
    expect(before?.gaps[0]?.reason).toMatch(/3 July 2025/);
  });

  it.skipIf(!enabled)("gives every actor a stance or a gap with a reason, on every date, a page at a time", async () => {
    const actors = dataset.actors.map((a) => a.slug).sort();
    const today = new Date().toISOString().slice(0, 10);
    for (const topic of dataset.topics.map((t) => t.slug))
      for (const at of ["2021-01-01", "2023-06-01", "2025-07-02", "2025-07-03", today]) {
        const held: string[] = [];
        const gaps: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await stancesAsOf(db, { topic, at, limit: 7, cursor });
          held.push(...(page?.data.map((s) => s.actor) ?? []));
          for (const g of page?.gaps ?? []) {
            expect(g.reason.trim(), `${topic} ${at} ${g.actor}`).not.toBe("");
            gaps.push(g.actor);
          }
          cursor = page?.page.nextCursor ?? undefined;
        } while (cursor);
        expect([...held, ...gaps].sort(), `${topic} ${at}`).toEqual(actors);
        // What holds is what core's stancesAt says of all the topic's stances.
        expect(held.sort(), `${topic} ${at}`).toEqual([...stancesAt(dataset.stances, topic, at).keys()].sort());
        // The actor list says the same of each actor.
        const listed = await listActors(db, { limit: 1000, topic, at });
        expect(listed.data.filter((a) => a.stance).map((a) => a.slug)).toEqual(held);
        expect(listed.data.filter((a) => a.gap?.reason.trim()).map((a) => a.slug)).toEqual(gaps.sort());
      }
  });

  it.skipIf(!enabled)("pages through actors and reactions without repeating or losing any", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listActors(db, { limit: 4, cursor });
      seen.push(...page.data.map((a) => a.slug));
      cursor = page.page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(dataset.actors.map((a) => a.slug).sort());
    const reactions: string[] = [];
    cursor = undefined;
    do {
      const page = await listReactions(db, { limit: 3, cursor });
      reactions.push(...page.data.map((r) => r.id));
      cursor = page.page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(reactions).size).toBe(dataset.reactions.length);
  });

  it.skipIf(!enabled)("finds the Taliban government by its aliases, best matches first, and pages a search without repeats", async () => {
    const iea = await getActor(db, "islamic-emirate-of-afghanistan");
    expect(iea?.aliases).toEqual(dataset.actors.find((a) => a.slug === "islamic-emirate-of-afghanistan")?.aliases);
    for (const q of ["taliban", "TALIBAN", "IEA", "islamic emirate", "Islamic-Emirate", "امارت"]) {
      const found = await listActors(db, { limit: 50, q });
      expect(found.data[0]?.slug, q).toBe("islamic-emirate-of-afghanistan");
    }
    // Exact alias first; the foreign ministry (whose name only contains the words) after it.
    const emirate = (await listActors(db, { limit: 50, q: "islamic emirate" })).data.map((a) => a.slug);
    expect(emirate.indexOf("islamic-emirate-foreign-ministry")).toBeGreaterThan(emirate.indexOf("islamic-emirate-of-afghanistan"));
    expect((await listActors(db, { limit: 50, q: "zzz" })).data).toEqual([]);
    expect((await listActors(db, { limit: 50, q: "taliban", kind: "person" })).data).toEqual([]);
    const all = (await listActors(db, { limit: 1000, q: "a" })).data.map((a) => a.slug);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listActors(db, { limit: 3, q: "a", cursor });
      paged.push(...page.data.map((a) => a.slug));
      cursor = page.page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it.skipIf(!enabled)("serves every stance, reaction and event with at least one source", async () => {
    const stanceEvidence = await db.prisma.stance.findMany({ select: { id: true, _count: { select: { evidence: true } } } });
    const reactionEvidence = await db.prisma.reaction.findMany({ select: { id: true, _count: { select: { evidence: true } } } });
    const eventEvidence = await db.prisma.event.findMany({ select: { id: true, _count: { select: { evidence: true } } } });
    for (const row of [...stanceEvidence, ...reactionEvidence, ...eventEvidence]) expect(row._count.evidence, row.id).toBeGreaterThan(0);
    expect(stanceEvidence.length + reactionEvidence.length + eventEvidence.length).toBeGreaterThan(40);
  });

  it.skipIf(!enabled)("gives the dashboard every actor, the topic's stance timeline, events and reaction edges", async () => {
    const actors = await selectCompactActors(db);
    expect(actors).toHaveLength(dataset.actors.length);
    expect(actors.find((a) => a.slug === "russia")).toMatchObject({
      kind: "state",
      isoNumeric: "643",
      names: [{ lang: "ru", dir: "ltr" }],
    });
    expect(actors.find((a) => a.slug === "mao-ning")?.affiliation).toBe("china");
    const timeline = await selectStanceTimeline(db, POSTURE);
    expect(timeline.filter((s) => s.actor === "russia").map((s) => s.id)).toEqual(
      ownStances(dataset.stances, "russia", POSTURE).map((s) => s.id),
    );
    expect(timeline.find((s) => s.actor === "pakistan")).toMatchObject({ validFrom: null, attested: "2025-07-03", qualifiers: [] });
    const recognition = timeline.find((s) => s.id === "russia-posture-2025-07-03");
    expect(recognition?.quote?.startsWith("We believe that the act of official recognition")).toBe(true);
    expect(recognition?.quote?.length).toBeLessThanOrEqual(160);
    expect((await selectCompactEvents(db)).length).toBe(dataset.events.length);
    const edges = await selectReactionEdges(db, 1000);
    expect(edges.find((e) => e.actor === "fawzia-koofi")).toMatchObject({
      target: { event: "russia-recognises-islamic-emirate" },
      sentiment: "critical",
    });
    expect(await selectReactionEdges(db, 2)).toHaveLength(2);
  });

  it.skipIf(!enabled)("a capped network keeps the newest reactions in scope, oldest first, and counts them all", async () => {
    const key = (r: { id: string; date?: string | null; attested: string }) => `${reactionCountsFrom(r)} ${r.id}`;
    const byAge = [...dataset.reactions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(await countReactionEdges(db)).toBe(dataset.reactions.length);
    const newest = await selectReactionEdges(db, 3);
    expect(newest.map((r) => r.id)).toEqual(byAge.slice(-3).map((r) => r.id));
    // Cut at a date: the newest up to it, and the count of all up to it.
    const to = reactionCountsFrom(byAge[Math.floor(byAge.length / 2)] as (typeof byAge)[number]);
    const upTo = byAge.filter((r) => reactionCountsFrom(r) <= to);
    expect(upTo.length).toBeLessThan(byAge.length);
    expect(await countReactionEdges(db, { to })).toBe(upTo.length);
    expect((await selectReactionEdges(db, 2, { to })).map((r) => r.id)).toEqual(upTo.slice(-2).map((r) => r.id));
    // Sentiment and the reacting actor's kind narrow both the rows and the count.
    const critical = byAge.filter((r) => r.sentiment === "critical");
    expect(await countReactionEdges(db, { sentiments: ["critical"] })).toBe(critical.length);
    expect((await selectReactionEdges(db, 1000, { sentiments: ["critical"] })).map((r) => r.id)).toEqual(critical.map((r) => r.id));
    const kindOf = new Map(dataset.actors.map((a) => [a.slug, a.kind]));
    const people = byAge.filter((r) => kindOf.get(r.actor) === "person");
    expect(people.length).toBeGreaterThan(0);
    expect(await countReactionEdges(db, { kinds: ["person"] })).toBe(people.length);
    const sent = await selectReactionEdges(db, 1000, { kinds: ["person"] });
    expect(sent.map((r) => r.id)).toEqual(people.map((r) => r.id));
    // Each reaction sent carries its own sources, in evidence order.
    const koofi = dataset.reactions.find((r) => r.actor === "fawzia-koofi");
    expect(sent.find((r) => r.id === koofi?.id)?.sources).toEqual(koofi?.evidence.map((e) => e.source));
  });

  it.skipIf(!enabled)("reads one actor's rows, stances, notes and cited sources alone, the same as the full reads cut to it", async () => {
    const all = await selectCompactActors(db);
    const timeline = await selectStanceTimeline(db, POSTURE);
    const gaps = await selectGapsBySlug(db, POSTURE);
    const withGap = gaps[0]?.actor;
    expect(withGap).toBeDefined();
    for (const actor of ["russia", "pakistan", "mao-ning", withGap ?? ""]) {
      expect(await selectCompactActors(db, [actor])).toEqual(all.filter((a) => a.slug === actor));
      const own = await selectStanceTimeline(db, POSTURE, actor);
      expect(own).toEqual(timeline.filter((s) => s.actor === actor));
      expect(await selectGapsBySlug(db, POSTURE, [actor])).toEqual(gaps.filter((g) => g.actor === actor));
      const cited = [...new Set(own.flatMap((s) => s.sources))].sort();
      expect(
        (
          await sourcesByIds(
            db,
            own.flatMap((s) => s.sources),
          )
        ).map((s) => s.id),
      ).toEqual(cited);
    }
    expect((await selectStanceTimeline(db, POSTURE, "russia")).length).toBeGreaterThan(1);
    expect(await selectCompactActors(db, ["no-such-actor"])).toEqual([]);
    expect(await selectCompactActors(db, [])).toEqual([]);
  });

  it.skipIf(!enabled)("builds an actor page with its members, events and the sources it cites", async () => {
    const page = await getActorPage(db, "RUS");
    expect(page?.actor.slug).toBe("russia");
    expect(page?.members.map((m) => m.slug)).toContain("vladimir-putin");
    expect(page?.events.some((e) => e.slug === "russia-recognises-islamic-emirate")).toBe(true);
    const cited = new Set(page?.actor.stances.flatMap((s) => s.evidence.map((e) => e.source)));
    for (const id of cited)
      expect(
        page?.sources.some((s) => s.id === id),
        id,
      ).toBe(true);
    // Each part against the shipped dataset itself, for every actor with members, events or reactions.
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = (xs: Iterable<string>) => [...xs].sort(byName);
    for (const actor of dataset.actors) {
      const members = dataset.actors.filter((a) => a.affiliation === actor.slug);
      const took = dataset.events.filter((e) => e.actors.includes(actor.slug)).map((e) => e.slug);
      const reactedTo = new Set(
        dataset.reactions
          .filter((r) => r.actor === actor.slug && "event" in r.target)
          .map((r) => ("event" in r.target ? r.target.event : "")),
      );
      if (members.length === 0 && took.length === 0 && reactedTo.size === 0) continue;
      const got = await getActorPage(db, actor.slug);
      if (!got) throw new Error(actor.slug);
      expect(
        got.members.map((m) => m.slug),
        actor.slug,
      ).toEqual(members.sort((a, b) => byName(a.name, b.name)).map((m) => m.slug));
      expect(sorted(got.events.map((e) => e.slug)), actor.slug).toEqual(sorted(took));
      const memberSlugs = new Set(members.map((m) => m.slug));
      const memberReactions = dataset.reactions.filter((r) => memberSlugs.has(r.actor)).map((r) => r.id);
      expect(sorted(got.memberReactions.map((r) => r.id)), actor.slug).toEqual(sorted(memberReactions));
      const shown = new Set([...memberReactions, ...dataset.reactions.filter((r) => r.actor === actor.slug).map((r) => r.id)]);
      const eventReactions = dataset.reactions.filter(
        (r) => "event" in r.target && took.includes(r.target.event) && r.actor !== actor.slug && !shown.has(r.id),
      );
      expect(sorted(got.eventReactions.map((r) => r.id)), actor.slug).toEqual(sorted(eventReactions.map((r) => r.id)));
      const co = dataset.reactions.filter((r) => "event" in r.target && reactedTo.has(r.target.event) && r.actor !== actor.slug);
      expect(sorted(got.coReactors.map((c) => c.actor)), actor.slug).toEqual(sorted(new Set(co.map((r) => r.actor))));
    }
    expect(await getActorPage(db, "no-such-actor")).toBeNull();
  });

  it.skipIf(!enabled)(
    "loses no write when four processes write at once",
    async () => {
      const before = await datasetRevision(db);
      const writers = 4;
      const each = 15;
      const script = join(import.meta.dirname, "testing", "concurrent-writer.ts");
      const tsx = join(import.meta.dirname, "..", "..", "..", "node_modules", ".bin", "tsx");
      const results = await Promise.allSettled(
        Array.from({ length: writers }, (_, w) => run(tsx, [script, database.url, String(w), String(each)], { timeout: 120_000 })),
      );
      for (const r of results) if (r.status === "rejected") throw new Error(String((r.reason as { stderr?: string }).stderr ?? r.reason));
      expect(await db.prisma.source.count({ where: { publisher: "test" } })).toBe(writers * each);
      expect(await datasetRevision(db)).toBe(before + writers * each);
    },
    180_000,
  );
});
