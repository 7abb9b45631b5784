// The reaction network as a standalone SVG for publication: the layout a visitor sees once the network
// settles (the same forces and seeded start), fitted into the frame. Drawn in page units: positions
// are scaled to fit, while node sizes, arrows, strokes and labels keep their sizes, so they stay
// readable whatever the size of the graph. Pure and deterministic: runs in the browser and on the server.
import {
  arrowPath,
  type Box,
  edgeGeometry,
  edgePath,
  edgePolyline,
  fitTransform,
  type LabelCandidate,
  type NodeShape,
  type PlacedLabel,
  placeLabels,
  shapePath,
  shapeVertices,
  type ZoomFit,
} from "../network";
import { settleNetwork } from "../network-layout";
import { textWidth } from "../text/metrics";
import { type FrameText, frameFontSize, type LegendEntry, layoutFrame } from "./frame";
import { el, exportDocument, haloText, text } from "./svg";
import { type ExportTheme, THEME_COLOURS } from "./themes";

export interface NetworkExportNode {
  id: string;
  type: "actor" | "event";
  label: string;
  /** wrapped label, lines joined by "\n" */
  short: string;
  shape: NodeShape;
  r: number;
  degree: number;
}

export interface NetworkExportEdge {
  s: number;
  t: number;
  sentiment: string;
  colour: string;
  bend: number;
}

export interface NetworkExportInput {
  nodes: readonly NetworkExportNode[];
  edges: readonly NetworkExportEdge[];
  /** Sentiments in legend order, with their labels and colours (index = position, used for print dashes). */
  sentiments: readonly { key: string; label: string; colour: string }[];
  /** Node shapes shown in the legend. */
  shapes: readonly { shape: NodeShape; label: string }[];
  frame: FrameText;
  width: number;
  height: number;
  theme: ExportTheme;
  arrowLength: number;
  arrowWidth: number;
  /** Shown in the chart area when there are no edges, e.g. "No reactions up to 3 July 2025." */
  emptyMessage: string;
  /** The nodes' settled layout, in `nodes`' order, as `networkPositions` gives it: computed once, it
   * serves every theme and size (it does not depend on them). Computed here when absent. */
  positions?: readonly { x: number; y: number }[];
}

/** Node fills by theme: the dashboard's actor and event colours; in print, white actors and grey events. */
const NODE_COLOURS: Record<ExportTheme, { actor: string; event: string; outline: string | null; outlineWidth: number }> = {
  light: { actor: "#4f5968", event: "#6b47b8", outline: null, outlineWidth: 1.5 },
  dark: { actor: "#aeb6c3", event: "#b79ef5", outline: null, outlineWidth: 1.5 },
  print: { actor: "#ffffff", event: "#c8c8c8", outline: "#000000", outlineWidth: 1 },
};

/** Edges in print: one grey, and one dash pattern per sentiment (solid, dashed, dotted, dash-dot…). */
const PRINT_EDGE = "#333333";
const PRINT_DASHES: readonly (string | undefined)[] = [undefined, "6 3", "1.5 2.5", "8 3 1.5 3", "12 4", "8 3 1.5 3 1.5 3"];

/** The print theme's dash pattern of the sentiment at `index` in the legend (undefined: solid). */
export function printDash(index: number): string | undefined {
  return PRINT_DASHES[index % PRINT_DASHES.length];
}

/** The settled layout the export draws (before it is fitted into the page): the dashboard's forces from
 * the seeded start. Pass it as `positions` to draw the same network in several themes or sizes without
 * settling it each time. */
export function networkPositions(input: Pick<NetworkExportInput, "nodes" | "edges">): { x: number; y: number }[] {
  return settleNetwork(
    input.nodes,
    input.edges.map((e) => ({ source: e.s, target: e.t })),
  );
}

/** Most nodes offered a label: events first, then the busiest; on a graph of more, the page has no room
 * for the others' labels anyway, and placing them all would cost time that grows with the square of the graph. */
export const LABEL_CANDIDATES_MAX = 250;
/** Side of the grid's cells that find the nodes near a label's possible spots. */
const CELL = 64;
/** Most cells a node's or a label's reach is split into. */
const CELLS_MAX = 4096;

