"use client";
import type { Scene } from "@stancemap/charts";
// Runs the scene's force layout in a Web Worker and hands the positions to the page once per
// animation frame. Nodes keep their places across graph changes (the time slider grows the network);
// a fresh page or a reset starts from seeded positions, so the same view gives the same picture.
import { type SettledLayout, sceneKey, seededPosition } from "@stancemap/charts";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type FromWorker, type LayoutNodeIn, seedRadius, type ToWorker } from "./layout-protocol";

export interface LayoutState {
  /** x, y per scene node; replaced (not mutated) by each layout frame. */
  positions: Float32Array;
  /** Counts layout frames applied; changes whenever positions do. */
  frame: number;
  /** A first layout frame has arrived for this scene. */
  ready: boolean;
  /** The layout has settled. */
  done: boolean;
}

export interface LayoutTimings {
  /** performance.now() when the graph went to the worker, when its first and its last frame arrived. */
  posted: number;
  first: number | null;
  settled: number | null;
  ticks: number;
}

function seeded(scene: Scene, known: ReadonlyMap<string, [number, number]>, pinned: ReadonlyMap<string, [number, number]>) {
  const spread = seedRadius(scene.nodes.length);
  const positions = new Float32Array(scene.nodes.length * 2);
  const nodes: LayoutNodeIn[] = [];
  let kept = 0;
  for (const n of scene.nodes) {
    const pin = pinned.get(n.id);
    let at = pin ?? known.get(n.id);
    if (at) kept++;
    else {
      // A newcomer starts near a neighbour that already has a place, or at its seeded place.
      const near = (scene.neighbours[n.index] ?? []).map((j) => known.get((scene.nodes[j] as { id: string }).id)).find((p) => p);
      const [dx, dy] = seededPosition(n.id, near ? 40 : spread);
      at = near ? [near[0] + dx, near[1] + dy] : [dx, dy];
    }
    positions[2 * n.index] = at[0];
    positions[2 * n.index + 1] = at[1];
    nodes.push({ id: n.id, x: at[0], y: at[1], r: n.r, fx: pin ? pin[0] : null, fy: pin ? pin[1] : null });
  }
  return { positions, nodes, kept };
}

/** The page server's layout of `scene`, when it is this scene's (same nodes and edges, in order). */
function adoptable(scene: Scene, settled: SettledLayout | null | undefined): Float32Array | null {
  if (!settled || settled.positions.length !== scene.nodes.length * 2 || settled.key !== sceneKey(scene)) return null;
  return Float32Array.from(settled.positions);
}

