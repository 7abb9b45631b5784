// A map's picture formats are drawn from its picture (mapPicture): plain data as large as the picture,
// made once per revision, date and filter and kept. It must draw exactly what the whole model draws.
import { describe, expect, it } from "vitest";
import { projectWorld } from "../world";
import { type ExportData, type ExportState, exportModel, exportPicture, exportPictureModel, type RenderOptions } from ".";

const world = { ...projectWorld(960), markers: [] };
const topic = {
  slug: "posture-toward-taliban-government",
  title: "Posture toward the Taliban government",
  question: "How does the actor deal with the Taliban government?",
  description: null,
  categories: [
    { key: "formal-recognition", label: "Formal recognition", order: 1, colour: "#0072B2", description: null },
    { key: "engagement", label: "Engagement", order: 2, colour: "#56B4E9", description: null },
    { key: "active-opposition", label: "Active opposition", order: 3, colour: "#D55E00", description: null },
  ],
  qualifiers: [{ key: "lists-taliban-as-terrorist", label: "Lists the Taliban as a terrorist organisation" }],
} as unknown as ExportData["topic"];
const KINDS = ["organisation", "group", "person"];
const REGIONS = ["Europe", "South Asia", "Africa"];
const CATEGORIES = topic.categories.map((c) => c.key);

/** Every country of the world and `others` actors without territory, with stances of every kind: plain,
 * year-precise (uncertain at the date), attested only, qualified, ended; and actors with none. */
function dataset(others: number): ExportData {
  const states = world.features.map((f, i) => ({
    id: f.id,
    slug: `state-${f.id}`,
    name: `State ${f.id}`,
    region: REGIONS[i % 3] as string,
  }));
  const actors = [
    ...states.map((s) => ({ ...base(s.slug, s.name, "state", s.region), isoNumeric: s.id })),
    ...Array.from({ length: others }, (_, i) =>
      base(`actor-${i}`, `Actor ${String(i).padStart(6, "0")}`, KINDS[i % 3] as string, REGIONS[i % 3] as string),
    ),
  ];
  const stances = actors.flatMap((a, i) => {
    if (i % 6 === 5) return [];
    const validFrom = i % 4 === 1 ? "2025" : i % 4 === 2 ? null : "2024-03-01";
    return [
      {
        id: `s-${a.slug}`,
        actor: a.slug,
        topic: topic.slug,
        category: CATEGORIES[i % 3] as string,
        validFrom,
        attested: "2025-02-01",
        validUntil: i % 9 === 8 ? "2025-01-01" : null,
        qualifiers: i % 7 === 0 ? ["lists-taliban-as-terrorist"] : [],
        confidence: "high",
        sources: [i % 2 ? "icwa" : "reuters"],
      },
    ];
  });
  return {
    revision: 3,
    topic,
    actors,
    stances,
    gaps: [{ actor: "actor-5", note: "The sources do not say." }],
    events: [],
    reactions: null,
    sources: [
      { id: "icwa", title: "ICWA paper", publisher: "ICWA", url: "https://example.org/icwa", citedIn: null },
      { id: "reuters", title: "Reuters report", publisher: "Reuters", url: "https://example.org/r", citedIn: "icwa" },
    ],
  } as unknown as ExportData;
}

function base(slug: string, name: string, kind: string, region: string) {
  return { slug, name, kind, iso3: null, isoNumeric: null as string | null, region, affiliation: null, role: null, names: [] };
}

const options = (o: Partial<RenderOptions> = {}): RenderOptions => ({
  theme: "light",
  width: 1200,
  height: 675,
  origin: "https://example.org",
  ...o,
});

describe("a map's picture", () => {
  const states: ExportState[] = [
    { topic: topic.slug, date: "2025-07-03" },
    { topic: topic.slug, date: "2025-07-03", region: "South Asia", cat: ["engagement"] },
    { topic: topic.slug, date: "2025-07-03", kind: ["state", "person"] },
    // Before any stance: every actor has no data.
    { topic: topic.slug, date: "2020-01-01" },
  ];
  for (const others of [40, 3000]) {
    it(`draws what the whole model draws, through a structured clone, with ${others} actors without territory`, () => {
      const data = dataset(others);
      for (const s of states) {
        const whole = exportModel("map", data, s, world);
        const picture = exportPictureModel(structuredClone(exportPicture(data, s)), s, world);
        for (const o of [
          options(),
          options({ theme: "print", width: 794, height: 1123, title: "Own title" }),
          options({ theme: "dark", width: 336, height: 454 }),
        ])
          expect(picture.render(o)).toBe(whole.render(o));
        expect(picture.mapAlt).toEqual(whole.mapAlt);
        expect([picture.name, picture.path, picture.defaults, picture.publishers, picture.sources]).toEqual([
          whole.name,
          whole.path,
          whole.defaults,
          whole.publishers,
          whole.sources,
        ]);
        expect(() => picture.rows).toThrow(/no data rows/);
      }
    });
  }

  it("is as large as the picture, not the dataset: 20,000 actors without territory take no more than 2,000", () => {
    const s = { topic: topic.slug, date: "2025-07-03" };
    const size = (others: number, date = s.date) => JSON.stringify(exportPicture(dataset(others), { ...s, date })).length;
    expect(size(20000)).toBeLessThanOrEqual(size(2000) * 1.01);
    // With no stance yet, the thousands with no data are counted too.
    expect(size(20000, "2020-01-01")).toBeLessThanOrEqual(size(2000, "2020-01-01") * 1.01);
    const picture = exportPicture(dataset(20000), s);
    // Counted, not named: one badge per category, cue and qualifiers of each kind.
    expect(picture.badges.flatMap((g) => g.badges).every((b) => b.name === "" && (b.n ?? 0) >= 1)).toBe(true);
    expect(picture.badges.reduce((n, g) => n + g.badges.reduce((m, b) => m + (b.n ?? 1), 0), 0)).toBe(20000);
  });
});
