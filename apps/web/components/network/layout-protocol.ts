// Messages between the network view and its layout worker, and the forces' settings by graph size.

export interface LayoutNodeIn {
  id: string;
  x: number;
  y: number;
  r: number;
  /** Pinned position, when the user dragged the node there. */
  fx?: number | null;
  fy?: number | null;
}

export type ToWorker =
  | {
      type: "graph";
      /** Generation: positions of an older graph are ignored by the page. */
      gen: number;
      nodes: LayoutNodeIn[];
      links: { source: number; target: number }[];
      /** 1 for a fresh layout; less when most nodes keep their places (the network grew with the date). */
      alpha: number;
      /** Post intermediate positions (animation), or only the settled ones (prefers-reduced-motion). */
      animate: boolean;
    }
  | { type: "drag"; gen: number; index: number; x: number; y: number }
  | { type: "release"; gen: number; index: number; pin: boolean }
  | { type: "stop" };

export interface FromWorker {
  type: "positions";
  gen: number;
  /** x, y per node, in the order of the graph message. */
  positions: Float32Array;
  ticks: number;
  done: boolean;
}

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
