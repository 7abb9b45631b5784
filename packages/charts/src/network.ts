// The reaction network's encodings and geometry, free of the DOM: node shapes by actor kind and sizes
// by activity, edge colours by sentiment, edges that start and stop at the nodes' outlines with the
// arrowhead touching the target, bends that keep parallel edges apart, seeded starting positions,
// fitting the drawing into a viewport and placing labels without overlaps.

import { lookupTable } from "@stancemap/core/model";
import { scaleSqrt } from "d3-scale";
import { SENTIMENT_COLOURS, SENTIMENT_LABELS } from "./palette";
import { textWidth } from "./text/metrics";

export type NodeShape = "circle" | "square" | "diamond" | "triangle" | "hexagon";

/** Shape by actor kind; events are hexagons. People are circles, states and governments squares,
 * organisations and blocs diamonds, groups and civil society triangles. */
export const SHAPE_BY_KIND: Readonly<Record<string, NodeShape>> = lookupTable({
  person: "circle",
  state: "square",
  "government-in-fact": "square",
  "former-government": "square",
  institution: "square",
  organisation: "diamond",
  bloc: "diamond",
  group: "triangle",
  "civil-society": "triangle",
  event: "hexagon",
});

export function nodeShape(kind: string): NodeShape {
  return SHAPE_BY_KIND[kind] ?? "circle";
}

/** The shapes' legend, in the order shown. */
export const SHAPE_LEGEND: readonly { shape: NodeShape; label: string }[] = [
  { shape: "circle", label: "Person" },
  { shape: "square", label: "State, government or ministry" },
  { shape: "diamond", label: "Organisation or bloc" },
  { shape: "triangle", label: "Group or civil society" },
  { shape: "hexagon", label: "Event" },
];

export const UNKNOWN_SENTIMENT_COLOUR = "#8a8f98";

export function edgeColour(sentiment: string): string {
  return SENTIMENT_COLOURS[sentiment] ?? UNKNOWN_SENTIMENT_COLOUR;
}

export function sentimentLabel(sentiment: string): string {
  return SENTIMENT_LABELS[sentiment] ?? sentiment;
}

/** Node radius from activity (reactions given plus received): a square-root scale, so that area,
 * not radius, grows with the count. Degree 0 gets the minimum; the busiest node the maximum. */
export function nodeRadiusScale(maxDegree: number, range: readonly [number, number] = [5, 24]): (degree: number) => number {
  const scale = scaleSqrt()
    .domain([0, Math.max(1, maxDegree)])
    .range([range[0], range[1]])
    .clamp(true);
  return (degree: number) => scale(Math.max(0, degree));
}

// Each shape has the area of the circle of radius r, so size reads the same whatever the shape.
const SQUARE_HALF = Math.sqrt(Math.PI) / 2; // half side
const DIAMOND_HALF = Math.sqrt(Math.PI / 2); // half diagonal
const TRIANGLE_R = Math.sqrt((4 * Math.PI) / (3 * Math.sqrt(3))); // circumradius, centred on the centroid
const HEXAGON_R = Math.sqrt((2 * Math.PI) / (3 * Math.sqrt(3))); // circumradius

