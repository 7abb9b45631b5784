import { describe, expect, it } from "vitest";
import { SVG_MAX_EDGES } from "../network-scene";
import { projectWorld } from "../world";
import { actorData, type ExportData, exportModel, MAX_EXPORT_NODES, type ViewReaction } from ".";

const topic = {
  slug: "posture-toward-taliban-government",
  title: "Posture toward the Taliban government",
  question: "How does the actor deal with the Taliban government?",
  description: null,
  categories: [
    { key: "formal-recognition", label: "Formal recognition", order: 1, colour: "#0072B2", description: null },
    { key: "active-opposition", label: "Active opposition", order: 2, colour: "#D55E00", description: null },
  ],
  qualifiers: [{ key: "lists-taliban-as-terrorist", label: "Lists the Taliban as a terrorist organisation" }],
} as unknown as ExportData["topic"];
const actor = (slug: string, name: string, kind: string, region: string | null, isoNumeric: string | null) => ({
  slug,
  name,
  kind,
  iso3: null,
  isoNumeric,
  region,
  affiliation: null,
  role: null,
  names: [],
});
const PUBLISHERS: Record<string, string> = { icwa: "ICWA", aj: "Al Jazeera", reuters: "Reuters" };
const stance = (
  actorSlug: string,
  category: string,
  validFrom: string | null,
  source: string,
  more: { attested?: string; qualifiers?: string[] } = {},
) => ({
  id: `${actorSlug}-${validFrom ?? more.attested}`,
  actor: actorSlug,
  topic: topic.slug,
  category,
  validFrom,
  attested: more.attested ?? (validFrom as string),
  validUntil: null,
  qualifiers: more.qualifiers ?? [],
  confidence: "high",
  quote: null,
  speaker: null,
  publisher: PUBLISHERS[source] ?? null,
  sources: [source],
});
const data: ExportData = {
  revision: 4,
  topic,
  actors: [
    actor("russia", "Russia", "state", "Europe", "643"),
    actor("pakistan", "Pakistan", "state", "South Asia", "586"),
    actor("china", "China", "state", "East Asia", "156"),
    actor("fawzia-koofi", "Fawzia Koofi", "person", null, null),
  ],
  stances: [
    stance("russia", "active-opposition", "2021-08-15", "aj", { qualifiers: ["lists-taliban-as-terrorist"] }),
    stance("russia", "formal-recognition", "2025-07-03", "icwa"),
    stance("pakistan", "active-opposition", null, "reuters", { attested: "2025-07-03" }),
    stance("china", "active-opposition", "2023", "reuters"),
  ],
  gaps: [{ actor: "fawzia-koofi", note: "The sources give no stance." }],
  events: [
    { slug: "forum", date: "2022", title: "Taliban delegation attends Russia's economic forum", series: null, sources: ["icwa"] },
    { slug: "concert", date: "2024-03", title: "ISKP attack on a Moscow concert hall", series: null, sources: ["aj"] },
    { slug: "recognition", date: "2025-07-03", title: "Russia recognises the Islamic Emirate", series: null, sources: ["icwa"] },
  ],
  reactions: [],
  sources: [
    { id: "icwa", publisher: "ICWA", title: "Russia's recognition", publishedOn: null, url: null },
    { id: "aj", publisher: "Al Jazeera", title: "Kabul falls", publishedOn: null, url: null },
    { id: "reuters", publisher: "Reuters", title: "Pakistan", publishedOn: null, url: null },
  ],
};
const o = { theme: "light" as const, width: 1200, height: 675, origin: "https://stancemap.example" };
const world = { ...projectWorld(960), markers: [] };

