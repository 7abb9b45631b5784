// Drawing the network on a 2D canvas, for graphs too large for SVG elements. What keeps it fast on a
// software rasteriser: only what is on screen is drawn; paths are batched by colour but kept short
// (a single path of thousands of overlapping translucent lines or triangles costs ten times more to
// fill than the same in chunks); when nodes are a few pixels wide, edges run centre to centre and
// arrowheads are left out; labels are skipped while the view moves. Text is drawn with fillText,
// never parsed as markup. Coordinates are device pixels, so lines are sharp at any devicePixelRatio.

import type { Scene } from "@stancemap/charts";
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

const CHUNK = 256;

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

export function drawNetwork(ctx: CanvasRenderingContext2D, input: DrawInput): DrawStats {
  const { scene, positions: p, transform: t, width, height, dpr, colours, highlight, highlightEdges } = input;
  const started = performance.now();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  ctx.lineJoin = "round";

  // The visible rectangle in layout units, with a margin for node radii.
  const margin = scene.maxR * 1.6 + 2 / t.k;
  const vx0 = -t.x / t.k - margin;
  const vy0 = -t.y / t.k - margin;
  const vx1 = (width - t.x) / t.k + margin;
  const vy1 = (height - t.y) / t.k + margin;
  const onScreen = new Uint8Array(scene.nodes.length);
  let shown = 0;
  for (let i = 0; i < scene.nodes.length; i++) {
    const x = p[2 * i] as number;
    const y = p[2 * i + 1] as number;
    if (x >= vx0 && x <= vx1 && y >= vy0 && y <= vy1) {
      onScreen[i] = 1;
      shown++;
    }
  }
  // Detail (outlines cut at the node's edge, arrowheads) once nodes and arrows are big enough to see.
  const detailed = scene.arrowLength * t.k >= 3 && scene.maxR * t.k >= 3;
  const dim = highlight !== null && highlightEdges !== null;
  let edgesDrawn = 0;

  const strokeEdges = (list: readonly number[], colour: string, alpha: number, lineWidth: number) => {
    const opaque = alpha < 1 ? over(colour, colours.card, alpha) : colour;
    ctx.globalAlpha = opaque ? 1 : alpha;
    ctx.strokeStyle = opaque ?? colour;
    ctx.fillStyle = opaque ?? colour;
    ctx.lineWidth = lineWidth / t.k;
    const arrows: number[] = [];
    let inPath = 0;
    ctx.beginPath();
    for (const i of list) {
      const e = scene.edges[i];
      if (!e || (!onScreen[e.s] && !onScreen[e.t])) continue;
      const sx = p[2 * e.s] as number;
      const sy = p[2 * e.s + 1] as number;
      const tx = p[2 * e.t] as number;
      const ty = p[2 * e.t + 1] as number;
      // Off-screen both ends, but the segment may still cross the view: a cheap bounding-box test.
      if (
        !onScreen[e.s] &&
        !onScreen[e.t] &&
        (Math.max(sx, tx) < vx0 || Math.min(sx, tx) > vx1 || Math.max(sy, ty) < vy0 || Math.min(sy, ty) > vy1)
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
      edgesDrawn++;
      if (++inPath === CHUNK) {
        ctx.stroke();
        ctx.beginPath();
        inPath = 0;
      }
    }
    if (inPath > 0) ctx.stroke();
    for (let a = 0; a < arrows.length; a += 6 * 64) {
      ctx.beginPath();
      for (let j = a; j < Math.min(arrows.length, a + 6 * 64); j += 6) {
        ctx.moveTo(arrows[j] as number, arrows[j + 1] as number);
        ctx.lineTo(arrows[j + 2] as number, arrows[j + 3] as number);
        ctx.lineTo(arrows[j + 4] as number, arrows[j + 5] as number);
        ctx.closePath();
      }
      ctx.fill();
    }
  };

  const baseAlpha = scene.edges.length > 4000 ? 0.35 : 0.6;
  // Thousands of edges wait for the layout to settle: the nodes alone show it converging.
  const edgesNow = !input.laying || scene.edges.length <= 2000;
  for (const list of edgesNow ? input.bySentiment.values() : []) {
    const colour = scene.edges[list[0] ?? -1]?.colour ?? colours.muted;
    if (dim)
      strokeEdges(
        list.filter((i) => !highlightEdges.has(i)),
        colour,
        0.05,
        1,
      );
    else strokeEdges(list, colour, baseAlpha, 1);
  }
  if (dim && edgesNow) {
    for (const list of input.bySentiment.values()) {
      const mine = list.filter((i) => highlightEdges.has(i));
      if (mine.length > 0) strokeEdges(mine, scene.edges[mine[0] as number]?.colour ?? colours.muted, 1, 2);
    }
  }

  // Nodes: batched by type and shape (dimmed ones first), in short paths.
  ctx.lineWidth = 1 / t.k;
  ctx.strokeStyle = colours.card;
  const outline = t.k * scene.maxR > 4;
  for (const lit of dim ? [false, true] : [true]) {
    for (const type of ["actor", "event"] as const) {
      ctx.fillStyle = type === "event" ? colours.event : colours.node;
      ctx.globalAlpha = lit ? 1 : 0.15;
      for (const shape of SHAPES) {
        let inPath = 0;
        ctx.beginPath();
        for (const n of scene.nodes) {
          if (n.type !== type || n.shape !== shape || !onScreen[n.index]) continue;
          if (dim && (highlight.has(n.index) ?? false) !== lit) continue;
          trace(ctx, shape, p[2 * n.index] as number, p[2 * n.index + 1] as number, Math.max(n.r, 1.2 / t.k));
          if (++inPath === CHUNK / 2) {
            ctx.fill();
            if (outline) ctx.stroke();
            ctx.beginPath();
            inPath = 0;
          }
        }
        if (inPath > 0) {
          ctx.fill();
          if (outline) ctx.stroke();
        }
      }
    }
  }
  ctx.globalAlpha = 1;

  // Selection and pins.
  const ring = (i: number, lineWidth: number, dash: number[]) => {
    const n = scene.nodes[i];
    if (!n || !onScreen[i]) return;
    ctx.beginPath();
    trace(ctx, n.shape, p[2 * i] as number, p[2 * i + 1] as number, n.r + 2.5 / t.k);
    ctx.setLineDash(dash.map((d) => d / t.k));
    ctx.lineWidth = lineWidth / t.k;
    ctx.strokeStyle = colours.focus;
    ctx.stroke();
    ctx.setLineDash([]);
  };
  if (input.selected !== null) ring(input.selected, 3, []);
  for (const n of scene.nodes) if (onScreen[n.index] && input.pinned(n.id)) ring(n.index, 1.5, [3, 2]);

  // Labels, in screen pixels: the busiest nodes on screen and the highlighted ones.
  let labels = 0;
  if (!input.moving || highlight) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const visible = scene.nodes.filter((n) => onScreen[n.index]);
    const chosen = new Set(input.moving || highlight ? [] : [...visible].sort((a, b) => b.degree - a.degree).slice(0, 60));
    if (highlight) for (const i of highlight) if (scene.nodes[i] && onScreen[i]) chosen.add(scene.nodes[i]);
    if (input.selected !== null && scene.nodes[input.selected]) chosen.add(scene.nodes[input.selected] as (typeof visible)[number]);
    const sx = (i: number) => (p[2 * i] as number) * t.k + t.x;
    const sy = (i: number) => (p[2 * i + 1] as number) * t.k + t.y;
    // Obstacles: the chosen nodes and the biggest others (a few hundred checks per label at most);
    // with a highlight, only the highlighted nodes (the rest is faded).
    const others = highlight ? [] : [...visible].sort((a, b) => b.r - a.r).slice(0, 400);
    const obstacles = [...chosen, ...others].map((n) => ({
      x: sx(n.index),
      y: sy(n.index),
      r: n.r * t.k,
    }));
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
  return { ms: performance.now() - started, edges: edgesDrawn, nodes: shown, labels };
}
