// Each export reads only what it draws (export-reads.ts), and draws what it drew from the dashboard's whole
// data: the same SVG, rows and sources for every view, on the shipped dataset and on a synthetic one with
// long histories, extra actors and more than 1,000 sources; and the rows it reads are bounded by the picture.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectWorld } from "@stancemap/charts/world";
import { ExportQuery } from "@stancemap/core";
import {
  createDb,
  type Db,
  listSources,
  listTopics,
  loadDataset,
  migrate,
  readRevision,
  seedDataset,
  selectCompactActors,
  selectCompactEvents,
  selectGapsBySlug,
  selectReactionEdges,
  selectStanceTimeline,
  writeSynthetic,
} from "@stancemap/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ExportData, type ExportView, exportModel } from "@/lib/export/views";
import { compactSource, dashboardSources, MAX_NETWORK_REACTIONS } from "./dashboard";
import { readExportData } from "./export-reads";
import { mapGeometry } from "./map-geometry";

vi.mock("server-only", () => ({}));

/** The data an export read before: the dashboard's whole data (every actor, the topic's whole history,
 * every event, every source), as `loadDashboard` reads it. */
async function wholeData(db: Db, view: ExportView, topicSlug: string | undefined): Promise<ExportData> {
  const topics = (await listTopics(db)).data;
  const topic = topics.find((t) => t.slug === topicSlug) ?? topics[0];
  if (!topic) throw new Error("no topics");
  const [actors, stances, gaps, events, reactions, sources, revision] = await Promise.all([
    selectCompactActors(db),
    selectStanceTimeline(db, topic.slug),
    selectGapsBySlug(db, topic.slug),
    selectCompactEvents(db),
    view === "network" || view === "sequence" ? selectReactionEdges(db, MAX_NETWORK_REACTIONS) : null,
    listSources(db, { limit: 100_000 }),
    readRevision(db),
  ]);
  return {
    revision,
    topic,
    actors,
    stances,
    gaps: gaps.map((g) => ({
      actor: g.actor,
      note: g.note,
      ...(g.validFrom ? { validFrom: g.validFrom } : {}),
      ...(g.validUntil ? { validUntil: g.validUntil } : {}),
    })),
    events,
    reactions,
    sources: sources.data.map(compactSource),
  };
}

const geometryOf = (data: ExportData) =>
  mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));

/** What a user gets from an export: the picture, the rows and the sources of the data download. */
function drawn(view: ExportView, data: ExportData, q: ExportQuery & { topic: string; date: string }) {
  const model = exportModel(view, data, q, view === "map" || view === "change" ? geometryOf(data) : undefined);
  return {
    svg: model.invalid || model.tooLarge ? null : model.render({ theme: "light", width: 1200, height: 675, origin: "https://example.org" }),
    rows: model.rows,
    sources: model.sources,
    publishers: model.publishers,
  };
}

/** A db whose SQL reader counts the rows it returns. */
function counting(db: Db): { db: Db; rows: () => number } {
  let rows = 0;
  const sql = {
    ...db.sql,
    all: async <T>(text: string, params?: readonly unknown[]) => {
      const out = await db.sql.all<T>(text, params);
      rows += out.length;
      return out;
    },
  };
  return { db: { ...db, sql }, rows: () => rows };
}

