import { buildScene, kindLabel, SVG_MAX_EDGES } from "@stancemap/charts";
import { buildReactionGraph } from "@stancemap/core/model";
import { describe, expect, it } from "vitest";
import { baseSteps, type DrawInput, drawBase, drawOverlay, over, VEIL } from "./draw-canvas";
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

/** A 2D context that records the calls made on it (the canvas itself is checked in the browser: e2e). */
function recorder() {
  const calls: { name: string; args: unknown[]; alpha: number; fill: unknown }[] = [];
  const state: Record<string, unknown> = { globalAlpha: 1, fillStyle: "#000", canvas: { width: 800, height: 600 } };
  const ctx = new Proxy(state, {
    get(target, key: string) {
      if (key in target) return target[key];
      return (...args: unknown[]) => {
        calls.push({ name: key, args, alpha: target.globalAlpha as number, fill: target.fillStyle });
        return key === "measureText" ? { width: 6 * String(args[0]).length } : undefined;
      };
    },
    set(target, key: string, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls, count: (name: string) => calls.filter((c) => c.name === name).length };
}

describe("the canvas's two layers", () => {
  // A star: one hub reacting to 40 others, and 40 edges among those others.
  const star = Array.from({ length: 40 }, (_, i) => ({ slug: `a${i}`, name: `Actor ${i}`, kind: "person" }));
  const hubReactions = star.map((a, i) => ({
    id: `hub-${i}`,
    actor: "pakistan",
    target: { actor: a.slug },
    date: "2025-07-06",
    attested: "2025-07-06",
    sentiment: "neutral",
  }));
  const ring = star.map((a, i) => ({
    id: `ring-${i}`,
    actor: a.slug,
    target: { actor: `a${(i + 1) % 40}` },
    date: "2025-07-06",
    attested: "2025-07-06",
    sentiment: "critical",
  }));
  const scene = buildScene(
    buildReactionGraph({ actors: [...actors, ...star], events, reactions: [...reactions, ...hubReactions, ...ring] }),
    dates,
  );
  const positions = new Float32Array(scene.nodes.length * 2);
  scene.nodes.forEach((_, i) => {
    const a = (2 * Math.PI * i) / scene.nodes.length;
    // Far apart: every edge is longer than its two nodes and its arrow (else it is not drawn).
    positions[2 * i] = 2500 + 2200 * Math.cos(a);
    positions[2 * i + 1] = 2500 + 2200 * Math.sin(a);
  });
  const bySentiment = new Map<string, number[]>();
  for (const e of scene.edges) bySentiment.set(e.sentiment, [...(bySentiment.get(e.sentiment) ?? []), e.index]);
  const input = (k: number): DrawInput => ({
    scene,
    positions,
    bySentiment,
    transform: { k, x: 0, y: 0 },
    width: 5000,
    height: 5000,
    dpr: 1,
    colours: { fg: "#111111", bg: "#fafafa", card: "#ffffff", muted: "#555555", node: "#5b6472", event: "#6f4fb8", focus: "#000000" },
    highlight: null,
    highlightEdges: null,
    selected: null,
    pinned: () => false,
    moving: false,
    laying: false,
  });
  const hub = scene.nodes.find((n) => n.slug === "pakistan")?.index ?? -1;

  it("draws every edge and node in the base, and no labels", () => {
    const { ctx, count, calls } = recorder();
    const stats = drawBase(ctx, input(1));
    expect(stats.edges).toBe(scene.edges.length);
    expect(stats.nodes).toBe(scene.nodes.length);
    expect(count("fillText")).toBe(0);
    // One moveTo per edge, one per node's outline.
    expect(calls.filter((c) => c.name === "moveTo").length).toBeGreaterThanOrEqual(scene.edges.length + scene.nodes.length);
  });

  it("draws a hover over the base: a veil, then only the node's own edges and neighbours", () => {
    const { ctx, calls, count } = recorder();
    const highlight = new Set([hub, ...(scene.neighbours[hub] ?? [])]);
    const highlightEdges = new Set(scene.incident[hub] ?? []);
    const stats = drawOverlay(ctx, { ...input(1), highlight, highlightEdges });
    const veil = calls.find((c) => c.name === "fillRect");
    expect(veil?.alpha).toBe(VEIL);
    expect(veil?.fill).toBe("#ffffff");
    expect(veil?.args).toEqual([0, 0, 800, 600]);
    expect(stats.edges).toBe(highlightEdges.size);
    expect(stats.edges).toBeLessThan(scene.edges.length);
    expect(stats.nodes).toBe(highlight.size);
    // Labels name the highlighted nodes only.
    const named = calls.filter((c) => c.name === "fillText").map((c) => String(c.args[0]));
    expect(named.length).toBeGreaterThan(0);
    const shorts = new Set([...highlight].flatMap((i) => scene.nodes[i]?.short.split("\n") ?? []));
    for (const text of named) expect(shorts.has(text)).toBe(true);
    expect(count("stroke")).toBeGreaterThan(0);
  });

  it("without a hover, the overlay only labels (no veil, no edges)", () => {
    const { ctx, count } = recorder();
    const stats = drawOverlay(ctx, input(1));
    expect(count("fillRect")).toBe(0);
    expect(stats.edges).toBe(0);
    expect(stats.labels).toBeGreaterThan(0);
  });

  it("draws the base in steps that can be spread over frames, to the same picture", () => {
    const whole = recorder();
    const stats = drawBase(whole.ctx, input(1));
    const stepped = recorder();
    const steps = baseSteps(stepped.ctx, input(1));
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    // A pause after each path: each sentiment's edges, each batch of nodes.
    expect(pauses).toBeGreaterThanOrEqual(new Set(scene.edges.map((e) => e.sentiment)).size + 1);
    expect(r.value).toMatchObject({ edges: stats.edges, nodes: stats.nodes });
    expect(stepped.calls.map((c) => [c.name, c.args])).toEqual(whole.calls.map((c) => [c.name, c.args]));
  });

  it("draws nodes too small to show a shape as squares, and shapes once they are big enough", () => {
    const tiny = recorder();
    drawBase(tiny.ctx, input(0.1));
    // Under 2 px of radius on screen: r × 0.1 < 2.
    const small = scene.nodes.filter((n) => n.r * 0.1 < 2).length;
    expect(small).toBeGreaterThan(scene.nodes.length / 2);
    expect(tiny.count("rect")).toBe(small);
    const big = recorder();
    drawBase(big.ctx, input(2));
    expect(big.count("rect")).toBe(0);
    expect(big.count("arc")).toBeGreaterThan(0);
  });
});
