// The network's force layout, off the main thread: d3-force ticks in slices of a few milliseconds,
// posting positions after each slice, so the page stays responsive however large the graph.
// The forces are the charts' (networkSimulation), shared with the publication export.
// Deterministic: same graph and starting positions, same layout (d3-force's own seeded randomness).
import { type NetworkLayoutNode, networkSimulation } from "@stancemap/charts";
import type { Simulation } from "d3-force";
import type { FromWorker, ToWorker } from "./layout-protocol";

type Node = NetworkLayoutNode;

interface WorkerScope {
  postMessage(message: FromWorker, options?: { transfer?: Transferable[] }): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;

const SLICE_MS = 12;
let sim: Simulation<Node, undefined> | null = null;
let nodes: Node[] = [];
let gen = 0;
let animate = true;
/** Nodes being dragged: the layout stays warm while any is. */
const dragged = new Set<number>();
let ticks = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function post(done: boolean) {
  const positions = new Float32Array(nodes.length * 2);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as Node;
    positions[2 * i] = n.x ?? 0;
    positions[2 * i + 1] = n.y ?? 0;
  }
  scope.postMessage({ type: "positions", gen, positions, ticks, done }, { transfer: [positions.buffer] });
}

function schedule() {
  if (timer === null) timer = setTimeout(run, 0);
}

function run() {
  timer = null;
  const s = sim;
  if (!s) return;
  const start = performance.now();
  // Without animation, run to the end in one go, except while a node is dragged.
  const sliced = animate || dragged.size > 0;
  let settled = false;
  do {
    s.tick();
    ticks++;
    settled = dragged.size === 0 && s.alpha() < s.alphaMin();
  } while (!settled && (!sliced || performance.now() - start < SLICE_MS));
  post(settled);
  // Yield between slices so that drags and new graphs are read as they come.
  if (!settled) schedule();
}

scope.addEventListener("message", (event) => {
  const msg = event.data;
  if (msg.type === "graph") {
    gen = msg.gen;
    animate = msg.animate;
    dragged.clear();
    ticks = 0;
    nodes = msg.nodes.map((n) => ({ x: n.x, y: n.y, r: n.r, fx: n.fx ?? null, fy: n.fy ?? null }));
    sim?.stop();
    sim = networkSimulation(nodes, msg.links, msg.alpha);
    if (msg.settled) sim.alpha(0);
    else schedule();
    return;
  }
  if (msg.type === "stop") {
    sim?.stop();
    sim = null;
    return;
  }
  if (msg.gen !== gen || !sim) return;
  const node = nodes[msg.index];
  if (!node) return;
  if (msg.type === "drag") {
    dragged.add(msg.index);
    node.fx = msg.x;
    node.fy = msg.y;
    sim.alphaTarget(0.3);
    if (sim.alpha() < 0.3) sim.alpha(0.3);
    schedule();
  } else if (msg.type === "release") {
    dragged.delete(msg.index);
    if (!msg.pin) {
      // Released: back to the forces, which need some warmth to move it.
      node.fx = null;
      node.fy = null;
      if (sim.alpha() < 0.1) sim.alpha(0.1);
    }
    if (dragged.size === 0) sim.alphaTarget(0);
    schedule();
  }
});
