import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  edgeColour,
  type LabelCandidate,
  nodeRadiusScale,
  nodeShape,
  parallelBends,
  placeLabels,
  SHAPE_LEGEND,
  sentimentLabel,
  wrapLabel,
} from "../network";
import { settleNetwork } from "../network-layout";
import { SENTIMENT_COLOURS } from "../palette";
import { layoutFrame } from "./frame";
import {
  LABEL_CANDIDATES_MAX,
  type NetworkExportEdge,
  type NetworkExportInput,
  type NetworkExportNode,
  networkLegend,
  networkPositions,
  placeNetworkLabels,
  renderNetworkSvg,
} from "./network-svg";
import type { ExportTheme } from "./themes";

const actors: [string, string][] = [
  ["russia", "state"],
  ["china", "state"],
  ["un", "organisation"],
  ["koofi", "person"],
  ["<img src=x onerror=alert(1)>", "group"],
  ["iran", "state"],
  ["eu", "bloc"],
  ["hrw", "civil-society"],
];
const events = ["recognition", "ban-on-education"];
const reactions: [string, string, string][] = [
  ["russia", "recognition", "supportive"],
  ["china", "recognition", "neutral"],
  ["un", "recognition", "concerned"],
  ["koofi", "recognition", "critical"],
  ["<img src=x onerror=alert(1)>", "recognition", "supportive"],
  ["iran", "recognition", "neutral"],
  ["eu", "ban-on-education", "critical"],
  ["hrw", "ban-on-education", "critical"],
  ["un", "ban-on-education", "critical"],
  ["koofi", "russia", "critical"],
  ["koofi", "russia", "concerned"],
  ["hrw", "hrw", "neutral"],
];

/** A scene as the dashboard builds it: shapes by kind, radii by activity, wrapped labels, bends. */
function scene(): { nodes: NetworkExportNode[]; edges: NetworkExportEdge[] } {
  const names = [...events.map((id) => ({ id, kind: "event" })), ...actors.map(([id, kind]) => ({ id, kind }))];
  const degree = new Map<string, number>();
  for (const [s, t] of reactions) {
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  }
  const radius = nodeRadiusScale(10, [6, 26]);
  const nodes = names.map(({ id, kind }) => {
    const label = kind === "event" ? `Event ${id.replace(/-/g, " ")}` : id;
    return {
      id,
      type: kind === "event" ? ("event" as const) : ("actor" as const),
      label,
      short: wrapLabel(label, 22, 3).join("\n"),
      shape: nodeShape(kind),
      r: radius(degree.get(id) ?? 0),
      degree: degree.get(id) ?? 0,
    };
  });
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const bends = parallelBends(reactions.map(([source, target], i) => ({ id: String(i), source, target })));
  const edges = reactions.map(([s, t, sentiment], i) => ({
    s: index.get(s) as number,
    t: index.get(t) as number,
    sentiment,
    colour: edgeColour(sentiment),
    bend: bends.get(String(i)) ?? 0,
  }));
  return { nodes, edges };
}

const frame = {
  title: "Who reacted to whom",
  subtitle: "Reactions up to 3 July 2025",
  sources: ["Indian Council of World Affairs", 'Al Jazeera & "friends"'],
  notes: "Arrows point from the actor who reacted to what it reacted to.",
  credit: "Stancemap",
  licence: "CC BY 4.0",
  revision: 7,
  permalink: "http://localhost:3000/network?date=2025-07-03",
};
const sentiments = Object.keys(SENTIMENT_COLOURS).map((key) => ({ key, label: sentimentLabel(key), colour: edgeColour(key) }));

function input(theme: ExportTheme = "light", graph = scene()): NetworkExportInput {
  return {
    ...graph,
    sentiments,
    shapes: SHAPE_LEGEND,
    frame,
    width: 1200,
    height: 675,
    theme,
    arrowLength: 8,
    arrowWidth: 6,
    emptyMessage: "No reactions up to 3 July 2025.",
  };
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
const greys = (svg: string) => [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)].map((m) => (m[1] as string).toLowerCase());