/** The outline's corners (clockwise on screen, y down), centred on 0,0; empty for a circle. */
export function shapeVertices(shape: NodeShape, r: number): [number, number][] {
  switch (shape) {
    case "circle":
      return [];
    case "square": {
      const h = r * SQUARE_HALF;
      return [
        [-h, -h],
        [h, -h],
        [h, h],
        [-h, h],
      ];
    }
    case "diamond": {
      const h = r * DIAMOND_HALF;
      return [
        [0, -h],
        [h, 0],
        [0, h],
        [-h, 0],
      ];
    }
    case "triangle": {
      const R = r * TRIANGLE_R;
      return [-90, 30, 150].map((deg) => {
        const a = (deg * Math.PI) / 180;
        return [R * Math.cos(a), R * Math.sin(a)] as [number, number];
      });
    }
    case "hexagon": {
      const R = r * HEXAGON_R;
      return [0, 60, 120, 180, 240, 300].map((deg) => {
        const a = (deg * Math.PI) / 180;
        return [R * Math.cos(a), R * Math.sin(a)] as [number, number];
      });
    }
  }
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

/** An SVG path (also usable as a canvas Path2D) of the shape centred on cx, cy. */
export function shapePath(shape: NodeShape, r: number, cx = 0, cy = 0): string {
  if (shape === "circle") {
    return `M${fmt(cx + r)},${fmt(cy)}A${fmt(r)},${fmt(r)} 0 1 1 ${fmt(cx - r)},${fmt(cy)}A${fmt(r)},${fmt(r)} 0 1 1 ${fmt(cx + r)},${fmt(cy)}Z`;
  }
  return `${shapeVertices(shape, r)
    .map(([x, y], i) => `${i === 0 ? "M" : "L"}${fmt(cx + x)},${fmt(cy + y)}`)
    .join("")}Z`;
}

const unitOutlines = new Map<NodeShape, readonly [number, number][]>();

/** Distance from the centre to the outline in direction (dx, dy), which need not be a unit vector. */
export function boundaryDistance(shape: NodeShape, r: number, dx: number, dy: number): number {
  const len = Math.hypot(dx, dy);
  if (shape === "circle" || len === 0) return r;
  const ux = dx / len;
  const uy = dy / len;
  // The outline scales with r, so the distance does too: intersect with the unit outline (cached).
  let v = unitOutlines.get(shape);
  if (!v) {
    v = shapeVertices(shape, 1);
    unitOutlines.set(shape, v);
  }
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < v.length; i++) {
    const [ax, ay] = v[i] as [number, number];
    const [bx, by] = v[(i + 1) % v.length] as [number, number];
    // Ray t·u against segment a + s·(b − a), 0 ≤ s ≤ 1.
    const ex = bx - ax;
    const ey = by - ay;
    const den = ux * ey - uy * ex;
    if (Math.abs(den) < 1e-12) continue;
    const t = (ax * ey - ay * ex) / den;
    const s = (ax * uy - ay * ux) / den;
    if (t >= 0 && s >= -1e-9 && s <= 1 + 1e-9 && t < best) best = t;
  }
  return Number.isFinite(best) ? best * r : r;
}

export interface EdgeEnd {
  x: number;
  y: number;
  r: number;
  shape: NodeShape;
}

export interface EdgeGeometry {
  /** Where the line leaves the source's outline. */
  x1: number;
  y1: number;
  /** Quadratic control point (the midpoint for a straight edge); for a loop, the first of two cubic ones. */
  cx: number;
  cy: number;
  /** A loop's second cubic control point. */
  c2: [number, number] | null;
  /** Where the line meets the arrowhead's base. */
  x2: number;
  y2: number;
  /** The arrowhead: its tip on the target's outline, and the two base corners. */
  tip: [number, number];
  left: [number, number];
  right: [number, number];
}

export interface EdgeOptions {
  /** Sideways offset of the curve's control point, as a fraction of the centres' distance; 0 is straight. */
  bend?: number;
  arrowLength?: number;
  arrowWidth?: number;
  /** Space between the arrow's tip and the target's outline. */
  gap?: number;
}

/** The edge from source to target, cut at both outlines, with the arrowhead's tip on the target's
 * outline. Null when the nodes overlap so that there is no room for the arrow. A self-reaction is a loop. */