/**
 * placeLabels over the LABEL_CANDIDATES_MAX candidates of highest priority, with as obstacles only
 * the nodes that could touch one of their labels' spots (beside, below or above the node), and the
 * walls. Gives what placeLabels gives for those candidates with every node and wall as an obstacle,
 * in time that grows with the number of nodes, not its square.
 */
export function placeNetworkLabels(
  candidates: readonly LabelCandidate[],
  options: {
    /** Every node, as an obstacle. */
    nodes: readonly { x: number; y: number; r: number }[];
    /** Obstacles always kept (e.g. the chart area's edges, as huge circles around it). */
    walls: readonly { x: number; y: number; r: number }[];
    /** The edges as polylines (placeLabels' `lines`): labels keep clear of them where they can. */
    lines?: readonly (readonly number[])[];
    fontSize: number;
    gap: number;
  },
): PlacedLabel[] {
  const { nodes, walls, lines: edgeLines, fontSize, gap } = options;
  // placeLabels' order (priority, then text; its sort keeps the given order on a tie), cut short.
  const chosen = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.priority - a.c.priority || (a.c.text < b.c.text ? -1 : a.c.text > b.c.text ? 1 : 0) || a.i - b.i)
    .slice(0, LABEL_CANDIDATES_MAX)
    .map((o) => o.c);
  // The grid's cells within reach of some chosen label; a node in none of them cannot touch a label.
  // Boxes of more than CELLS_MAX cells (never a node on a page) are not split into cells: such a
  // candidate turns the filter off, such a node is kept.
  const cells = new Set<string>();
  const cellsOf = (x0: number, y0: number, x1: number, y1: number, visit: (key: string) => boolean) => {
    const [i0, i1, j0, j1] = [Math.floor(x0 / CELL), Math.floor(x1 / CELL), Math.floor(y0 / CELL), Math.floor(y1 / CELL)];
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > CELLS_MAX) return null;
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) if (visit(`${i},${j}`)) return true;
    return false;
  };
  let filtered = true;
  for (const c of chosen) {
    const lines = c.text.split("\n");
    const width = Math.max(...lines.map((l) => textWidth(l, fontSize)));
    const height = lines.length * fontSize * 1.2 + fontSize * 0.1;
    const dx = c.r + gap + width + 1;
    const dy = c.r + gap + height + 1;
    const reached = cellsOf(c.x - dx, c.y - dy, c.x + dx, c.y + dy, (key) => {
      cells.add(key);
      return false;
    });
    if (reached === null) filtered = false;
  }
  const near = filtered
    ? nodes.filter((n) => cellsOf(n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r, (key) => cells.has(key)) !== false)
    : nodes;
  return placeLabels(chosen, { fontSize, gap, lines: edgeLines, obstacles: [...near, ...walls] });
}

/** Most nodes for which the fit leaves room beside every node for its label (as the dashboard does). */
const LABEL_ROOM_MAX_NODES = 150;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Room a node needs around its centre on the page: its outline, its label beside it, a loop above. */
interface Reach {
  x: number;
  y: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function extent(reach: readonly Reach[], k: number) {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const n of reach) {
    x0 = Math.min(x0, n.x * k - n.left);
    x1 = Math.max(x1, n.x * k + n.right);
    y0 = Math.min(y0, n.y * k - n.top);
    y1 = Math.max(y1, n.y * k + n.bottom);
  }
  return { x0, y0, x1, y1 };
}

/** The transform (page = layout·k + (x, y)) that fits the centres into the body with each node's room
 * around it. fitTransform with the widest room on every side gives a scale that fits; the room each node
 * really needs usually allows more, so the scale grows (bisection) while everything still fits, up to maxK. */
function fitLayout(reach: readonly Reach[], body: { x: number; y: number; width: number; height: number }, maxK: number): ZoomFit {
  const centres: Box = extent(
    reach.map((n) => ({ ...n, left: 0, right: 0, top: 0, bottom: 0 })),
    1,
  );
  const padX = Math.max(...reach.map((n) => Math.max(n.left, n.right)));
  const padY = Math.max(...reach.map((n) => Math.max(n.top, n.bottom)));
  const fits = (k: number) => {
    const e = extent(reach, k);
    return e.x1 - e.x0 <= body.width && e.y1 - e.y0 <= body.height;
  };
  let k = fitTransform(centres, body.width - 2 * padX, body.height - 2 * padY, 0, maxK).k;
  if (fits(k)) {
    if (fits(maxK)) k = maxK;
    else {
      let hi = maxK;
      for (let i = 0; i < 40; i++) {
        const mid = (k + hi) / 2;
        if (fits(mid)) k = mid;
        else hi = mid;
      }
    }
  }
  const e = extent(reach, k);
  return { k, x: body.x + (body.width - (e.x1 - e.x0)) / 2 - e.x0, y: body.y + (body.height - (e.y1 - e.y0)) / 2 - e.y0 };
}

