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
      /** The nodes are where the layout settles already (the page's server laid them out): hold the
       * simulation for drags, tick nothing and post nothing until one comes. */
      settled?: boolean;
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

// The forces live with the charts, where the publication export lays the network out the same way.
export { type ForceSettings, forceSettings, seedRadius } from "@stancemap/charts";