export function useForceLayout(scene: Scene, options: { minFrameMs?: number; settled?: SettledLayout | null | undefined } = {}) {
  const minFrameMs = useRef(options.minFrameMs ?? 0);
  minFrameMs.current = options.minFrameMs ?? 0;
  const known = useRef(new Map<string, [number, number]>());
  const pinned = useRef(new Map<string, [number, number]>());
  const worker = useRef<Worker | null>(null);
  const dragging = useRef<number | null>(null);
  const gen = useRef(0);
  const sceneRef = useRef(scene);
  /** The scene the page was rendered with: the only one the server's layout can be adopted for. */
  const scene0 = useRef(scene);
  const timings = useRef<LayoutTimings>({ posted: 0, first: null, settled: null, ticks: 0 });
  // The first scene laid out by the page's server is shown settled at once: no layout to watch, and the
  // same picture the worker would have settled on (settleNetwork), as the export draws it.
  const [initial] = useState(() => adoptable(scene, options.settled));
  const [state, setState] = useState<LayoutState>(() =>
    initial
      ? { positions: initial, frame: 0, ready: true, done: true }
      : { positions: seeded(scene, known.current, pinned.current).positions, frame: 0, ready: false, done: false },
  );
  const latest = useRef(state.positions);
  const pending = useRef<{ positions: Float32Array; done: boolean } | null>(null);
  const raf = useRef<number | null>(null);

  const remember = useCallback(() => {
    const s = sceneRef.current;
    const p = latest.current;
    if (p.length !== s.nodes.length * 2) return;
    for (const n of s.nodes) known.current.set(n.id, [p[2 * n.index] as number, p[2 * n.index + 1] as number]);
  }, []);

  const lastFlush = useRef(0);
  const held = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    raf.current = null;
    const next = pending.current;
    if (!next) return;
    // Big SVG drawings repaint slowly: show fewer in-between frames (never holding back the last).
    const wait = minFrameMs.current - (performance.now() - lastFlush.current);
    if (wait > 0 && !next.done && dragging.current === null) {
      // Keep raf.current set meanwhile, so that new positions wait for this one instead of scheduling more.
      raf.current = -1;
      held.current = setTimeout(() => {
        held.current = null;
        raf.current = requestAnimationFrame(flush);
      }, wait);
      return;
    }
    lastFlush.current = performance.now();
    pending.current = null;
    setState((s) => ({ positions: next.positions, frame: s.frame + 1, ready: true, done: next.done }));
  }, []);

  const post = useCallback((message: ToWorker) => worker.current?.postMessage(message), []);

  const start = useCallback(
    (s: Scene, fresh: boolean) => {
      if (fresh) {
        known.current.clear();
        pinned.current.clear();
      }
      const { positions, nodes, kept } = seeded(s, known.current, pinned.current);
      gen.current += 1;
      latest.current = positions;
      pending.current = null;
      // Nodes that keep their places can be shown at once; a wholly new picture waits for the layout.
      setState((st) => ({ positions, frame: st.frame + 1, ready: kept > 0, done: false }));
      const reduced = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
      timings.current = { posted: performance.now(), first: null, settled: null, ticks: 0 };
      post({
        type: "graph",
        gen: gen.current,
        nodes,
        links: s.edges.map((e) => ({ source: e.s, target: e.t })),
        alpha: kept > s.nodes.length / 2 ? 0.45 : 1,
        animate: !reduced,
      });
    },
    [post],
  );

  /** Hands the worker a scene whose nodes are settled already (the page's layout), for drags to move. */
  const adopt = useCallback(
    (s: Scene, positions: Float32Array) => {
      gen.current += 1;
      latest.current = positions;
      const now = performance.now();
      timings.current = { posted: now, first: now, settled: now, ticks: 0 };
      post({
        type: "graph",
        gen: gen.current,
        nodes: s.nodes.map((n) => ({
          id: n.id,
          x: positions[2 * n.index] as number,
          y: positions[2 * n.index + 1] as number,
          r: n.r,
          fx: null,
          fy: null,
        })),
        links: s.edges.map((e) => ({ source: e.s, target: e.t })),
        alpha: 0,
        // Drags and releases later animate as they would have (unless motion is reduced).
        animate: !(typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches),
        settled: true,
      });
    },
    [post],
  );

  useEffect(() => {
    const w = new Worker(new URL("./layout.worker.ts", import.meta.url));
    worker.current = w;
    w.onmessage = (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      if (msg.type !== "positions" || msg.gen !== gen.current) return;
      const t = timings.current;
      t.first ??= performance.now();
      t.ticks = msg.ticks;
      if (msg.done) t.settled = performance.now();
      // A node being dragged stays under the pointer even if the worker is a frame behind.
      const grabbed = dragging.current === null ? undefined : sceneRef.current.nodes[dragging.current];
      const at = grabbed && pinned.current.get(grabbed.id);
      if (grabbed && at) {
        msg.positions[2 * grabbed.index] = at[0];
        msg.positions[2 * grabbed.index + 1] = at[1];
      }
      latest.current = msg.positions;
      pending.current = { positions: msg.positions, done: msg.done };
      raf.current ??= requestAnimationFrame(flush);
    };
    if (initial && sceneRef.current === scene0.current) adopt(sceneRef.current, initial);
    else start(sceneRef.current, false);
    return () => {
      w.terminate();
      worker.current = null;
      if (raf.current !== null && raf.current !== -1) cancelAnimationFrame(raf.current);
      if (held.current !== null) clearTimeout(held.current);
      raf.current = null;
      held.current = null;
    };
  }, [flush, start, adopt, initial]);

  // A new graph (date or filters changed): remember where the old nodes were, lay out the new one.
  useEffect(() => {
    if (sceneRef.current === scene) return;
    remember();
    sceneRef.current = scene;
    if (worker.current) start(scene, false);
  }, [scene, remember, start]);

  /** Moves a node to x, y (layout units) and pins it there. */
  const drag = useCallback(
    (index: number, x: number, y: number) => {
      const n = sceneRef.current.nodes[index];
      if (!n) return;
      dragging.current = index;
      pinned.current.set(n.id, [x, y]);
      const positions = new Float32Array(latest.current);
      positions[2 * index] = x;
      positions[2 * index + 1] = y;
      latest.current = positions;
      pending.current = { positions, done: false };
      raf.current ??= requestAnimationFrame(flush);
      post({ type: "drag", gen: gen.current, index, x, y });
    },
    [flush, post],
  );

  /** Ends a drag; the node stays pinned. */
  const release = useCallback(
    (index: number) => {
      dragging.current = null;
      post({ type: "release", gen: gen.current, index, pin: true });
    },
    [post],
  );

  /** Lets a pinned node go back to the forces. */
  const unpin = useCallback(
    (index: number) => {
      const n = sceneRef.current.nodes[index];
      if (!n || !pinned.current.delete(n.id)) return;
      post({ type: "release", gen: gen.current, index, pin: false });
      setState((s) => ({ ...s, frame: s.frame + 1, done: false }));
    },
    [post],
  );

  /** Lets every pinned node go back to the forces, keeping the others where they are. */
  const unpinAll = useCallback(() => {
    const nodes = sceneRef.current.nodes;
    for (const n of nodes) if (pinned.current.has(n.id)) post({ type: "release", gen: gen.current, index: n.index, pin: false });
    pinned.current.clear();
    setState((s) => ({ ...s, frame: s.frame + 1, done: false }));
  }, [post]);

  const isPinned = useCallback((id: string) => pinned.current.has(id), []);

  /** Forgets drags and places: the layout starts again from the seeded positions. */
  const reset = useCallback(() => start(sceneRef.current, true), [start]);

  // Between a new scene and its first layout message, show the nodes where they were (by id).
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed per scene only; the refs are read at that moment.
  const interim = useMemo(() => {
    if (state.positions.length === scene.nodes.length * 2 && sceneRef.current === scene) return null;
    const old = sceneRef.current;
    const map = new Map(known.current);
    const p = latest.current;
    if (p.length === old.nodes.length * 2)
      for (const n of old.nodes) map.set(n.id, [p[2 * n.index] as number, p[2 * n.index + 1] as number]);
    return seeded(scene, map, pinned.current).positions;
  }, [scene]);
  const current =
    state.positions.length === scene.nodes.length * 2 && sceneRef.current === scene ? state.positions : (interim ?? state.positions);

  return { ...state, positions: current, timings, drag, release, unpin, unpinAll, isPinned, reset, pinnedCount: pinned.current.size };
}
