// The dashboard page works out its first screen, its card's words and the dates with data from the topic's
// frame (every stance's dates, read once per revision) and the stances of the actors it draws; they must be
// what the whole data gives (firstScreenOf, the map export's alt text, the bounds of every stance), on the
// shipped dataset and on a synthetic one with long histories, for dates inside, before and after the data.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectWorld } from "@stancemap/charts/world";
import {
  createDb,
  type Db,
  listTopics,
  loadDataset,
  migrate,
  readRevision,
  seedDataset,
  selectCompactActors,
  selectGapsBySlug,
  selectStanceTimeline,
  selectTopicFrame,
  writeSynthetic,
} from "@stancemap/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DashboardData } from "@/lib/dashboard-data";
import { altTextOf } from "@/lib/export/alt-text";
import { exportModel } from "@/lib/export/views";
import { firstScreenOf, visibleActors } from "@/lib/first-screen";
import { boundsOf, compactGap } from "./dashboard";
import { cardVisible, firstScreenFrom, frameMapAt, mapCardText } from "./first-screen";
import { mapGeometry } from "./map-geometry";

vi.mock("server-only", () => ({}));

const STATE_CODES = projectWorld().features.flatMap((f) => (/^\d+$/.test(f.id) ? [f.id] : []));
let dir: string;
let shipped: Db;
let synthetic: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "stancemap-first-screen-"));
  const urls = [`file:${join(dir, "shipped.db")}`, `file:${join(dir, "synthetic.db")}`] as const;
  await Promise.all(urls.map((u) => migrate(u)));
  shipped = createDb(urls[0]);
  synthetic = createDb(urls[1]);
  const dataset = loadDataset();
  await seedDataset(shipped, dataset);
  // 400 actors (120 states on the map), so every kind has more badges than the first screen carries.
  await writeSynthetic(synthetic, dataset.topics, {
    seed: 7,
    states: 120,
    actors: 400,
    stances: 3000,
    reactions: 200,
    events: 20,
    sources: 50,
    stateCodes: STATE_CODES,
  });
}, 180_000);

afterAll(async () => {
  await Promise.all([shipped?.close(), synthetic?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** The dashboard's data with every stance of the topic, as the page read it before it had frames. */
async function wholeData(db: Db, topicSlug: string): Promise<DashboardData> {
  const topics = (await listTopics(db)).data;
  const topic = topics.find((t) => t.slug === topicSlug);
  if (!topic) throw new Error(`no topic ${topicSlug}`);
  const [actors, stances, gaps, revision] = await Promise.all([
    selectCompactActors(db),
    selectStanceTimeline(db, topicSlug),
    selectGapsBySlug(db, topicSlug),
    readRevision(db),
  ]);
  return {
    revision,
    topics,
    topic,
    actors: [...actors],
    stances: [...stances],
    gaps: gaps.map(compactGap),
    events: [],
    reactions: null,
    reactionsTruncated: false,
    reactionsTotal: null,
    sources: [],
  };
}

const DATES = ["2019-06-01", "2021-08-15", "2022-03-31", "2023-06-01", "2024-12-31", "2025-07-03", "2031-01-01"];
const TOPICS = ["posture-toward-taliban-government", "reaction-to-russian-recognition"];

describe.each([
  ["the shipped dataset", () => shipped, { region: "South Asia", kind: ["state", "organisation"], selected: "russia" }],
  ["a synthetic dataset", () => synthetic, { region: "Region 3", kind: ["person"], selected: "synth-actor-130" }],
])("the dashboard page on %s", (_, dbOf, filtered) => {
  it.each(TOPICS)("draws the first screen of %s as the whole data does, for every date and filter", async (topicSlug) => {
    const db = dbOf();
    const whole = await wholeData(db, topicSlug);
    const frame = await selectTopicFrame(db, topicSlug);
    const page = { ...whole, stances: [] };
    const cases = [
      { region: null, kind: [], selected: null },
      { region: filtered.region, kind: [], selected: null },
      { region: null, kind: filtered.kind, selected: filtered.selected },
      { region: filtered.region, kind: filtered.kind, selected: filtered.selected },
    ];
    for (const date of DATES)
      for (const c of cases) {
        const at = { date, ...c };
        const map = frameMapAt(page, frame, visibleActors(page.actors, at), date);
        expect(await firstScreenFrom(db, page, map, at)).toEqual(firstScreenOf(whole, at));
      }
  });

  it.each(TOPICS)("says the map of %s in the card's words as the map export does", async (topicSlug) => {
    const db = dbOf();
    const whole = await wholeData(db, topicSlug);
    const frame = await selectTopicFrame(db, topicSlug);
    const page = { ...whole, stances: [] };
    const geometry = mapGeometry(whole.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
    for (const date of DATES)
      for (const filter of [{}, { region: filtered.region }, { kind: filtered.kind, cat: ["no-such-category"] }]) {
        const s = { topic: topicSlug, date, ...filter };
        const map = frameMapAt(page, frame, cardVisible(page.actors, s), date);
        expect(await mapCardText(db, page, map, s)).toBe(altTextOf(exportModel("map", whole, s, geometry), whole, s));
      }
  });

  it.each(TOPICS)("bounds the dates of %s by the same earliest and latest stance", async (topicSlug) => {
    const db = dbOf();
    expect((await selectTopicFrame(db, topicSlug)).bounds).toEqual(boundsOf(await wholeData(db, topicSlug)));
  });
});
