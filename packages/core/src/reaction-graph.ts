// The reaction network: actors and events as nodes, reactions as directed edges from reacting actor to target.
// Reactions count from the first day of their date (EDTF), or of their attestation when the sources do not
// date them, as core's reactionCountsFrom says.
import { reactionCountsFrom } from "./time/holding";
export interface GraphActor {
  slug: string;
  name: string;
  kind: string;
}

export interface GraphEvent {
  slug: string;
  title: string;
  date: string;
}

export interface GraphReaction {
  id: string;
  actor: string;
  target: { actor: string } | { event: string };
  /** EDTF; absent or null when the sources do not say when it was made. */
  date?: string | null | undefined;
  /** EDTF: when a source first reports it. */
  attested: string;
  sentiment: string;
}

export interface GraphNode {
  id: string;
  type: "actor" | "event";
  slug: string;
  label: string;
  kind: string;
  /** Reactions given plus received: the node's activity. */
  degree: number;
  outDegree: number;
  inDegree: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  sentiment: string;
  /** EDTF, or null when the sources do not say when it was made. */
  date: string | null;
  /** EDTF: when a source first reports it. */
  attested: string;
}

export interface ReactionFilter {
  /** ISO days: a reaction is in when the day it counts from (reactionCountsFrom) lies between them. */
  from?: string;
  to?: string;
  sentiments?: readonly string[];
  kinds?: readonly string[];
}

export const actorNodeId = (slug: string) => `actor:${slug}`;
export const eventNodeId = (slug: string) => `event:${slug}`;

export function buildReactionGraph(input: {
  actors: readonly GraphActor[];
  events: readonly GraphEvent[];
  reactions: readonly GraphReaction[];
  filter?: ReactionFilter;
}): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const f = input.filter ?? {};
  const sentiments = f.sentiments && f.sentiments.length > 0 ? new Set(f.sentiments) : null;
  const kinds = f.kinds && f.kinds.length > 0 ? new Set(f.kinds) : null;
  const actors = new Map(input.actors.map((a) => [a.slug, a]));
  const events = new Map(input.events.map((e) => [e.slug, e]));
  const nodes = new Map<string, GraphNode>();

  const actorNode = (slug: string): GraphNode | null => {
    const actor = actors.get(slug);
    if (!actor) return null;
    const id = actorNodeId(slug);
    let node = nodes.get(id);
    if (!node) {
      node = { id, type: "actor", slug, label: actor.name, kind: actor.kind, degree: 0, outDegree: 0, inDegree: 0 };
      nodes.set(id, node);
    }
    return node;
  };
  const eventNode = (slug: string): GraphNode | null => {
    const event = events.get(slug);
    if (!event) return null;
    const id = eventNodeId(slug);
    let node = nodes.get(id);
    if (!node) {
      node = { id, type: "event", slug, label: event.title, kind: "event", degree: 0, outDegree: 0, inDegree: 0 };
      nodes.set(id, node);
    }
    return node;
  };

  const edges: GraphEdge[] = [];
  for (const r of input.reactions) {
    const day = f.from || f.to ? reactionCountsFrom(r) : "";
    if (f.from && day < f.from) continue;
    if (f.to && day > f.to) continue;
    if (sentiments && !sentiments.has(r.sentiment)) continue;
    const reacting = actors.get(r.actor);
    if (!reacting || (kinds && !kinds.has(reacting.kind))) continue;
    const source = actorNode(r.actor);
    const target = "actor" in r.target ? actorNode(r.target.actor) : eventNode(r.target.event);
    if (!source || !target) continue;
    source.outDegree += 1;
    source.degree += 1;
    target.inDegree += 1;
    target.degree += 1;
    edges.push({ id: r.id, source: source.id, target: target.id, sentiment: r.sentiment, date: r.date ?? null, attested: r.attested });
  }
  return { nodes: [...nodes.values()], edges };
}
