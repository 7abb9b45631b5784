// The network's force layout, shared by the dashboard (which ticks it in a Web Worker, a slice at a
// time) and the publication export (which ticks it to the end at once): the same forces and settings
// by graph size, and the same seeded start, so that both show the same picture once it settles.
// Deterministic: same graph and starting positions, same layout (d3-force's own seeded randomness).
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3-force";
import { seededPosition } from "./network";

export interface ForceSettings {
  charge: number;
  chargeDistanceMax: number;
  theta: number;
  linkDistance: number;
  collidePadding: number;
  gravity: number;
  alphaDecay: number;
}

/** Small graphs spread out with room for labels; large ones pack tighter and converge sooner. */
export function forceSettings(nodes: number, links: number): ForceSettings {
  if (nodes <= 150) {
    return { charge: -260, chargeDistanceMax: 600, theta: 0.8, linkDistance: 70, collidePadding: 8, gravity: 0.06, alphaDecay: 0.0228 };
  }
  const dense = links / Math.max(1, nodes);
  return {
    charge: dense > 3 ? -35 : -45,
    chargeDistanceMax: 400,
    theta: 0.9,
    linkDistance: 30,
    collidePadding: 2,
    gravity: 0.04,
    alphaDecay: 0.03,
  };
}

/** Starting spread (radius of the disc of seeded positions) for n nodes. */
export function seedRadius(n: number): number {
  return 30 * Math.sqrt(Math.max(1, n));
}

/** A node of the layout: d3-force's position and velocity, and the node's radius. */
export interface NetworkLayoutNode extends SimulationNodeDatum {
  r: number;
}

/** The network's simulation over `nodes` (moved in place) and `links` (indices into `nodes`), stopped:
 * the caller ticks it. Starts at `alpha` (1 for a fresh layout, less when most nodes keep their places). */
export function networkSimulation<N extends NetworkLayoutNode>(
  nodes: N[],
  links: readonly { source: number; target: number }[],
  alpha: number,
): Simulation<N, undefined> {
  const f = forceSettings(nodes.length, links.length);
  return (
    forceSimulation<N>(nodes)
      .stop()
      .alpha(alpha)
      .alphaDecay(f.alphaDecay)
      .force(
        "link",
        forceLink<N, SimulationLinkDatum<N>>(links.map((l) => ({ source: l.source, target: l.target })))
          .id((_, i) => i)
          .distance((l) => f.linkDistance + (l.source as N).r + (l.target as N).r),
      )
      .force("charge", forceManyBody<N>().strength(f.charge).theta(f.theta).distanceMax(f.chargeDistanceMax))
      .force(
        "collide",
        forceCollide<N>((n) => n.r + f.collidePadding),
      )
      .force("x", forceX<N>(0).strength(f.gravity))
      // Pulled harder toward the middle vertically: the drawing fits a landscape viewport.
      .force("y", forceY<N>(0).strength(f.gravity * 1.7))
  );
}

/** Most ticks `settleNetwork` runs; a fresh layout settles in about 300 (small graphs) or 230. */
export const SETTLE_MAX_TICKS = 600;

/** The settled layout of a fresh network, as the dashboard shows it once the layout stops: every node
 * starts at its seeded place, the simulation runs from alpha 1 until it cools below alphaMin. The result
 * depends on the order of nodes and links too: pass them in the dashboard scene's order to get its picture. */
export function settleNetwork(
  nodes: readonly { id: string; r: number }[],
  links: readonly { source: number; target: number }[],
): { x: number; y: number }[] {
  const spread = seedRadius(nodes.length);
  const laid: NetworkLayoutNode[] = nodes.map((n) => {
    const [x, y] = seededPosition(n.id, spread);
    return { x, y, r: n.r, fx: null, fy: null };
  });
  const sim = networkSimulation(laid, links, 1);
  for (let ticks = 0; ticks < SETTLE_MAX_TICKS; ticks++) {
    sim.tick();
    if (sim.alpha() < sim.alphaMin()) break;
  }
  return laid.map((n) => ({ x: n.x ?? 0, y: n.y ?? 0 }));
}

/** A content key of a scene's graph (its node ids and edges, in order), to tell whether a layout made
 * elsewhere (the page's server) is this graph's: FNV-1a, in base 36. */
export function sceneKey(scene: { nodes: readonly { id: string }[]; edges: readonly { s: number; t: number }[] }): string {
  let h = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  for (const n of scene.nodes) add(`${n.id}\u0000`);
  for (const e of scene.edges) add(`${e.s}>${e.t};`);
  return `${scene.nodes.length}.${scene.edges.length}.${(h >>> 0).toString(36)}`;
}

/** A scene's settled layout, made where the page is rendered: its key (`sceneKey`) and x, y per node, to
 * a hundredth of a unit. */
export interface SettledLayout {
  key: string;
  positions: number[];
}

/** Most nodes the page's server lays out for the dashboard, on its event loop: about 40 ms at 60 nodes on a
 * 2-core machine (13 ms at the shipped network's 24; 150 at 150 nodes), once per revision, date and
 * filters. A larger network settles in the browser's layout worker. */
export const SETTLED_MAX_NODES = 60;

/** The settled layout of a fresh scene (`settleNetwork`, the picture the dashboard's layout worker ends
 * on), or null past SETTLED_MAX_NODES. */
export function settledLayout(scene: {
  nodes: readonly { id: string; r: number }[];
  edges: readonly { s: number; t: number }[];
}): SettledLayout | null {
  if (scene.nodes.length === 0 || scene.nodes.length > SETTLED_MAX_NODES) return null;
  const at = settleNetwork(
    scene.nodes,
    scene.edges.map((e) => ({ source: e.s, target: e.t })),
  );
  return { key: sceneKey(scene), positions: at.flatMap((p) => [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100]) };
}
