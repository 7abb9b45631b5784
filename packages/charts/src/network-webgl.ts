// The network as a WebGL renderer (sigma.js, in the app) draws it above the SVG limit: node and edge
// attributes from the scene, free of graphology and the DOM, and what a hovered node lights up.
import type { NodeShape } from "./network";
import type { Scene } from "./network-scene";

/** Up to this many edges a click on one shows its evidence; past it, picking would draw every edge a second
 * time per frame, and camera moves hide the edges until they stop (WebglNetwork.tsx). */
export const WEBGL_EDGE_PICKING_MAX = 20_000;

/** The shapes sigma draws as signed distance fields; an event's hexagon is drawn as a circle in its own colour. */
export type WebglShape = "circle" | "square" | "diamond" | "triangle";

export function webglShape(shape: NodeShape): WebglShape {
  return shape === "hexagon" ? "circle" : shape;
}

export interface WebglNodeAttributes {
  label: string;
  /** Radius in layout units, as the scene gives it. */
  size: number;
  shape: WebglShape;
  type: "actor" | "event";
  /** The scene's index: the order the layout worker's positions come in. */
  index: number;
}

export interface WebglEdgeAttributes {
  colour: string;
  /** The scene's index. */
  index: number;
}

export interface WebglGraphData {
  nodes: { key: string; attributes: WebglNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: WebglEdgeAttributes }[];
}

/** Nodes keyed by their scene id, edges by their reaction id, colours as `rgba()` at the scene's edge opacity. */
export function webglGraphData(scene: Scene): WebglGraphData {
  const alpha = edgeOpacity(scene.edges.length);
  return {
    nodes: scene.nodes.map((n) => ({
      key: n.id,
      attributes: { label: n.label, size: n.r, shape: webglShape(n.shape), type: n.type, index: n.index },
    })),
    edges: scene.edges.map((e) => ({
      key: e.id,
      source: (scene.nodes[e.s] as { id: string }).id,
      target: (scene.nodes[e.t] as { id: string }).id,
      attributes: { colour: rgba(e.colour, alpha), index: e.index },
    })),
  };
}

/** Edges fade as they multiply, so that 100,000 lines still show where they gather rather than one blot. */
export function edgeOpacity(edges: number): number {
  if (edges <= 2000) return 0.7;
  return Math.max(0.12, Math.min(0.7, 0.7 * Math.sqrt(2000 / edges)));
}

/** `#rrggbb` or `#rgb` at `alpha`, as `rgba(r,g,b,a)`; anything else unchanged. */
export function rgba(colour: string, alpha: number): string {
  const h = colour.trim();
  const six = /^#[0-9a-f]{6}$/i.test(h) ? h : /^#[0-9a-f]{3}$/i.test(h) ? `#${[1, 2, 3].map((i) => h.charAt(i).repeat(2)).join("")}` : null;
  if (!six) return colour;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(six.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${Math.round(alpha * 1000) / 1000})`;
}

/** What hovering node `index` lights up: the node and its neighbours, and the edges that touch it (scene indices). */
export function webglHighlight(scene: Scene, index: number | null): { nodes: Set<number>; edges: Set<number> } | null {
  if (index === null || !scene.nodes[index]) return null;
  return { nodes: new Set([index, ...(scene.neighbours[index] ?? [])]), edges: new Set(scene.incident[index] ?? []) };
}
