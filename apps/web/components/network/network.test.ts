import { buildScene, kindLabel, SVG_MAX_EDGES } from "@stancemap/charts";
import { buildReactionGraph } from "@stancemap/core/model";
import { describe, expect, it } from "vitest";
import { over } from "./draw-canvas";
import { forceSettings, seedRadius } from "./layout-protocol";
import { type ReactionScopeState, truncationNote } from "./truncation-note";

const actors = [
  { slug: "fawzia-koofi", name: "Fawzia Koofi", kind: "person" },
  { slug: "amir-khan-muttaqi", name: "Amir Khan Muttaqi", kind: "person" },
  { slug: "pakistan", name: "Pakistan", kind: "state" },
];
const events = [
  { slug: "russia-recognises-islamic-emirate", title: "Russia recognises the Islamic Emirate of Afghanistan", date: "2025-07-03" },
];
const toEvent = { event: "russia-recognises-islamic-emirate" };
const reactions = [
  { id: "koofi", actor: "fawzia-koofi", target: toEvent, date: "2025-07-05", attested: "2025-07-05", sentiment: "critical" },
  { id: "muttaqi", actor: "amir-khan-muttaqi", target: toEvent, date: "2025-07-03", attested: "2025-07-03", sentiment: "supportive" },
  { id: "pakistan", actor: "pakistan", target: toEvent, date: "2025-07-05", attested: "2025-07-05", sentiment: "neutral" },
  {
    id: "pk-koofi",
    actor: "pakistan",
    target: { actor: "fawzia-koofi" },
    date: "2025-07-06",
    attested: "2025-07-06",
    sentiment: "concerned",
  },
];
const dates = new Map(events.map((e) => [e.slug, e.date]));

describe("the network's scene", () => {
  const scene = buildScene(buildReactionGraph({ actors, events, reactions }), dates);

  it("puts the events first, then the actors by name (the keyboard order)", () => {
    expect(scene.nodes.map((n) => n.slug)).toEqual(["russia-recognises-islamic-emirate", "amir-khan-muttaqi", "fawzia-koofi", "pakistan"]);
    expect(scene.nodes.map((n) => n.index)).toEqual([0, 1, 2, 3]);
  });

  it("gives shapes by kind, sizes by activity and the event its date", () => {
    const by = new Map(scene.nodes.map((n) => [n.slug, n]));
    expect(by.get("russia-recognises-islamic-emirate")).toMatchObject({ shape: "hexagon", date: "2025-07-03", inDegree: 3 });
    expect(by.get("pakistan")).toMatchObject({ shape: "square", outDegree: 2, inDegree: 0 });
    expect(by.get("fawzia-koofi")?.shape).toBe("circle");
    expect((by.get("russia-recognises-islamic-emirate")?.r ?? 0) > (by.get("pakistan")?.r ?? 0)).toBe(true);
    expect((by.get("pakistan")?.r ?? 0) > (by.get("amir-khan-muttaqi")?.r ?? 0)).toBe(true);
    // Long titles wrap into lines for the label; the full title stays in `label`.
    expect(by.get("russia-recognises-islamic-emirate")?.short).toBe("Russia recognises the\nIslamic Emirate of\nAfghanistan");
  });

  it("names each edge from the reacting actor to its target, with its sentiment", () => {
    const koofi = scene.edges.find((e) => e.id === "koofi");
    expect(koofi?.name).toBe("Fawzia Koofi → Russia recognises the Islamic Emirate of Afghanistan: critical");
    expect(koofi?.colour).toBe("#D55E00");
    expect(scene.nodes[koofi?.s ?? -1]?.slug).toBe("fawzia-koofi");
    expect(scene.nodes[koofi?.t ?? -1]?.slug).toBe("russia-recognises-islamic-emirate");
  });

  it("knows each node's neighbours and edges, both ways", () => {
    const koofi = scene.nodes.find((n) => n.slug === "fawzia-koofi")?.index ?? -1;
    const neighbours = (scene.neighbours[koofi] ?? []).map((i) => scene.nodes[i]?.slug).sort();
    expect(neighbours).toEqual(["pakistan", "russia-recognises-islamic-emirate"]);
    expect((scene.incident[koofi] ?? []).map((i) => scene.edges[i]?.id).sort()).toEqual(["koofi", "pk-koofi"]);
  });

  it("draws SVG up to the edge limit and WebGL above it", () => {
    expect(scene.renderer).toBe("svg");
    const many = Array.from({ length: SVG_MAX_EDGES + 1 }, (_, i) => ({ ...reactions[0], id: `r${i}` }) as (typeof reactions)[number]);
    expect(buildScene(buildReactionGraph({ actors, events, reactions: many }), dates).renderer).toBe("webgl");
    const atLimit = many.slice(0, SVG_MAX_EDGES);
    expect(buildScene(buildReactionGraph({ actors, events, reactions: atLimit }), dates).renderer).toBe("svg");
  });

  it("labels kinds in the singular", () => {
    expect(kindLabel("person")).toBe("Person");
    expect(kindLabel("government-in-fact")).toBe("Government in fact");
    expect(kindLabel("new-kind")).toBe("new kind");
  });
});

