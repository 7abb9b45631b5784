import { projectWorld } from "@stancemap/charts/world";
import { describe, expect, it } from "vitest";
import { altTextOf } from "./alt-text";
import { type ExportData, exportModel } from "./views";

const topic = {
  slug: "posture",
  title: "Posture toward the Taliban government",
  question: "How does the actor deal with the Taliban government?",
  description: null,
  categories: [
    { key: "formal-recognition", label: "Formal recognition", order: 1, colour: "#0072B2", description: null },
    { key: "active-opposition", label: "Active opposition", order: 2, colour: "#D55E00", description: null },
  ],
  qualifiers: [],
} as unknown as ExportData["topic"];
const actor = (slug: string, name: string, kind: string, isoNumeric: string | null) => ({
  slug,
  name,
  kind,
  iso3: null,
  isoNumeric,
  region: null,
  affiliation: null,
  role: null,
  names: [],
});
const stance = (who: string, category: string, validFrom: string | null, attested: string) => ({
  id: `${who}-${attested}`,
  actor: who,
  topic: topic.slug,
  category,
  validFrom,
  attested,
  validUntil: null,
  qualifiers: [],
  confidence: "high",
  quote: null,
  speaker: null,
  publisher: "ICWA",
  sources: ["icwa"],
});
const data: ExportData = {
  revision: 1,
  topic,
  actors: [
    actor("russia", "Russia", "state", "643"),
    actor("pakistan", "Pakistan", "state", "586"),
    actor("koofi", "Fawzia Koofi", "person", null),
  ],
  stances: [
    stance("russia", "active-opposition", "2021-08-15", "2021-08-15"),
    stance("russia", "formal-recognition", "2025-07-03", "2025-07-03"),
    stance("pakistan", "active-opposition", null, "2025-07-03"),
  ],
  gaps: [],
  events: [{ slug: "recognition", date: "2025-07-03", title: "Russia recognises the Islamic Emirate", series: null, sources: ["icwa"] }],
  reactions: [],
  sources: [{ id: "icwa", publisher: "ICWA", title: "Russia's recognition", publishedOn: null, url: null }],
};
const world = { ...projectWorld(960), markers: [] };

describe("a view's alt text, from the rows its model draws", () => {
  it("the map names each category's actors and counts no data and stances with no stated start", () => {
    const s = { topic: topic.slug, date: "2025-07-03" };
    expect(altTextOf(exportModel("map", data, s, world), data, s)).toBe(
      "As of 3 July 2025, posture toward the Taliban government: formal recognition, 1 actor: Russia; active opposition, 1 actor: Pakistan; " +
        "no data for 1 actor. 1 stance with no stated start, counted from the first report.",
    );
  });

  it("the map's alt text comes with its picture, and says what its full data rows say", () => {
    const s = { topic: topic.slug, date: "2025-07-03" };
    const model = exportModel("map", data, s, world);
    expect(model.mapAlt?.groups.map((g) => [g.actors, g.total])).toEqual([
      [["Russia"], 1],
      [["Pakistan"], 1],
    ]);
    expect(altTextOf(model, data, s)).toBe(altTextOf({ view: "map", rows: model.rows }, data, s));
  });

  it("a map of thousands carries the names its alt text lists and the counts, not every name", () => {
    const s = { topic: topic.slug, date: "2025-07-03" };
    const many = {
      ...data,
      actors: [
        ...data.actors,
        ...Array.from({ length: 3000 }, (_, i) => actor(`org-${i}`, `Org ${String(i).padStart(4, "0")}`, "organisation", null)),
      ],
      stances: [
        ...data.stances,
        ...Array.from({ length: 3000 }, (_, i) => stance(`org-${i}`, "formal-recognition", "2025-07-01", "2025-07-01")),
      ],
    };
    const model = exportModel("map", many, s, world);
    const text = altTextOf(model, many, s);
    expect(text).toBe(altTextOf({ view: "map", rows: model.rows }, many, s));
    // Formal recognition: Org 0000 … Org 0005 of 3,001 (Russia last by name).
    expect(text).toContain("formal recognition, 3001 actors: Org 0000, Org 0001, Org 0002, Org 0003, Org 0004, Org 0005 and 2995 others");
    expect(model.mapAlt?.groups.flatMap((g) => g.actors).length).toBeLessThanOrEqual(6 * 2);
  });

  it("the timeline and the stance history read their own rows", () => {
    const s = { topic: topic.slug, date: "2025-07-10", actor: "russia" };
    expect(altTextOf(exportModel("timeline", data, s), data, s)).toBe(
      "From 15 August 2021 to 10 July 2025, 1 event and 2 stance changes of Russia on posture toward the Taliban government. " +
        "The latest event: 3 July 2025, Russia recognises the Islamic Emirate. The latest stance change: 3 July 2025, Russia: formal recognition.",
    );
    // A fact before the timeline's start: the text starts at its year, as the export's axis does.
    const earlier = {
      ...data,
      events: [{ slug: "terror-list", date: "2003", title: "Russia lists the Taliban", series: null, sources: ["icwa"] }, ...data.events],
    };
    expect(altTextOf(exportModel("timeline", earlier, s), earlier, s)).toMatch(/^From 2003 to 10 July 2025, 2 events and 2 stance changes/);
    expect(altTextOf(exportModel("actor", data, s), data, s)).toBe(
      "Russia, posture toward the Taliban government, to 10 July 2025: active opposition from 15 August 2021; then formal recognition from 3 July 2025.",
    );
  });
});
