// Drawing the network on a 2D canvas, for graphs too large for SVG elements. What keeps it fast on a
// software rasteriser: only what is on screen is drawn; paths are batched by colour but kept short
// (a single path of thousands of overlapping translucent lines or triangles costs ten times more to
// fill than the same in chunks); when nodes are a few pixels wide, edges run centre to centre and
// arrowheads are left out; labels are skipped while the view moves. Text is drawn with fillText,
// never parsed as markup. Coordinates are device pixels, so lines are sharp at any devicePixelRatio.
//
// Two layers: the base (every edge and node, undimmed, no labels) is drawn once per layout frame, view
// and selection, into a canvas of its own; the overlay (the hover highlight and the labels) is drawn over
// a copy of it. Hovering a node in a graph of 100,000 edges then costs a copy, a veil and the node's own
// edges, not 100,000 edges again.

import type { Scene, SceneNode } from "@stancemap/charts";
import { edgeGeometry, type NodeShape, placeLabels, shapeVertices } from "@stancemap/charts";

export interface CanvasColours {
  fg: string;
  bg: string;
  card: string;
  muted: string;
  node: string;
  event: string;
  focus: string;
}

export interface DrawInput {
  scene: Scene;
  positions: Float32Array;
  /** Sentiment → indices of its edges, for batching. */
  bySentiment: ReadonlyMap<string, number[]>;
  transform: { k: number; x: number; y: number };
  width: number;
  height: number;
  dpr: number;
  colours: CanvasColours;
  /** The hovered or focused node and its neighbours; everything else dimmed. */
  highlight: ReadonlySet<number> | null;
  highlightEdges: ReadonlySet<number> | null;
  selected: number | null;
  pinned: (id: string) => boolean;
  /** While panning, zooming or laying out: skip labels. */
  moving: boolean;
  /** The layout is still running. */
  laying: boolean;
}

export interface DrawStats {
  ms: number;
  edges: number;
  nodes: number;
  labels: number;
}

/** What the base layer shows: the same input draws the same base (the hover highlight is not part of it). */
export type BaseInput = Omit<DrawInput, "highlight" | "highlightEdges">;

/** How much of the base shows through the veil over what a highlight leaves out: edges drawn at 0.35
 * fade to about 0.05, nodes to 0.15. */
export const VEIL = 0.85;

const CHUNK = 256;
/** Nodes narrower than this on screen (CSS pixels) are drawn as squares: too small to show a shape. */
const DOT_PX = 4;

/** `colour` at `alpha` over `background`, as an opaque colour: translucent lines by the thousand
 * cost a software rasteriser ten times more than opaque ones. Null if either is not #rgb or #rrggbb. */
