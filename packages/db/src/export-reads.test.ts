// The exports' scoped reads against the dashboard's whole-topic reads, on real databases (SQLite, and
// PostgreSQL when one answers): the map at a date built from the stances that can hold gives what the
// whole history gives, on the shipped dataset and on a synthetic one whose actors have long histories.
import { countsFrom, topicMapAt } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { type CompactActor, type CompactStance, selectCompactActors, selectStanceTimeline } from "./dashboard";
import { loadDataset } from "./dataset";
import {
  type PictureStance,
  selectCitedSourceIds,
  selectPictureActors,
  selectStancesAt,
  selectTopic,
  sourcesCitedBy,
} from "./export-reads";
import { migrate } from "./migrate";
import { listSources, listTopics } from "./queries";
import { selectGapsBySlug } from "./read-model";
import { seedDataset } from "./seed";
import { writeSynthetic } from "./synth";
import type { TestDatabase } from "./testing/databases";
import { engines } from "./testing/seeded";

const dataset = loadDataset();

/** Every day a stance of the topic counts from, the day before each, and a day past them all. */
function datesOf(stances: readonly CompactStance[]): string[] {
  const days = new Set<string>(["1990-01-01", "2030-01-01"]);
  for (const s of stances) {
    const day = countsFrom(s);
    days.add(day);
    days.add(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
  }
  return [...days].sort();
}

async function mapsAgree(db: Db, topicSlug: string, actors: CompactActor[], every = 1) {
  const topic = await selectTopic(db, topicSlug);
  if (!topic) throw new Error(`no topic ${topicSlug}`);
  const [history, gaps] = await Promise.all([selectStanceTimeline(db, topicSlug), selectGapsBySlug(db, topicSlug)]);
  const map = (stances: readonly PictureStance[], date: string) =>
    topicMapAt({ topic: topicSlug, categories: topic.categories, actors, stances, gaps, qualifiers: topic.qualifiers, date });
  // The whole history's rows without what a map's read leaves out (the first quote, its speaker, its publisher).
  const bare = history.map(({ quote: _q, speaker: _s, publisher: _p, ...row }) => row);
  const dates = datesOf(history).filter((_, i) => i % every === 0);
  for (const date of dates) {
    const scoped = await selectStancesAt(db, topicSlug, date);
    // The rows read are rows of the whole history, as it gives them.
    const byId = new Map(bare.map((s) => [s.id, s]));
    for (const s of scoped) expect(s).toEqual(byId.get(s.id));
    expect(map(scoped, date), `${topicSlug} at ${date}`).toEqual(map(bare, date));
  }
  return dates.length;
}

describe.each(await engines("export reads"))("scoped export reads ($name)", (engine) => {
  let shipped: TestDatabase;
  let synthetic: TestDatabase;
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    if (!engine.enabled) return;
    [shipped, synthetic] = await Promise.all([engine.fresh(), engine.fresh()]);
    await Promise.all([migrate(shipped.url), migrate(synthetic.url)]);
    a = createDb(shipped.url);
    b = createDb(synthetic.url);
    await seedDataset(a, dataset);
    // 60 actors with histories of up to six stances each, 1,200 sources (more than the old cap of 1,000).
    await writeSynthetic(b, dataset.topics, { seed: 7, states: 40, actors: 60, stances: 1500, reactions: 200, events: 20, sources: 1200 });
  }, 120_000);
  afterAll(async () => {
    if (!engine.enabled) return;
    await Promise.all([a.close(), b.close()]);
    await Promise.all([shipped.drop(), synthetic.drop()]);
  });

  it.runIf(engine.enabled)("the map from the stances that can hold equals the map from every stance, at every date (shipped)", async () => {
    const actors = await selectCompactActors(a);
    let dates = 0;
    for (const t of dataset.topics) dates += await mapsAgree(a, t.slug, actors);
    expect(dates).toBeGreaterThan(20);
  });

  it.runIf(engine.enabled)("the map from the stances that can hold equals the map from every stance (synthetic histories)", async () => {
    const actors = await selectCompactActors(b);
    let dates = 0;
    for (const t of dataset.topics) dates += await mapsAgree(b, t.slug, actors, 7);
    expect(dates).toBeGreaterThan(100);
  });

  it.runIf(engine.enabled)("reads one day's stances per actor however long the histories, and only the actors asked", async () => {
    const topic = dataset.topics[0]?.slug ?? "";
    const history = await selectStanceTimeline(b, topic);
    const scoped = await selectStancesAt(b, topic, "2024-01-01");
    const actorsOnTopic = new Set(history.map((s) => s.actor)).size;
    expect(history.length).toBeGreaterThan(3 * actorsOnTopic);
    // Each actor's rows are those of one day (two stances may count from the same day).
    expect(new Set(scoped.map((s) => s.actor)).size).toBe(actorsOnTopic);
    expect(new Set(scoped.map((s) => `${s.actor} ${countsFrom(s)}`)).size).toBe(actorsOnTopic);
    expect(scoped.length).toBeLessThan(history.length / 3);
    const two = await selectStancesAt(b, topic, "2024-01-01", ["synth-state-1", "synth-actor-45"]);
    expect(new Set(two.map((s) => s.actor))).toEqual(new Set(["synth-state-1", "synth-actor-45"]));
    expect(await selectStancesAt(b, "no-such-topic", "2024-01-01")).toEqual([]);
  });

  it.runIf(engine.enabled)("picture actors: every state, the badges the filters leave, a topic's actors, named ones", async () => {
    const all = await selectCompactActors(b);
    const states = await selectPictureActors(b, { states: true });
    expect(states.map((x) => x.slug)).toEqual(all.filter((x) => x.isoNumeric).map((x) => x.slug));
    const people = await selectPictureActors(b, { states: true, others: { kinds: ["person"] } });
    expect(people.map((x) => x.slug)).toEqual(all.filter((x) => x.isoNumeric || x.kind === "person").map((x) => x.slug));
    const everyone = await selectPictureActors(b, { states: true, others: {} });
    expect(everyone.map(({ names: _n, aliases: _a, ...x }) => x)).toEqual(all.map(({ names: _n, aliases: _a, ...x }) => x));
    const named = await selectPictureActors(a, { slugs: ["russia"] });
    expect(named.map((x) => x.name)).toEqual(["Russia"]);
    expect(await selectPictureActors(a, {})).toEqual([]);
  });

  it.runIf(engine.enabled)("cited sources come with the sources they were found through, past 1,000 sources", async () => {
    const ids = (await listSources(b, { limit: 5000 })).data.map((s) => s.id);
    expect(ids.length).toBe(1200);
    const late = ids[1100] ?? "";
    expect((await listSources(b, { limit: 1000 })).data.some((s) => s.id === late)).toBe(false);
    const topics = (await listTopics(b)).data.map((t) => t.slug);
    const cited = new Set((await Promise.all(topics.map((t) => selectCitedSourceIds(b, t)))).flat());
    expect(cited.has(late)).toBe(true);
    expect((await sourcesCitedBy(b, [late])).map((s) => s.id)).toEqual([late]);
    // Shipped: a source found through a paper's endnotes brings the paper.
    const endnote = (await listSources(a, { limit: 1000 })).data.find((s) => s.citedIn);
    if (!endnote?.citedIn) throw new Error("the shipped dataset has a source cited in another");
    expect((await sourcesCitedBy(a, [endnote.id])).map((s) => s.id).sort()).toEqual([endnote.id, endnote.citedIn.source].sort());
  });
});