const dataset = loadDataset();
/** Countries on the map, so the synthetic states colour it. */
const STATE_CODES = projectWorld().features.flatMap((f) => (/^\d+$/.test(f.id) ? [f.id] : []));
let dir: string;
let shipped: Db;
let synthetic: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "stancemap-export-reads-"));
  const urls = [`file:${join(dir, "shipped.db")}`, `file:${join(dir, "synthetic.db")}`] as const;
  await Promise.all(urls.map((u) => migrate(u)));
  shipped = createDb(urls[0]);
  synthetic = createDb(urls[1]);
  await seedDataset(shipped, dataset);
  // 150 actors (100 states on the real map) with histories of up to six stances per topic, and 1,600
  // sources: more than the 1,000 the dashboard used to read.
  await writeSynthetic(synthetic, dataset.topics, {
    seed: 11,
    states: 100,
    actors: 150,
    stances: 1800,
    reactions: 300,
    events: 30,
    sources: 1600,
    stateCodes: STATE_CODES,
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([shipped?.close(), synthetic?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const POSTURE = "posture-toward-taliban-government";
const CASES: [ExportView, Record<string, string>][] = [
  ["map", { date: "2025-07-03" }],
  ["map", { date: "2021-08-15" }],
  ["map", { date: "2024-01-01", topic: "reaction-to-russian-recognition" }],
  ["map", { date: "2025-07-10", region: "South Asia" }],
  ["map", { date: "2025-07-10", kind: "state,organisation", cat: "formal-recognition" }],
  ["change", { date: "2025-07-03", from: "2025-04-01" }],
  ["change", { date: "2025-07-10", from: "2020-01-01" }],
  ["timeline", { date: "2025-07-10" }],
  ["timeline", { date: "2025-07-10", actor: "russia" }],
  ["sequence", { date: "2025-07-10" }],
  ["network", { date: "2025-07-10" }],
  ["actor", { date: "2025-07-10", actor: "russia" }],
];

describe("an export reads only what it draws, and draws what it drew", () => {
  it.each(CASES)("%s %j: the same SVG, rows and sources as from the whole data (shipped)", async (view, query) => {
    const q = ExportQuery.parse(query);
    const { data, q: state } = await readExportData(shipped, view, q);
    const whole = await wholeData(shipped, view, q.topic);
    expect(drawn(view, data, state)).toEqual(drawn(view, whole, state));
    expect(state.topic).toBe(q.topic ?? POSTURE);
  });

  it.each([
    ["map", { date: "2022-03-01" }],
    ["map", { date: "2025-01-01", topic: "reaction-to-russian-recognition" }],
    ["map", { date: "2023-06-15", region: "Region 3" }],
    ["map", { date: "2023-06-15", kind: "person,group" }],
    ["change", { date: "2024-06-01", from: "2023-01-01" }],
    ["timeline", { date: "2024-06-01" }],
    ["timeline", { date: "2024-06-01", actor: "synth-state-0" }],
    ["sequence", { date: "2025-06-01" }],
    ["actor", { date: "2025-06-01", actor: "synth-state-0" }],
  ] as [ExportView, Record<string, string>][])(
    "%s %j: the same SVG, rows and sources as from the whole data (synthetic)",
    async (view, query) => {
      const q = ExportQuery.parse(query);
      const { data, q: state } = await readExportData(synthetic, view, q);
      const whole = await wholeData(synthetic, view, q.topic);
      const scoped = drawn(view, data, state);
      expect(scoped).toEqual(drawn(view, whole, state));
      expect(scoped.rows.length).toBeGreaterThan(0);
    },
  );

  it("the map's rows read grow with the actors drawn, not with their histories or the other topic", async () => {
    const topic = POSTURE;
    const history = await selectStanceTimeline(synthetic, topic);
    const actors = (await selectCompactActors(synthetic)).length;
    const { db, rows } = counting(synthetic);
    const { data } = await readExportData(db, "map", ExportQuery.parse({ date: "2024-06-01", topic }));
    // The whole history is several times the actors; the read is the actors, one stance each and its
    // evidence, the notes, and a handful of single rows.
    expect(history.length).toBeGreaterThan(4 * actors);
    expect(data.stances.length).toBeLessThanOrEqual(actors);
    expect(rows()).toBeLessThanOrEqual(actors + 2 * data.stances.length + data.gaps.length + 5);
    // Only the sources the stances that can hold cite, not the dataset's 1,600.
    const cited = new Set(data.stances.flatMap((s) => s.sources));
    expect(data.sources.length).toBeLessThanOrEqual(cited.size);
  });

  it("a stance citing the 1,500th source is cited in the map export and the dashboard, past the old cap of 1,000", async () => {
    const ids = (await listSources(synthetic, { limit: 100_000 })).data.map((s) => s.id);
    const late = ids[1499] ?? "";
    expect((await listSources(synthetic, { limit: 1000 })).data.some((s) => s.id === late)).toBe(false);
    const [citing] = await synthetic.sql.all<{ actor: string; topic: string; day: string }>(
      `SELECT a."slug" AS "actor", t."slug" AS "topic", st."countsFrom" AS "day" FROM "Evidence" e JOIN "Stance" st ON st."id" = e."stanceId"
       JOIN "Actor" a ON a."id" = st."actorId" JOIN "Topic" t ON t."id" = st."topicId" WHERE e."sourceId" = $1 ORDER BY st."id" LIMIT 1`,
      [late],
    );
    if (!citing) throw new Error(`no stance cites ${late}`);
    // On the day the stance starts it is the actor's stance: its row and the data's sources name the source.
    const q = ExportQuery.parse({ date: citing.day, topic: citing.topic });
    const { data, q: state } = await readExportData(synthetic, "map", q);
    const { rows, sources } = drawn("map", data, state);
    expect(String(rows.find((r) => r.actor === citing.actor)?.sources).split("; ")).toContain(late);
    expect(sources.map((s) => s.id)).toContain(late);
    expect((await dashboardSources(synthetic)).map((s) => s.id)).toContain(late);
  });
});