/** The nodes' outlines' bounding boxes (polygons: their corners; circles: centre and arc radius). */
function nodeBoxes(svg: string) {
  const group = /<g class="nodes"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "";
  return [...group.matchAll(/<path d="([^"]+)"/g)].map((m) => {
    const d = m[1] as string;
    const arc = /A([\d.]+),/.exec(d);
    const corners = [...d.replace(/A[\d.]+,[\d.]+ 0 1 1 /g, "L").matchAll(/-?[\d.]+,-?[\d.]+/g)].map(
      (p) => (p[0] as string).split(",").map(Number) as [number, number],
    );
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    const r = arc ? Number(arc[1]) : 0;
    return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys) - r, y1: Math.max(...ys) + r };
  });
}

describe("network export SVG", () => {
  it("is well-formed XML of the requested size, with title, every legend entry and the source line as text", () => {
    const svg = renderNetworkSvg(input());
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg["@_width"]).toBe("1200");
    expect(doc.svg["@_height"]).toBe("675");
    expect(doc.svg["@_viewBox"]).toBe("0 0 1200 675");
    const all = texts(svg);
    expect(all).toContain("Who reacted to whom");
    for (const label of [...sentiments.map((s) => s.label), ...SHAPE_LEGEND.map((s) => s.label)]) expect(all).toContain(label);
    expect(all.join(" ")).toContain("Source: Indian Council of World Affairs; Al Jazeera &amp; &quot;friends&quot;");
    expect(all.join(" ")).toContain("Dataset revision 7");
    // The legend draws sentiments as lines and node kinds as shapes.
    const legend = /<g class="legend"[^>]*>(.*?)<\/g><text/.exec(svg)?.[1] ?? "";
    expect(legend.match(/<line /g)).toHaveLength(sentiments.length);
    expect(legend.match(/<path /g)).toHaveLength(SHAPE_LEGEND.length);
  });

  it("summarises the graph and the legend in its description", () => {
    const svg = renderNetworkSvg(input());
    const desc = /<desc id="export-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
    expect(desc).toContain("8 actors and 2 events, 12 reactions");
    for (const s of sentiments) expect(desc).toContain(s.label);
    expect(desc).toContain("Organisation or bloc");
  });

  it("runs nothing and fetches nothing; an actor's name with markup stays text", () => {
    const svg = renderNetworkSvg(input());
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(svg).not.toMatch(/href\s*=/i);
    expect(svg).not.toMatch(/url\((?!#)/);
    expect(svg).not.toContain("<img");
    // Its label wraps at spaces; each line is escaped text.
    const labelText = texts(svg).join(" ");
    expect(labelText).toContain("&lt;img src=x");
    expect(labelText).toContain("onerror=alert(1)&gt;");
  });

  it("is deterministic", () => {
    for (const theme of ["light", "dark", "print"] as const) expect(renderNetworkSvg(input(theme))).toBe(renderNetworkSvg(input(theme)));
  });

  it("draws every node, edge and arrowhead inside the chart area, in page units", () => {
    const graph = scene();
    const svg = renderNetworkSvg(input("light", graph));
    const boxes = nodeBoxes(svg);
    expect(boxes).toHaveLength(graph.nodes.length);
    const i = input("light", graph);
    const body = layoutFrame(i.width, i.height, i.frame, networkLegend(i), i.theme).body;
    // The legend starts below the body.
    const legendTop = Number(/<g class="legend" transform="translate\(0,([\d.]+)\)"/.exec(svg)?.[1]);
    expect(legendTop).toBeGreaterThan(body.y + body.height);
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(body.x);
      expect(b.x1).toBeLessThanOrEqual(body.x + body.width);
      expect(b.y0).toBeGreaterThanOrEqual(body.y);
      expect(b.y1).toBeLessThanOrEqual(body.y + body.height);
    }
    // The drawing fills the body along one of its axes at least.
    const spanX = Math.max(...boxes.map((b) => b.x1)) - Math.min(...boxes.map((b) => b.x0));
    const spanY = Math.max(...boxes.map((b) => b.y1)) - Math.min(...boxes.map((b) => b.y0));
    expect(spanX > body.width * 0.5 || spanY > body.height * 0.7).toBe(true);
    // Sizes are the scene's radii: the busiest node (the recognition event) keeps its radius on the page.
    const widest = Math.max(...boxes.map((b) => b.x1 - b.x0));
    const hexagonWidth = 2 * (graph.nodes[0] as NetworkExportNode).r * Math.sqrt((2 * Math.PI) / (3 * Math.sqrt(3)));
    expect(widest).toBeCloseTo(hexagonWidth, 0);
    // One line and one arrowhead per edge, coloured by sentiment.
    const edges = /<g class="edges"[^>]*>(.*)<\/g><g class="nodes"/.exec(svg)?.[1] ?? "";
    expect(edges.match(/<g data-sentiment=/g)).toHaveLength(graph.edges.length);
    expect(edges).toContain(`stroke="${SENTIMENT_COLOURS.critical}"`);
    expect(edges).toContain(`fill="${SENTIMENT_COLOURS.supportive}"`);
  });

  it("labels every node on a small graph", () => {
    const graph = scene();
    const svg = renderNetworkSvg(input("light", graph));
    const labels = /<g class="labels"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    // Each line twice: its halo, then the letters.
    const halos = [...labels.matchAll(/<text class="halo"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const lines = [...labels.matchAll(/<text (?!class="halo")[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
    expect(halos).toEqual(lines);
    const expected = graph.nodes.flatMap((n) => n.short.split("\n").map((line) => line.replace(/</g, "&lt;").replace(/>/g, "&gt;")));
    expect([...lines].sort()).toEqual([...expected].sort());
  });

  it("prints in greys with one dash pattern per sentiment, white actors and grey events", () => {
    const svg = renderNetworkSvg(input("print"));
    expect(XMLValidator.validate(svg)).toBe(true);
    const colours = greys(svg);
    expect(colours.length).toBeGreaterThan(0);
    for (const hex of colours) expect(hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7), hex).toBe(true);
    const dashOf = (sentiment: string) =>
      [...svg.matchAll(new RegExp(`<g data-sentiment="${sentiment}" stroke="#[0-9a-f]{6}"(?: stroke-dasharray="([^"]+)")?>`, "g"))].map(
        (m) => m[1] ?? "solid",
      );
    const dashes = sentiments.map((s) => {
      const seen = new Set(dashOf(s.key));
      expect(seen.size, s.key).toBe(1);
      return [...seen][0];
    });
    expect(new Set(dashes).size).toBe(sentiments.length);
    // The legend shows the same dashes.
    const legend = /<g class="legend"[^>]*>(.*?)<\/g><text/.exec(svg)?.[1] ?? "";
    const legendDashes = [...legend.matchAll(/<line [^>]*?(?:stroke-dasharray="([^"]+)")?\/>/g)].map((m) => m[1] ?? "solid");
    expect(legendDashes).toEqual(dashes);
    const nodes = /<g class="nodes"([^>]*)>(.*?)<\/g>/.exec(svg);
    expect(nodes?.[1]).toContain('stroke="#000000"');
    expect(nodes?.[2]).toMatch(/fill="#ffffff" data-type="actor"/);
    expect(nodes?.[2]).not.toMatch(/fill="#ffffff" data-type="event"/);
  });

  it("shows the empty message when there are no reactions", () => {
    const svg = renderNetworkSvg(input("light", { nodes: [], edges: [] }));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(texts(svg)).toContain("No reactions up to 3 July 2025.");
    expect(svg).not.toContain('class="nodes"');
    expect(svg).toContain("0 actors and 0 events, 0 reactions");
  });
});

describe("network export positions", () => {
  it("draws the same from positions computed once, in every theme and size", () => {
    const base = input();
    const positions = networkPositions(base);
    expect(positions).toEqual(
      settleNetwork(
        base.nodes,
        base.edges.map((e) => ({ source: e.s, target: e.t })),
      ),
    );
    for (const theme of ["light", "dark", "print"] as const)
      for (const [width, height] of [
        [1200, 675],
        [1080, 1080],
        [336, 252],
      ] as const) {
        const i = { ...base, theme, width, height };
        expect(renderNetworkSvg({ ...i, positions }), `${theme} ${width}×${height}`).toBe(renderNetworkSvg(i));
      }
  });

  it("draws the positions it is given", () => {
    const base = input();
    const mirrored = networkPositions(base).map((p) => ({ x: -p.x, y: p.y }));
    const svg = renderNetworkSvg({ ...base, positions: mirrored });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toBe(renderNetworkSvg(base));
    expect(() => renderNetworkSvg({ ...base, positions: mirrored.slice(1) })).toThrow(RangeError);
  });
});

describe("placeNetworkLabels", () => {
  /** Nodes on a jittered grid (a deterministic sequence), labels of 1 to 3 lines, priorities with ties. */
  function field(count: number, spacing: number) {
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const columns = Math.ceil(Math.sqrt(count * 1.8));
    return Array.from({ length: count }, (_, i): LabelCandidate => {
      const words = ["Ministry", "of", "Foreign", "Affairs", "UN", "Kabul", "Doha", "Council"];
      const text = Array.from({ length: 1 + Math.floor(next() * 3) }, () => words[Math.floor(next() * words.length)]).join(
        next() < 0.5 ? " " : "\n",
      );
      return {
        id: String(i),
        x: (i % columns) * spacing + next() * spacing * 0.5,
        y: Math.floor(i / columns) * spacing + next() * spacing * 0.5,
        r: 3 + next() * 15,
        text,
        priority: i % 7 === 0 ? 1e9 : Math.floor(next() * 12),
      };
    });
  }
  const walls = (w: number, h: number) => {
    const far = 1e6;
    return [
      { x: -far, y: h / 2, r: far },
      { x: w + far, y: h / 2, r: far },
      { x: w / 2, y: -far, r: far },
      { x: w / 2, y: h + far, r: far },
    ];
  };
  const top = (candidates: readonly LabelCandidate[]) =>
    candidates
      .map((c, i) => ({ c, i }))
      .sort((a, b) => b.c.priority - a.c.priority || (a.c.text < b.c.text ? -1 : a.c.text > b.c.text ? 1 : 0) || a.i - b.i)
      .slice(0, LABEL_CANDIDATES_MAX)
      .map((o) => o.c);

  it("places what placeLabels places for the candidates of highest priority, with every node as an obstacle", () => {
    for (const [count, spacing] of [
      [60, 40],
      [900, 28],
      [900, 60],
    ] as const) {
      const candidates = field(count, spacing);
      const extent = Math.ceil(Math.sqrt(count * 1.8)) * spacing;
      const options = { nodes: candidates.map(({ x, y, r }) => ({ x, y, r })), walls: walls(extent, extent), fontSize: 12, gap: 4 };
      const placed = placeNetworkLabels(candidates, options);
      expect(placed, `${count} at ${spacing}`).toEqual(
        placeLabels(top(candidates), { fontSize: 12, gap: 4, obstacles: [...options.nodes, ...options.walls] }),
      );
      expect(placed.length).toBeGreaterThan(0);
    }
  });

  it("labels at most LABEL_CANDIDATES_MAX nodes, the ones of highest priority", () => {
    // Far apart: every node would find room for its label.
    const candidates = field(600, 400);
    const options = { nodes: candidates.map(({ x, y, r }) => ({ x, y, r })), walls: [], fontSize: 12, gap: 4 };
    expect(placeLabels(candidates, { fontSize: 12, gap: 4, obstacles: options.nodes })).toHaveLength(600);
    const placed = placeNetworkLabels(candidates, options);
    expect(placed).toHaveLength(LABEL_CANDIDATES_MAX);
    expect(new Set(placed.map((p) => p.id))).toEqual(new Set(top(candidates).map((c) => c.id)));
  });
});

describe("settleNetwork", () => {
  const graph = scene();
  const links = graph.edges.map((e) => ({ source: e.s, target: e.t }));

  it("is deterministic and independent of earlier runs", () => {
    const a = settleNetwork(graph.nodes, links);
    settleNetwork(
      graph.nodes.slice(0, 4),
      links.slice(0, 2).filter((l) => l.source < 4 && l.target < 4),
    );
    expect(settleNetwork(graph.nodes, links)).toEqual(a);
    for (const p of a) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it("separates the nodes", () => {
    const p = settleNetwork(graph.nodes, links);
    for (let i = 0; i < p.length; i++)
      for (let j = i + 1; j < p.length; j++) {
        const a = p[i] as { x: number; y: number };
        const b = p[j] as { x: number; y: number };
        const min = (graph.nodes[i] as NetworkExportNode).r + (graph.nodes[j] as NetworkExportNode).r;
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${i}-${j}`).toBeGreaterThan(min - 0.5);
      }
  });

  it("starts from the seeded places: the result depends on the ids, not only the shape of the graph", () => {
    const renamed = graph.nodes.map((n) => ({ ...n, id: `${n.id}-2` }));
    expect(settleNetwork(renamed, links)).not.toEqual(settleNetwork(graph.nodes, links));
  });
});