export function edgeGeometry(source: EdgeEnd, target: EdgeEnd, options: EdgeOptions = {}): EdgeGeometry | null {
  const arrowLength = options.arrowLength ?? 7;
  const arrowWidth = options.arrowWidth ?? 5.5;
  const gap = options.gap ?? 1;
  const bend = options.bend ?? 0;
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const dist = Math.hypot(dx, dy);
  if (source === target || dist < 1e-6) {
    // A loop above the node: leaves at −60°, comes back at −120°.
    const lift = source.r * 2.6 + arrowLength;
    const outX = Math.cos(-Math.PI / 3);
    const outY = Math.sin(-Math.PI / 3);
    const inX = -outX;
    const inY = outY;
    const bSource = boundaryDistance(source.shape, source.r, outX, outY);
    const start: [number, number] = [source.x + outX * bSource, source.y + outY * bSource];
    const bTarget = boundaryDistance(target.shape, target.r, inX, inY) + gap;
    const tip: [number, number] = [target.x + inX * bTarget, target.y + inY * bTarget];
    const c1: [number, number] = [source.x + lift * 0.9, source.y - lift];
    const c2: [number, number] = [source.x - lift * 0.9, source.y - lift];
    return finish(start, c1, c2, tip, inX, inY, arrowLength, arrowWidth);
  }
  const ux = dx / dist;
  const uy = dy / dist;
  const cx = (source.x + target.x) / 2 - uy * bend * dist;
  const cy = (source.y + target.y) / 2 + ux * bend * dist;
  const outLen = Math.hypot(cx - source.x, cy - source.y) || 1;
  const inLen = Math.hypot(cx - target.x, cy - target.y) || 1;
  const outX = (cx - source.x) / outLen;
  const outY = (cy - source.y) / outLen;
  const inX = (cx - target.x) / inLen;
  const inY = (cy - target.y) / inLen;
  const bSource = boundaryDistance(source.shape, source.r, outX, outY);
  const bTarget = boundaryDistance(target.shape, target.r, inX, inY) + gap;
  if (bSource + bTarget + arrowLength > dist) return null;
  const start: [number, number] = [source.x + outX * bSource, source.y + outY * bSource];
  const tip: [number, number] = [target.x + inX * bTarget, target.y + inY * bTarget];
  return finish(start, [cx, cy], null, tip, inX, inY, arrowLength, arrowWidth);
}

function finish(
  start: [number, number],
  c1: [number, number],
  c2: [number, number] | null,
  tip: [number, number],
  inX: number,
  inY: number,
  arrowLength: number,
  arrowWidth: number,
): EdgeGeometry {
  const baseX = tip[0] + inX * arrowLength;
  const baseY = tip[1] + inY * arrowLength;
  const half = arrowWidth / 2;
  const left: [number, number] = [baseX - inY * half, baseY + inX * half];
  const right: [number, number] = [baseX + inY * half, baseY - inX * half];
  return { x1: start[0], y1: start[1], cx: c1[0], cy: c1[1], c2, x2: baseX, y2: baseY, tip, left, right };
}

/** The edge's line as an SVG path. */
export function edgePath(g: EdgeGeometry): string {
  const head = `M${fmt(g.x1)},${fmt(g.y1)}`;
  return g.c2
    ? `${head}C${fmt(g.cx)},${fmt(g.cy)} ${fmt(g.c2[0])},${fmt(g.c2[1])} ${fmt(g.x2)},${fmt(g.y2)}`
    : `${head}Q${fmt(g.cx)},${fmt(g.cy)} ${fmt(g.x2)},${fmt(g.y2)}`;
}

/** The edge's arrowhead as an SVG path. */
export function arrowPath(g: EdgeGeometry): string {
  return `M${fmt(g.tip[0])},${fmt(g.tip[1])}L${fmt(g.left[0])},${fmt(g.left[1])}L${fmt(g.right[0])},${fmt(g.right[1])}Z`;
}

/** Bends for edges that share a pair of nodes (either direction), so that none hides another: a lone
 * edge is straight; n edges fan out symmetrically, `step` apart. Keyed by edge id. */
export function parallelBends(edges: readonly { id: string; source: string; target: string }[], step = 0.2): Map<string, number> {
  const groups = new Map<string, { id: string; forward: boolean }[]>();
  for (const e of edges) {
    const forward = e.source <= e.target;
    const key = forward ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
    }
    group.push({ id: e.id, forward });
  }
  const bends = new Map<string, number>();
  for (const group of groups.values()) {
    const n = group.length;
    group.forEach((e, i) => {
      const offset = n === 1 ? 0 : (i - (n - 1) / 2) * step;
      // The control point's side flips with the direction, so reverse edges negate to keep their side.
      bends.set(e.id, e.forward || offset === 0 ? offset : -offset);
    });
  }
  return bends;
}

/** FNV-1a, 32 bits: a stable number from a string. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A starting position that depends only on the node's id and the seed, uniform in a disc of the
 * given radius around the origin: the same page gives the same layout, whatever the node order. */