describe("export models", () => {
  it("the map's rows and source line follow the region filter and the date", () => {
    const all = exportModel("map", data, { topic: topic.slug, date: "2025-07-03" }, world);
    expect(all.rows.map((r) => [r.actor, r.category])).toEqual([
      ["china", "active-opposition"],
      ["fawzia-koofi", "no-data"],
      ["pakistan", "active-opposition"],
      ["russia", "formal-recognition"],
    ]);
    expect(all.rows[1]?.reason).toBe("The sources give no stance.");
    expect(all.publishers).toEqual(["ICWA", "Reuters"]);
    const europe = exportModel("map", data, { topic: topic.slug, date: "2023-01-01", region: "Europe" }, world);
    expect(europe.rows.map((r) => [r.actor, r.category, r.since, r.since_label])).toEqual([
      ["russia", "active-opposition", "2021-08-15", "15 August 2021"],
    ]);
    expect(europe.rows[0]).toMatchObject({
      qualifiers: "lists-taliban-as-terrorist",
      qualifier_labels: "Lists the Taliban as a terrorist organisation",
    });
    expect(europe.publishers).toEqual(["Al Jazeera"]);
    expect(europe.sources.map((s) => s.id)).toEqual(["aj"]);
    const svg = europe.render(o);
    expect(svg).toContain("Showing only region Europe.");
    expect(svg).toContain('fill="#f2f2f2" data-id="586"');
    expect(svg).toContain("https://stancemap.example/?topic=posture-toward-taliban-government&amp;date=2023-01-01&amp;region=Europe");
  });

  it("the map's data says how each stance holds: uncertain, attested only, and why there is no data", () => {
    const june = exportModel("map", data, { topic: topic.slug, date: "2023-06-01" }, world);
    const row = (slug: string) => june.rows.find((r) => r.actor === slug);
    expect(row("china")).toMatchObject({
      category: "active-opposition",
      basis: "began",
      uncertain: "true",
      valid_from: "2023",
      valid_from_label: "2023",
      holding: "since 2023 (uncertain on 1 June 2023: dated only to 2023)",
    });
    // Pakistan is counted from its attestation: before it, no data with a reason.
    expect(row("pakistan")).toMatchObject({
      category: "no-data",
      reason: "No stance recorded before 3 July 2025.",
      reason_kind: "before-first",
    });
    expect(june.rows.every((r) => r.category !== "no-data" || (typeof r.reason === "string" && r.reason.length > 0))).toBe(true);
    const july = exportModel("map", data, { topic: topic.slug, date: "2025-07-03" }, world);
    expect(july.rows.find((r) => r.actor === "pakistan")).toMatchObject({
      basis: "attested",
      valid_from: null,
      attested: "2025-07-03",
      attested_label: "3 July 2025",
      holding: "held by 3 July 2025 (start not stated)",
    });
    expect(july.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(["basis", "uncertain", "qualifiers", "valid_from_label", "attested", "reason"]),
    );
    const svg = june.render(o);
    expect(svg).toMatch(/fill="url\(#cue-u-d55e00\)" data-id="156"/);
    expect(svg).toContain("Uncertain at this date");
  });

  it("a view pinned to a revision prints a link that reopens that revision", () => {
    const pinned = exportModel("map", data, { topic: topic.slug, date: "2025-07-03", revision: 3 }, world);
    expect(pinned.path).toContain("revision=3");
    expect(pinned.render(o)).toContain("revision=3");
    const actor = exportModel("actor", data, { topic: topic.slug, date: "2025-07-03", actor: "russia", revision: 3 });
    expect(actor.path).toBe(`/actors/russia?revision=3#topic-${topic.slug}`);
    expect(exportModel("map", data, { topic: topic.slug, date: "2025-07-03" }, world).path).not.toContain("revision");
  });

  it("the timeline names year- and month-precise events as 2022 and March 2024, and leaves attested-only stances out", () => {
    const timeline = exportModel("timeline", data, { topic: topic.slug, date: "2025-07-10" });
    const events = timeline.rows.filter((r) => r.type === "event").map((r) => [r.date, r.date_label]);
    expect(events).toEqual([
      ["2022", "2022"],
      ["2024-03", "March 2024"],
      ["2025-07-03", "3 July 2025"],
    ]);
    const changes = timeline.rows.filter((r) => r.type === "stance").map((r) => [r.date, r.actor, r.change]);
    expect(changes).toEqual([
      ["2021-08-15", "russia", "began"],
      ["2023", "china", "began"],
      ["2025-07-03", "russia", "changed"],
    ]);
    const svg = timeline.render(o);
    expect(svg).toContain("2022, Taliban delegation attends Russia");
    expect(svg).toContain("March 2024, ISKP attack on a Moscow concert hall");
    for (const wrong of ["1 Jan 2022", "1 January 2022", "1 Mar 2024", "1 March 2024"]) expect(svg).not.toContain(wrong);
    expect(svg).not.toContain("Pakistan");
  });

  it("an actor's export from the actor page's cut of the data is the API's, byte for byte", () => {
    const state = { topic: topic.slug, date: "2025-07-03", actor: "russia" };
    const full = exportModel("actor", data, state);
    const cut = exportModel("actor", actorData(data, "russia"), state);
    expect(cut.render(o)).toBe(full.render(o));
    expect(cut.rows).toEqual(full.rows);
    expect(cut.sources).toEqual(full.sources);
    expect(full.rows).toHaveLength(2);
  });

  it("a network too large to draw says so, naming what to change; its data still downloads", () => {
    const many: ViewReaction[] = Array.from({ length: SVG_MAX_EDGES + 1 }, (_, i) => ({
      id: `r${i}`,
      actor: i % 2 ? "russia" : "pakistan",
      target: { event: "recognition" },
      date: "2025-07-03",
      attested: "2025-07-03",
      sentiment: "critical",
      summary: "",
      sources: [],
    }));
    const big = exportModel("network", { ...data, reactions: many }, { topic: topic.slug, date: "2025-07-03" });
    expect(big.tooLarge?.parameter).toBe("date");
    expect(big.rows).toHaveLength(SVG_MAX_EDGES + 1);
    // Many actors with few reactions each: too many nodes to lay out and read.
    const crowd = Array.from({ length: MAX_EXPORT_NODES }, (_, i) => actor(`actor-${i}`, `Actor ${i}`, "person", null, null));
    const wide = exportModel(
      "network",
      { ...data, actors: [...data.actors, ...crowd], reactions: crowd.map((a, i) => ({ ...(many[i] as ViewReaction), actor: a.slug })) },
      { topic: topic.slug, date: "2025-07-03" },
    );
    expect(wide.tooLarge?.message).toContain(`among ${MAX_EXPORT_NODES + 1} actors and events`);
    const small = exportModel("network", { ...data, reactions: many.slice(0, 3) }, { topic: topic.slug, date: "2025-07-03" });
    expect(small.tooLarge).toBeNull();
    expect(small.render(o)).toContain("3 reactions");
  });
});
