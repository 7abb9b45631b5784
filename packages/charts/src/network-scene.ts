// From the reaction graph (core's buildReactionGraph) to what the network draws: nodes with shape,
// radius and seeded start, edges with colour, bend and accessible name, and who neighbours whom.
import type { GraphEdge, GraphNode } from "@stancemap/core";
import { buildReactionGraph, type GraphActor, type GraphEvent, type GraphReaction, reactionCountsFrom } from "@stancemap/core/model";
import { edgeColour, type NodeShape, nodeRadiusScale, nodeShape, parallelBends, sentimentLabel, wrapLabel } from "./network";
import { KIND_NAMES } from "./palette";

/** Above this many edges the network is drawn with WebGL (sigma.js) instead of as SVG elements: the
 * one threshold; SVG keeps each actor a focusable button, which past it costs more than it gives. */
export const SVG_MAX_EDGES = 1500;

export interface SceneNode {
  index: number;
  id: string;
  type: "actor" | "event";
  slug: string;
  label: string;
  /** The label as drawn beside the node: wrapped into lines ("\n"), long titles shortened. */
  short: string;
  kind: string;
  shape: NodeShape;
  r: number;
  degree: number;
  inDegree: number;
  outDegree: number;
  /** An event's date. */
  date: string | null;
}

export interface SceneEdge {
  index: number;
  id: string;
  s: number;
  t: number;
  sentiment: string;
  colour: string;
  bend: number;
  /** EDTF, or null when the sources do not say when it was made. */
  date: string | null;
  /** EDTF: when a source first reports it. */
  attested: string;
  /** "Fawzia Koofi → Russia recognises the Islamic Emirate of Afghanistan: critical" */
  name: string;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  /** Per node: the nodes it is linked to, either way. */
  neighbours: number[][];
  /** Per node: its edges, either way. */
  incident: number[][];
  maxR: number;
  /** SVG elements, or WebGL (a 2D canvas where the browser has no WebGL2). */
  renderer: "svg" | "webgl";
  arrowLength: number;
  arrowWidth: number;
}

export function kindLabel(kind: string): string {
  return KIND_NAMES[kind] ?? kind.replace(/-/g, " ");
}

export function buildScene(graph: { nodes: GraphNode[]; edges: GraphEdge[] }, eventDates: ReadonlyMap<string, string>): Scene {
  const small = graph.nodes.length <= 150;
  const renderer = graph.edges.length <= SVG_MAX_EDGES ? "svg" : "webgl";
  // Events first, then actors by name: the order of the nodes for keyboard users.
  const sorted = [...graph.nodes].sort((a, b) =>
    a.type !== b.type ? (a.type === "event" ? -1 : 1) : a.label.localeCompare(b.label, "en") || a.slug.localeCompare(b.slug),
  );
  const maxDegree = sorted.reduce((m, n) => Math.max(m, n.degree), 0);
  // The scale runs to at least 10 reactions, so that in a sparse network (early dates, narrow
  // filters) a node with one or two reactions stays small.
  const radius = nodeRadiusScale(Math.max(maxDegree, 10), small ? [6, 26] : [2, 9]);
  const indexById = new Map<string, number>();
  const nodes: SceneNode[] = sorted.map((n, index) => {
    indexById.set(n.id, index);
    return {
      index,
      id: n.id,
      type: n.type,
      slug: n.slug,
      label: n.label,
      short: wrapLabel(n.label, 22, small ? 3 : 2).join("\n"),
      kind: n.kind,
      shape: nodeShape(n.type === "event" ? "event" : n.kind),
      r: radius(n.degree),
      degree: n.degree,
      inDegree: n.inDegree,
      outDegree: n.outDegree,
      date: n.type === "event" ? (eventDates.get(n.slug) ?? null) : null,
    };
  });
  const bends = parallelBends(graph.edges);
  const neighbours: number[][] = nodes.map(() => []);
  const incident: number[][] = nodes.map(() => []);
  const edges: SceneEdge[] = [];
  for (const e of graph.edges) {
    const s = indexById.get(e.source);
    const t = indexById.get(e.target);
    if (s === undefined || t === undefined) continue;
    const index = edges.length;
    const source = nodes[s] as SceneNode;
    const target = nodes[t] as SceneNode;
    edges.push({
      index,
      id: e.id,
      s,
      t,
      sentiment: e.sentiment,
      colour: edgeColour(e.sentiment),
      bend: bends.get(e.id) ?? 0,
      date: e.date,
      attested: e.attested,
      name: `${source.label} → ${target.label}: ${sentimentLabel(e.sentiment).toLowerCase()}`,
    });
    (incident[s] as number[]).push(index);
    if (t !== s) (incident[t] as number[]).push(index);
    (neighbours[s] as number[]).push(t);
    (neighbours[t] as number[]).push(s);
  }
  return {
    nodes,
    edges,
    neighbours: neighbours.map((list) => [...new Set(list)]),
    incident,
    maxR: nodes.reduce((m, n) => Math.max(m, n.r), 0),
    renderer,
    arrowLength: small ? 8 : 4,
    arrowWidth: small ? 6 : 3,
  };
}

/** The network at a date: the reactions counting by then, with the filters (sentiments, kinds of the
 * reacting actor), among the actors they name. The dashboard's view and the page's server (its settled
 * layout, network-layout.ts) both draw this scene. */
export function reactionScene(input: {
  actors: readonly GraphActor[];
  events: readonly GraphEvent[];
  reactions: readonly GraphReaction[];
  date: string;
  sentiments: readonly string[];
  kinds: readonly string[];
}): Scene {
  const reactions = input.reactions.filter((r) => reactionCountsFrom(r) <= input.date);
  const graph = buildReactionGraph({
    actors: input.actors,
    events: input.events,
    reactions,
    filter: { to: input.date, sentiments: input.sentiments, kinds: input.kinds },
  });
  return buildScene(graph, new Map(input.events.map((e) => [e.slug, e.date])));
}