export function seededPosition(id: string, radius: number, seed = 1): [number, number] {
  const angle = (hashString(id, seed) / 4294967296) * 2 * Math.PI;
  const dist = Math.sqrt(hashString(id, seed + 7919) / 4294967296) * radius;
  return [Math.cos(angle) * dist, Math.sin(angle) * dist];
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ZoomFit {
  k: number;
  x: number;
  y: number;
}

/** The zoom transform (screen = layout·k + (x, y)) that fits the box into width × height with padding,
 * centred, never enlarging beyond maxK. */
export function fitTransform(box: Box, width: number, height: number, padding = 24, maxK = 2): ZoomFit {
  const bw = Math.max(1, box.x1 - box.x0);
  const bh = Math.max(1, box.y1 - box.y0);
  const k = Math.min(maxK, Math.max(1e-3, (width - 2 * padding) / bw), Math.max(1e-3, (height - 2 * padding) / bh));
  const mx = (box.x0 + box.x1) / 2;
  const my = (box.y0 + box.y1) / 2;
  return { k, x: width / 2 - mx * k, y: height / 2 - my * k };
}

export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  r: number;
  text: string;
  /** Higher first. */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** The text's lines (a label's text may hold line breaks). */
  lines: string[];
  /** Text anchor point; the text is vertically centred on y. */
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
  box: Box;
}