describe("layout and canvas helpers", () => {
  it("spreads small graphs more than large ones", () => {
    const small = forceSettings(35, 15);
    const large = forceSettings(2200, 10000);
    expect(small.charge).toBeLessThan(large.charge);
    expect(small.linkDistance).toBeGreaterThan(large.linkDistance);
    expect(seedRadius(400)).toBe(600);
  });

  it("mixes a colour over the background as an opaque colour", () => {
    expect(over("#D55E00", "#ffffff", 1)).toBe("rgb(213,94,0)");
    expect(over("#000000", "#ffffff", 0.5)).toBe("rgb(128,128,128)");
    expect(over("#000", "#fff", 0.25)).toBe("rgb(191,191,191)");
    expect(over("#D55E00", "rgb(0 0 0)", 0.5)).toBeNull();
  });
});

describe("what a capped network says it left out", () => {
  const kept: ReactionScopeState["reactions"] = [
    {
      id: "a",
      actor: "pakistan",
      target: { actor: "fawzia-koofi" },
      date: "2022-06-27",
      attested: "2022-06-27",
      sentiment: "neutral",
      summary: "",
      sources: [],
    },
    {
      id: "b",
      actor: "pakistan",
      target: { actor: "fawzia-koofi" },
      date: null,
      attested: "2023-03",
      sentiment: "neutral",
      summary: "",
      sources: [],
    },
  ];
  const state = (s: Partial<ReactionScopeState>): ReactionScopeState => ({
    reactions: kept,
    total: 2,
    truncated: false,
    scoped: false,
    pending: false,
    to: null,
    filtered: false,
    ...s,
  });

  it("says nothing when everything was sent", () => {
    expect(truncationNote(state({}))).toBeNull();
  });

  it("counts what is shown of the total, from the oldest day kept, and says how to narrow", () => {
    expect(truncationNote(state({ total: 100_000, truncated: true }))).toBe(
      "Showing the 2 newest of 100,000 reactions (from 27 June 2022 on); older ones are left out. " +
        "Narrow by date, sentiment or kind of reacting actor to see them.",
    );
  });

  it("names the date and filters of a narrower request, and a request still on its way", () => {
    const note = truncationNote(state({ total: 30_000, truncated: true, scoped: true, to: "2024-01-31", filtered: true }));
    expect(note).toContain("Showing the 2 newest of 30,000 reactions up to 31 January 2024 with these filters (from 27 June 2022 on)");
    expect(truncationNote(state({ total: 30_000, truncated: true, pending: true }))).toContain("Loading the newest for this date");
  });
});