/** The export's legend: the sentiments as edge lines (dashed in print), then the node shapes. */
export function networkLegend(input: Pick<NetworkExportInput, "sentiments" | "shapes" | "theme" | "width">): LegendEntry[] {
  const print = input.theme === "print";
  const nc = NODE_COLOURS[input.theme];
  const sw = frameFontSize(input.width);
  return [
    ...input.sentiments.map((s, i) => ({
      label: s.label,
      colour: print ? PRINT_EDGE : s.colour,
      index: i,
      swatch: { kind: "line" as const, dash: print ? printDash(i) : undefined },
    })),
    ...input.shapes.map((s, i) => ({
      label: s.label,
      colour: s.shape === "hexagon" ? nc.event : nc.actor,
      index: input.sentiments.length + i,
      swatch: { kind: "shape" as const, d: shapePath(s.shape, sw * 0.45), stroke: nc.outline ?? undefined },
    })),
  ];
}

export function renderNetworkSvg(input: NetworkExportInput): string {
  const { nodes, edges, width, height, theme } = input;
  const c = THEME_COLOURS[theme];
  const nc = NODE_COLOURS[theme];
  const print = theme === "print";
  const sentimentIndex = new Map(input.sentiments.map((s, i) => [s.key, i]));
  const legend = networkLegend(input);
  const layout = layoutFrame(width, height, input.frame, legend, theme);
  const body = layout.body;
  const fontSize = Math.max(10, Math.min(14, Math.round(width / 100)));
  const lineHeight = fontSize * 1.2;
  const labelGap = 4;

  const chart: string[] = [];
  if (edges.length === 0 || nodes.length === 0) {
    chart.push(
      text(input.emptyMessage, {
        x: body.x + body.width / 2,
        y: body.y + body.height / 2,
        "text-anchor": "middle",
        "font-size": fontSize * 1.2,
        fill: c.muted,
        class: "empty",
      }),
    );
  } else {
    const laid = input.positions ?? networkPositions(input);
    if (laid.length !== nodes.length) throw new RangeError(`${laid.length} positions for ${nodes.length} nodes`);
    const looped = new Set(edges.filter((e) => e.s === e.t).map((e) => e.s));
    const roomForLabels = nodes.length <= LABEL_ROOM_MAX_NODES;
    const reach: Reach[] = nodes.map((n, i) => {
      const p = laid[i] as { x: number; y: number };
      const lines = n.short.split("\n");
      const labelWidth = roomForLabels ? Math.max(...lines.map((l) => textWidth(l, fontSize))) + labelGap : 0;
      const labelHalf = roomForLabels ? (lines.length * lineHeight) / 2 : 0;
      // The outline's reach from the centre (a triangle's apex lies farther than r), and half its stroke.
      const corners = shapeVertices(n.shape, n.r);
      const reachOf = (pick: (v: [number, number]) => number) =>
        (corners.length ? Math.max(...corners.map(pick)) : n.r) + nc.outlineWidth / 2 + 1;
      const left = reachOf((v) => -v[0]);
      const right = reachOf((v) => v[0]);
      const loop = looped.has(i) ? n.r * 2.6 + input.arrowLength : 0;
      return {
        x: p.x,
        y: p.y,
        left: left + labelWidth,
        right: right + labelWidth,
        top: Math.max(
          reachOf((v) => -v[1]),
          labelHalf,
          loop,
        ),
        bottom: Math.max(
          reachOf((v) => v[1]),
          labelHalf,
        ),
      };
    });
    const t = fitLayout(reach, body, roomForLabels ? 1.6 : 4);
    const at = laid.map((p) => ({ x: p.x * t.k + t.x, y: p.y * t.k + t.y }));
    const end = (i: number) => {
      const n = nodes[i] as NetworkExportNode;
      const p = at[i] as { x: number; y: number };
      return { x: p.x, y: p.y, r: n.r, shape: n.shape };
    };

    const edgeMarks: string[] = [];
    const edgeLines: number[][] = [];
    for (const e of edges) {
      const source = end(e.s);
      const g = edgeGeometry(source, e.s === e.t ? source : end(e.t), {
        bend: e.bend,
        arrowLength: input.arrowLength,
        arrowWidth: input.arrowWidth,
      });
      if (!g) continue;
      edgeLines.push(edgePolyline(g));
      const index = sentimentIndex.get(e.sentiment) ?? input.sentiments.length;
      const colour = print ? PRINT_EDGE : e.colour;
      edgeMarks.push(
        el("g", { "data-sentiment": e.sentiment, stroke: colour, "stroke-dasharray": print ? printDash(index) : undefined }, [
          el("path", { d: edgePath(g), fill: "none" }),
          el("path", { d: arrowPath(g), fill: colour, stroke: "none" }),
        ]),
      );
    }
    chart.push(
      el(
        "g",
        {
          class: "edges",
          "stroke-width": 1.5,
          "stroke-linecap": print ? "butt" : "round",
          "stroke-linejoin": "round",
          opacity: print ? undefined : 0.85,
        },
        edgeMarks,
      ),
    );

    chart.push(
      el(
        "g",
        { class: "nodes", stroke: nc.outline ?? c.background, "stroke-width": nc.outlineWidth, "stroke-linejoin": "round" },
        nodes.map((n, i) => {
          const p = at[i] as { x: number; y: number };
          return el("path", { d: shapePath(n.shape, n.r, p.x, p.y), fill: n.type === "event" ? nc.event : nc.actor, "data-type": n.type });
        }),
      ),
    );

    // Labels: every node whose label finds a free spot beside it inside the body; events first, then the busiest.
    const far = 1e6;
    const cx = body.x + body.width / 2;
    const cy = body.y + body.height / 2;
    const walls = [
      { x: body.x - far, y: cy, r: far },
      { x: body.x + body.width + far, y: cy, r: far },
      { x: cx, y: body.y - far, r: far },
      { x: cx, y: body.y + body.height + far, r: far },
    ];
    const placed = placeNetworkLabels(
      nodes.map((n, i) => {
        const p = at[i] as { x: number; y: number };
        return { id: String(i), x: p.x, y: p.y, r: n.r, text: n.short, priority: (n.type === "event" ? 1e9 : 0) + n.degree };
      }),
      {
        nodes: nodes.map((n, i) => ({ ...(at[i] as { x: number; y: number }), r: n.r })),
        walls,
        lines: edgeLines,
        fontSize,
        gap: labelGap,
      },
    );
    chart.push(
      el(
        "g",
        { class: "labels", "font-size": fontSize },
        placed.flatMap((l) =>
          l.lines.map((line, i) =>
            haloText(
              line,
              {
                x: l.x,
                // Lines centred on the anchor point; a baseline sits about 0.35 em below a line's middle.
                y: l.y + (i - (l.lines.length - 1) / 2) * lineHeight + fontSize * 0.35,
                "text-anchor": l.anchor,
                fill: c.text,
              },
              { colour: c.background, width: 3 },
            ),
          ),
        ),
      ),
    );
  }

  const actors = nodes.filter((n) => n.type === "actor").length;
  const desc = [
    input.frame.subtitle,
    `${plural(actors, "actor")} and ${plural(nodes.length - actors, "event")}, ${plural(edges.length, "reaction")}`,
    ...(edges.length === 0 ? [input.emptyMessage.replace(/\.$/, "")] : []),
    `Legend: edges by sentiment (${input.sentiments.map((s) => s.label).join(", ")}); node shapes (${input.shapes.map((s) => s.label).join(", ")})`,
    `Source: ${input.frame.sources.join("; ")}`,
  ].join(". ");
  return exportDocument({
    width,
    height,
    title: input.frame.title,
    desc,
    defs: [el("style", {}, layout.style)],
    background: c.background,
    header: layout.header,
    chart: el("g", { class: "network" }, chart),
    footer: layout.footer,
  });
}