export interface LabelOptions {
  fontSize: number;
  /** Lines (edges, as polylines: x, y pairs) that a label keeps clear of where some spot allows it; a
   * label that finds no such spot takes the one crossed by the fewest (its halo keeps it legible) rather
   * than be left out. */
  lines?: readonly (readonly number[])[];
  /** Space between a node's outline and its label. */
  gap?: number;
  /** At most this many labels. */
  max?: number;
  /** Other nodes that labels must not cover (defaults to the candidates). */
  obstacles?: readonly { x: number; y: number; r: number }[];
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Greedy label placement: by priority, each label tries right, left, below and above its node and
 * takes the first spot that covers no placed label and no other node; a label with no free spot is dropped. */
export function placeLabels(candidates: readonly LabelCandidate[], options: LabelOptions): PlacedLabel[] {
  const { fontSize } = options;
  const gap = options.gap ?? fontSize * 0.35;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const lineHeight = fontSize * 1.2;
  const obstacles = (options.obstacles ?? candidates).map((o) => ({
    x: o.x,
    y: o.y,
    box: { x0: o.x - o.r, y0: o.y - o.r, x1: o.x + o.r, y1: o.y + o.r },
  }));
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const crossings = (options.lines ?? []).map((points) => ({ points, box: polylineBox(points) }));
  const placed: PlacedLabel[] = [];
  for (const c of order) {
    if (placed.length >= max) break;
    const lines = c.text.split("\n");
    const width = Math.max(...lines.map((l) => textWidth(l, fontSize)));
    const height = lines.length * lineHeight + fontSize * 0.1;
    const at = (x: number, y: number, anchor: PlacedLabel["anchor"], bx: number, by: number): PlacedLabel => ({
      id: c.id,
      text: c.text,
      lines,
      x,
      y,
      anchor,
      box: box(bx, by, width, height),
    });
    // Beside, below and above the node, then at its four corners (where edges leave it less often).
    const d = (c.r + gap) * Math.SQRT1_2;
    const spots: PlacedLabel[] = [
      at(c.x + c.r + gap, c.y, "start", c.x + c.r + gap, c.y - height / 2),
      at(c.x - c.r - gap, c.y, "end", c.x - c.r - gap - width, c.y - height / 2),
      at(c.x, c.y + c.r + gap + height / 2, "middle", c.x - width / 2, c.y + c.r + gap),
      at(c.x, c.y - c.r - gap - height / 2, "middle", c.x - width / 2, c.y - c.r - gap - height),
      at(c.x + d, c.y - d - height / 2, "start", c.x + d, c.y - d - height),
      at(c.x + d, c.y + d + height / 2, "start", c.x + d, c.y + d),
      at(c.x - d, c.y - d - height / 2, "end", c.x - d - width, c.y - d - height),
      at(c.x - d, c.y + d + height / 2, "end", c.x - d - width, c.y + d),
    ];
    const free = (s: PlacedLabel) =>
      !placed.some((p) => overlaps(p.box, s.box)) && !obstacles.some((o) => !(o.x === c.x && o.y === c.y) && overlaps(o.box, s.box));
    const crossed = (s: PlacedLabel) => crossings.filter((l) => l.box && overlaps(l.box, s.box) && polylineHitsBox(l.points, s.box)).length;
    // The first free spot no edge crosses; else the free spot crossed by the fewest edges.
    let spot: PlacedLabel | undefined;
    let least = Number.POSITIVE_INFINITY;
    for (const s of spots) {
      if (!free(s)) continue;
      const n = crossed(s);
      if (n < least) [spot, least] = [s, n];
      if (n === 0) break;
    }
    if (spot) placed.push(spot);
  }
  return placed;
}

function polylineBox(p: readonly number[]): Box | null {
  if (p.length < 4) return null;
  const b = { x0: Number.POSITIVE_INFINITY, y0: Number.POSITIVE_INFINITY, x1: Number.NEGATIVE_INFINITY, y1: Number.NEGATIVE_INFINITY };
  for (let i = 0; i + 1 < p.length; i += 2) {
    const x = p[i] as number;
    const y = p[i + 1] as number;
    b.x0 = Math.min(b.x0, x);
    b.y0 = Math.min(b.y0, y);
    b.x1 = Math.max(b.x1, x);
    b.y1 = Math.max(b.y1, y);
  }
  return b;
}

/** Whether a segment of the polyline (x, y pairs) passes through the box (Liang–Barsky clipping). */
export function polylineHitsBox(p: readonly number[], b: Box): boolean {
  for (let i = 0; i + 3 < p.length; i += 2) {
    const [x0, y0, x1, y1] = [p[i] as number, p[i + 1] as number, p[i + 2] as number, p[i + 3] as number];
    const dx = x1 - x0;
    const dy = y1 - y0;
    let t0 = 0;
    let t1 = 1;
    const clip = (q: number, r: number) => {
      if (q === 0) return r >= 0;
      const t = r / q;
      if (q < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
      return true;
    };
    if (clip(-dx, x0 - b.x0) && clip(dx, b.x1 - x0) && clip(-dy, y0 - b.y0) && clip(dy, b.y1 - y0)) return true;
  }
  return false;
}

/** An edge's line and arrowhead as a polyline (x, y pairs), the curve sampled in `steps` pieces. */
export function edgePolyline(g: EdgeGeometry, steps = 12): number[] {
  const out: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    if (g.c2) {
      out.push(
        u * u * u * g.x1 + 3 * u * u * t * g.cx + 3 * u * t * t * g.c2[0] + t * t * t * g.x2,
        u * u * u * g.y1 + 3 * u * u * t * g.cy + 3 * u * t * t * g.c2[1] + t * t * t * g.y2,
      );
    } else out.push(u * u * g.x1 + 2 * u * t * g.cx + t * t * g.x2, u * u * g.y1 + 2 * u * t * g.cy + t * t * g.y2);
  }
  out.push(g.left[0], g.left[1], g.tip[0], g.tip[1], g.right[0], g.right[1]);
  return out;
}

function box(x: number, y: number, w: number, h: number): Box {
  return { x0: x, y0: y, x1: x + w, y1: y + h };
}

/** Shortens a label to at most `max` characters, ending with an ellipsis when cut. */
export function truncateLabel(text: string, max = 30): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, "")}…`;
}

/** Word-wraps a label into at most `maxLines` lines of at most `width` characters; what does not fit
 * ends the last line with an ellipsis. */
export function wrapLabel(text: string, width = 22, maxLines = 3): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const shorten = (line: string) => (line.length > width ? truncateLabel(line, width) : line);
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else if (lines.length === maxLines - 1) {
      lines.push(truncateLabel([line, ...words.slice(i)].join(" "), width));
      return lines;
    } else {
      lines.push(shorten(line));
      line = word;
    }
  }
  if (line) lines.push(shorten(line));
  return lines;
}

/** "1 reaction given, 0 received". */
export function reactionCounts(given: number, received: number): string {
  return `${given} reaction${given === 1 ? "" : "s"} given, ${received} received`;
}