export function over(colour: string, background: string, alpha: number): string | null {
  const rgb = (hex: string) => {
    const h = hex.trim();
    if (/^#[0-9a-f]{6}$/i.test(h)) return [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
    if (/^#[0-9a-f]{3}$/i.test(h)) return [1, 2, 3].map((i) => Number.parseInt(h.charAt(i).repeat(2), 16));
    return null;
  };
  const a = rgb(colour);
  const b = rgb(background);
  if (!a || !b) return null;
  const mix = a.map((c, i) => Math.round(c * alpha + (b[i] as number) * (1 - alpha)));
  return `rgb(${mix.join(",")})`;
}
const SHAPES: readonly NodeShape[] = ["circle", "square", "diamond", "triangle", "hexagon"];
const unit = new Map<NodeShape, [number, number][]>(SHAPES.map((s) => [s, shapeVertices(s, 1)]));

function trace(ctx: CanvasRenderingContext2D, shape: NodeShape, x: number, y: number, r: number) {
  if (shape === "circle") {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  const v = unit.get(shape) ?? [];
  for (let i = 0; i < v.length; i++) {
    const [vx, vy] = v[i] as [number, number];
    if (i === 0) ctx.moveTo(x + vx * r, y + vy * r);
    else ctx.lineTo(x + vx * r, y + vy * r);
  }
  ctx.closePath();
}

/** Nodes whose centre lies in the view (with a margin for their radii), and the view in layout units. */
function onScreenNodes(input: BaseInput) {
  const { scene, positions: p, transform: t, width, height } = input;
  const margin = scene.maxR * 1.6 + 2 / t.k;
  const view = {
    x0: -t.x / t.k - margin,
    y0: -t.y / t.k - margin,
    x1: (width - t.x) / t.k + margin,
    y1: (height - t.y) / t.k + margin,
  };
  const onScreen = new Uint8Array(scene.nodes.length);
  let shown = 0;
  for (let i = 0; i < scene.nodes.length; i++) {
    const x = p[2 * i] as number;
    const y = p[2 * i + 1] as number;
    if (x >= view.x0 && x <= view.x1 && y >= view.y0 && y <= view.y1) {
      onScreen[i] = 1;
      shown++;
    }
  }
  return { onScreen, shown, view };
}

/** Strokes edges (indices into the scene) in short paths, with their arrowheads when detailed; pauses
 * (yields) after each path, so that a large drawing can be spread over several frames. */
function* strokeEdges(
  ctx: CanvasRenderingContext2D,
  input: BaseInput,
  onScreen: Uint8Array,
  view: { x0: number; y0: number; x1: number; y1: number },
  list: Iterable<number>,
  style: { colour: string; alpha: number; lineWidth: number },
): Generator<void, number> {
  const { scene, positions: p, transform: t, colours } = input;
  const detailed = scene.arrowLength * t.k >= 3 && scene.maxR * t.k >= 3;
  const opaque = style.alpha < 1 ? over(style.colour, colours.card, style.alpha) : style.colour;
  ctx.globalAlpha = opaque ? 1 : style.alpha;
  ctx.strokeStyle = opaque ?? style.colour;
  ctx.fillStyle = opaque ?? style.colour;
  ctx.lineWidth = style.lineWidth / t.k;
  const arrows: number[] = [];
  let drawn = 0;
  let inPath = 0;
  ctx.beginPath();
  for (const i of list) {
    const e = scene.edges[i];
    if (!e) continue;
    const sx = p[2 * e.s] as number;
    const sy = p[2 * e.s + 1] as number;
    const tx = p[2 * e.t] as number;
    const ty = p[2 * e.t + 1] as number;
    // Off-screen both ends, but the segment may still cross the view: a cheap bounding-box test.
    if (
      !onScreen[e.s] &&
      !onScreen[e.t] &&
      (Math.max(sx, tx) < view.x0 || Math.min(sx, tx) > view.x1 || Math.max(sy, ty) < view.y0 || Math.min(sy, ty) > view.y1)
    )
      continue;
    if (detailed || e.s === e.t) {
      const s = scene.nodes[e.s];
      const n = scene.nodes[e.t];
      if (!s || !n) continue;
      const source = { x: sx, y: sy, r: s.r, shape: s.shape };
      const g = edgeGeometry(source, e.s === e.t ? source : { x: tx, y: ty, r: n.r, shape: n.shape }, {
        bend: e.bend,
        arrowLength: scene.arrowLength,
        arrowWidth: scene.arrowWidth,
      });
      if (!g) continue;
      ctx.moveTo(g.x1, g.y1);
      if (g.c2) ctx.bezierCurveTo(g.cx, g.cy, g.c2[0], g.c2[1], g.x2, g.y2);
      else if (e.bend === 0) ctx.lineTo(g.x2, g.y2);
      else ctx.quadraticCurveTo(g.cx, g.cy, g.x2, g.y2);
      if (detailed && onScreen[e.t]) arrows.push(g.tip[0], g.tip[1], g.left[0], g.left[1], g.right[0], g.right[1]);
    } else {
      ctx.moveTo(sx, sy);
      if (e.bend === 0) ctx.lineTo(tx, ty);
      else {
        const dx = tx - sx;
        const dy = ty - sy;
        ctx.quadraticCurveTo((sx + tx) / 2 - dy * e.bend, (sy + ty) / 2 + dx * e.bend, tx, ty);
      }
    }
    drawn++;
    if (++inPath === CHUNK) {
      ctx.stroke();
      yield;
      ctx.beginPath();
      inPath = 0;
    }
  }
  if (inPath > 0) {
    ctx.stroke();
    yield;
  }
  for (let a = 0; a < arrows.length; a += 6 * 64) {
    ctx.beginPath();
    for (let j = a; j < Math.min(arrows.length, a + 6 * 64); j += 6) {
      ctx.moveTo(arrows[j] as number, arrows[j + 1] as number);
      ctx.lineTo(arrows[j + 2] as number, arrows[j + 3] as number);
      ctx.lineTo(arrows[j + 4] as number, arrows[j + 5] as number);
      ctx.closePath();
    }
    ctx.fill();
    yield;
  }
  ctx.globalAlpha = 1;
  return drawn;
}

/** The scene's nodes grouped by type and shape (the batches they are filled in), once per scene. */
const groupsOf = new WeakMap<Scene, Map<string, number[]>>();
function nodeGroups(scene: Scene, indices?: Iterable<number>): Map<string, number[]> {
  const cached = indices === undefined ? groupsOf.get(scene) : undefined;
  if (cached) return cached;
  const groups = new Map<string, number[]>();
  for (const i of indices ?? scene.nodes.map((n) => n.index)) {
    const n = scene.nodes[i];
    if (!n) continue;
    const key = `${n.type} ${n.shape}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  if (indices === undefined) groupsOf.set(scene, groups);
  return groups;
}

/** Fills nodes (those of `groups` that `mask` marks, or all), batched by type and shape in short paths,
 * outlined once they are big enough. */
function* fillNodes(
  ctx: CanvasRenderingContext2D,
  input: BaseInput,
  groups: Map<string, number[]>,
  mask: Uint8Array | null,
): Generator<void, void> {
  const { scene, positions: p, transform: t, colours } = input;
  ctx.lineWidth = 1 / t.k;
  ctx.strokeStyle = colours.card;
  const outline = t.k * scene.maxR > 4;
  for (const type of ["actor", "event"] as const) {
    ctx.fillStyle = type === "event" ? colours.event : colours.node;
    for (const shape of SHAPES) {
      const group = groups.get(`${type} ${shape}`);
      if (!group) continue;
      let inPath = 0;
      ctx.beginPath();
      for (const i of group) {
        if (mask && !mask[i]) continue;
        const r = Math.max((scene.nodes[i] as SceneNode).r, 1.2 / t.k);
        const x = p[2 * i] as number;
        const y = p[2 * i + 1] as number;
        // A dot under DOT_PX screen pixels across shows no shape: a square of the same area costs a
        // software rasteriser a quarter of a circle's time (20,000 nodes: 25 ms instead of 99).
        if (r * t.k < DOT_PX / 2) {
          const h = r * 0.886;
          ctx.rect(x - h, y - h, 2 * h, 2 * h);
        } else trace(ctx, shape, x, y, r);
        if (++inPath === CHUNK / 2) {
          ctx.fill();
          if (outline) ctx.stroke();
          yield;
          ctx.beginPath();
          inPath = 0;
        }
      }
      if (inPath > 0) {
        ctx.fill();
        if (outline) ctx.stroke();
        yield;
      }
    }
  }
}

/** The ring around the selected node (solid) or a pinned one (dashed). */
function ring(ctx: CanvasRenderingContext2D, input: BaseInput, i: number, lineWidth: number, dash: number[]) {
  const { scene, positions: p, transform: t, colours } = input;
  const n = scene.nodes[i];
  if (!n) return;
  ctx.beginPath();
  trace(ctx, n.shape, p[2 * i] as number, p[2 * i + 1] as number, n.r + 2.5 / t.k);
  ctx.setLineDash(dash.map((d) => d / t.k));
  ctx.lineWidth = lineWidth / t.k;
  ctx.strokeStyle = colours.focus;
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Runs a drawing's steps to the end, at once. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The base layer: every edge and node on screen, undimmed, with the selection and pins; no labels.
 * Thousands of edges wait for the layout to settle: the nodes alone show it converging. As steps (one
 * path each) that the caller runs within a time budget per frame, so that 100,000 edges never make one
 * long task; `drawBase` runs them at once. */
export function* baseSteps(ctx: CanvasRenderingContext2D, input: BaseInput): Generator<void, DrawStats> {
  const { scene, transform: t, width, height, dpr } = input;
  const started = performance.now();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  ctx.lineJoin = "round";
  // A drawing abandoned part-way may have left its alpha on this context.
  ctx.globalAlpha = 1;
  const { onScreen, shown, view } = onScreenNodes(input);
  let edges = 0;
  if (!input.laying || scene.edges.length <= 2000) {
    const alpha = scene.edges.length > 4000 ? 0.35 : 0.6;
    for (const list of input.bySentiment.values()) {
      const colour = scene.edges[list[0] ?? -1]?.colour ?? input.colours.muted;
      edges += yield* strokeEdges(ctx, input, onScreen, view, list, { colour, alpha, lineWidth: 1 });
    }
  }
  yield* fillNodes(ctx, input, nodeGroups(scene), onScreen);
  if (input.selected !== null && onScreen[input.selected]) ring(ctx, input, input.selected, 3, []);
  for (const n of scene.nodes) if (onScreen[n.index] && input.pinned(n.id)) ring(ctx, input, n.index, 1.5, [3, 2]);
  return { ms: performance.now() - started, edges, nodes: shown, labels: 0 };
}

export function drawBase(ctx: CanvasRenderingContext2D, input: BaseInput): DrawStats {
  return finish(baseSteps(ctx, input));
}

/** The overlay, drawn over a copy of the base: with a highlight, a veil over the base and the highlighted
 * node's edges and neighbours at full strength; then the labels (the busiest nodes on screen, or the
 * highlighted ones). */
export function drawOverlay(ctx: CanvasRenderingContext2D, input: DrawInput): DrawStats {
  const { scene, positions: p, transform: t, dpr, colours, highlight, highlightEdges } = input;
  const started = performance.now();
  const { onScreen, view } = onScreenNodes(input);
  const dim = highlight !== null && highlightEdges !== null;
  let edges = 0;
  let nodes = 0;
  if (dim) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = VEIL;
    ctx.fillStyle = colours.card;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.globalAlpha = 1;
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    ctx.lineJoin = "round";
    if (!input.laying || scene.edges.length <= 2000) {
      const byColour = new Map<string, number[]>();
      for (const i of highlightEdges) {
        const colour = scene.edges[i]?.colour ?? colours.muted;
        const list = byColour.get(colour);
        if (list) list.push(i);
        else byColour.set(colour, [i]);
      }
      for (const [colour, list] of byColour)
        edges += finish(strokeEdges(ctx, input, onScreen, view, list, { colour, alpha: 1, lineWidth: 2 }));
    }
    const lit = [...highlight].filter((i) => onScreen[i]);
    nodes = lit.length;
    finish(fillNodes(ctx, input, nodeGroups(scene, lit), null));
    if (input.selected !== null && onScreen[input.selected]) ring(ctx, input, input.selected, 3, []);
  }

  // Labels, in screen pixels: the busiest nodes on screen and the highlighted ones.
  let labels = 0;
  if (!input.moving || highlight) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const chosen = new Set<SceneNode>();
    const others: SceneNode[] = [];
    if (!input.moving && !highlight) {
      const visible = scene.nodes.filter((n) => onScreen[n.index]);
      for (const n of [...visible].sort((a, b) => b.degree - a.degree).slice(0, 60)) chosen.add(n);
      // Obstacles: the chosen nodes and the biggest others (a few hundred checks per label at most).
      others.push(...visible.sort((a, b) => b.r - a.r).slice(0, 400));
    }
    // With a highlight, only the highlighted nodes (the rest is veiled).
    if (highlight) for (const i of highlight) if (scene.nodes[i] && onScreen[i]) chosen.add(scene.nodes[i]);
    if (input.selected !== null && scene.nodes[input.selected]) chosen.add(scene.nodes[input.selected] as SceneNode);
    const sx = (i: number) => (p[2 * i] as number) * t.k + t.x;
    const sy = (i: number) => (p[2 * i + 1] as number) * t.k + t.y;
    const obstacles = [...chosen, ...others].map((n) => ({ x: sx(n.index), y: sy(n.index), r: n.r * t.k }));
    const placed = placeLabels(
      [...chosen].map((n) => ({
        id: String(n.index),
        x: sx(n.index),
        y: sy(n.index),
        r: n.r * t.k,
        text: n.short,
        priority: n.degree + (highlight?.has(n.index) ? 1e6 : 0) + (input.selected === n.index ? 2e6 : 0),
      })),
      { fontSize: 12, obstacles, max: 60 },
    );
    ctx.font = "12px 'Noto Sans', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    ctx.textBaseline = "middle";
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.card;
    ctx.fillStyle = colours.fg;
    for (const l of placed) {
      ctx.textAlign = l.anchor === "middle" ? "center" : l.anchor === "end" ? "right" : "left";
      ctx.globalAlpha = dim && !highlight?.has(Number(l.id)) ? 0.3 : 1;
      l.lines.forEach((line, i) => {
        const y = l.y + (i - (l.lines.length - 1) / 2) * 12 * 1.2;
        ctx.strokeText(line, l.x, y);
        ctx.fillText(line, l.x, y);
      });
    }
    ctx.globalAlpha = 1;
    labels = placed.length;
  }
  return { ms: performance.now() - started, edges, nodes, labels };
}
