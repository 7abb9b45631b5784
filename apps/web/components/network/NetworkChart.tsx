"use client";
import {
  arrowPath,
  edgeGeometry,
  edgePath,
  edgePolyline,
  fitTransform,
  kindLabel,
  placeLabels,
  reactionCounts,
  type Scene,
  type SceneNode,
  type SettledLayout,
  shapePath,
  textWidth,
} from "@stancemap/charts";
// The network itself: positions from the layout worker, d3-zoom for zoom and pan, pointer drag to
// pin nodes, hover and focus to highlight a node's neighbours, click or Enter to select an actor.
// Small graphs are SVG elements (focusable, named, testable); large ones WebGL (WebglNetwork.tsx), or
// here a 2D canvas with quadtree hits where the browser has no WebGL2.
import { formatEdtf } from "@stancemap/core/model";
import { type Quadtree, quadtree } from "d3-quadtree";
import { select } from "d3-selection";
import { type D3ZoomEvent, type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from "d3-zoom";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { reactionDate } from "@/lib/reaction-date";
import { type BaseInput, baseSteps, type CanvasColours, type DrawStats, drawOverlay } from "./draw-canvas";
import { useForceLayout } from "./use-force-layout";

declare global {
  interface Window {
    /** Measurements for the benchmark and the tests. */
    __stancemapNetwork?: {
      renderer: "svg" | "canvas" | "webgl";
      nodes: number;
      edges: number;
      posted: number;
      firstFrame: number | null;
      settled: number | null;
      ticks: number;
      /** Full drawings of the canvas, frames that moved the last drawing as a bitmap, and redraws of the
       * highlight and labels over the last full drawing (a hover). */
      draws: number;
      blits: number;
      overlays: number;
      lastDrawMs: number;
    };
  }
}

interface Props {
  scene: Scene;
  selected: string | null;
  onSelect: (slug: string) => void;
  /** The chart's accessible name. */
  label: string;
  /** The first scene's settled layout from the page's server, shown at once when it is this scene's. */
  settled?: SettledLayout | null | undefined;
}

type Surface = SVGSVGElement | HTMLCanvasElement;

const LABEL_PX = 12;
/** Script time per frame for drawing a new base layer on the canvas. */
const SLICE_MS = 12;
const MIN_HEIGHT = 420;
const MAX_HEIGHT = 680;

export function NetworkChart({ scene, settled, selected, onSelect, label }: Props) {
  // An SVG of a thousand elements and more takes tens of milliseconds to repaint: a few frames a second.
  // A large graph is redrawn a few times a second while it settles, whichever surface draws it.
  const layout = useForceLayout(scene, { minFrameMs: scene.nodes.length + scene.edges.length > 800 ? 250 : 0, settled });
  const { positions } = layout;
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<Surface, unknown> | null>(null);
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  const autoFit = useRef(true);
  const moving = useRef(false);
  const [k, setK] = useState(1);
  const [size, setSize] = useState({ w: 960, h: 600 });
  const [hover, setHover] = useState<number | null>(null);
  const [tipVisible, setTipVisible] = useState(true);
  const drag = useRef<{ index: number; x: number; y: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  // Everything the long-lived handlers (zoom filter, worker, canvas) read, always current.
  const live = useRef({ scene, positions, size, hover, selected, done: layout.done, pinnedCount: layout.pinnedCount });
  live.current = { scene, positions, size, hover, selected, done: layout.done, pinnedCount: layout.pinnedCount };

  const surface = useCallback((): Surface | null => (scene.renderer === "svg" ? svgRef.current : canvasRef.current), [scene.renderer]);

  // Size: the wrapper's width; the height follows, within bounds.
  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const measure = () => {
      const w = Math.max(320, Math.round(wrap.clientWidth));
      const h = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, w * 0.62)));
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  // Hit-testing: a quadtree of node centres, rebuilt when positions change.
  const tree = useRef<{ positions: Float32Array; tree: Quadtree<number> } | null>(null);
  const toLayout = useCallback(
    (clientX: number, clientY: number): [number, number] | null => {
      const el = surface();
      if (!el) return null;
      const rect = el.getBoundingClientRect();
      const { w, h } = live.current.size;
      const sx = ((clientX - rect.left) * w) / (rect.width || w);
      const sy = ((clientY - rect.top) * h) / (rect.height || h);
      return transformRef.current.invert([sx, sy]);
    },
    [surface],
  );
  const hitTest = useCallback(
    (clientX: number, clientY: number): number | null => {
      const at = toLayout(clientX, clientY);
      if (!at) return null;
      const { scene: s, positions: p } = live.current;
      if (p.length !== s.nodes.length * 2) return null;
      if (tree.current?.positions !== p) {
        tree.current = {
          positions: p,
          tree: quadtree(
            s.nodes.map((n) => n.index),
            (i) => p[2 * i] as number,
            (i) => p[2 * i + 1] as number,
          ),
        };
      }
      const tolerance = 4 / transformRef.current.k;
      const reach = s.maxR * 1.3 + tolerance;
      const [x, y] = at;
      let best: number | null = null;
      let bestGap = Number.POSITIVE_INFINITY;
      tree.current.tree.visit((node, x0, y0, x1, y1) => {
        if (!node.length) {
          for (let leaf: typeof node | undefined = node; leaf; leaf = leaf.next) {
            const i = leaf.data;
            const n = s.nodes[i] as SceneNode;
            const gap = Math.hypot((p[2 * i] as number) - x, (p[2 * i + 1] as number) - y) - n.r * (n.shape === "circle" ? 1 : 1.15);
            if (gap <= tolerance && gap < bestGap) {
              best = i;
              bestGap = gap;
            }
          }
        }
        return x0 > x + reach || x1 < x - reach || y0 > y + reach || y1 < y - reach;
      });
      return best;
    },
    [toLayout],
  );

  // Canvas: colours from the CSS variables (light or dark), and a draw per animation frame when needed.
  const colours = useRef<CanvasColours | null>(null);
  const bySentiment = useMemo(() => {
    const map = new Map<string, number[]>();
    for (const e of scene.edges) {
      let list = map.get(e.sentiment);
      if (!list) {
        list = [];
        map.set(e.sentiment, list);
      }
      list.push(e.index);
    }
    return map;
  }, [scene]);
  const drawRequest = useRef<number | null>(null);
  const draws = useRef({ count: 0, blits: 0, overlays: 0, lastMs: 0 });
  /** The complete base layer, what it was drawn for (compared item by item) and at which view; the one
   * being drawn, a slice a frame; and a canvas for the next one. */
  const base = useRef<{ canvas: HTMLCanvasElement; key: unknown[]; t: { k: number; x: number; y: number }; dpr: number } | null>(null);
  const job = useRef<{
    canvas: HTMLCanvasElement;
    key: unknown[];
    t: { k: number; x: number; y: number };
    dpr: number;
    steps: Generator<void, DrawStats>;
    ms: number;
  } | null>(null);
  const spare = useRef<HTMLCanvasElement | null>(null);
  const snapshot = useRef<{ canvas: HTMLCanvasElement; t: ZoomTransform; positions: Float32Array; hover: number | null } | null>(null);
  const isPinned = layout.isPinned;
  /** Counts drawn frames (full drawings and moved bitmaps) for the benchmark. */
  const frameDone = useCallback((ms: number, overlay: boolean, blit = false) => {
    if (blit) draws.current.blits++;
    else if (overlay) draws.current.overlays++;
    else {
      draws.current.count++;
      draws.current.lastMs = ms;
    }
    const stats = window.__stancemapNetwork;
    if (stats) {
      stats.draws = draws.current.count;
      stats.blits = draws.current.blits;
      stats.overlays = draws.current.overlays;
      stats.lastDrawMs = draws.current.lastMs;
    }
  }, []);

  /** Keeps the canvas's current picture (and what it shows) for a pan or zoom gesture. */
  const takeSnapshot = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas || live.current.scene.renderer === "svg") return;
    const copy = snapshot.current?.canvas ?? document.createElement("canvas");
    if (copy.width !== canvas.width || copy.height !== canvas.height) {
      copy.width = canvas.width;
      copy.height = canvas.height;
    }
    const ctx = copy.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    snapshot.current = { canvas: copy, t: transformRef.current, positions: live.current.positions, hover: live.current.hover };
  }, []);
  const draw = useCallback(() => {
    drawRequest.current = null;
    const canvas = canvasRef.current;
    const wrap = wrapRef.current;
    if (!canvas || !wrap) return;
    const { scene: s, positions: p, size: sz, hover: h, selected: sel } = live.current;
    if (p.length !== s.nodes.length * 2) return;
    const dpr = window.devicePixelRatio || 1;
    const bw = Math.round(sz.w * dpr);
    const bh = Math.round(sz.h * dpr);
    if (canvas.width !== bw || canvas.height !== bh) {
      canvas.width = bw;
      canvas.height = bh;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    if (!colours.current) {
      const cs = getComputedStyle(wrap);
      const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
      colours.current = {
        fg: v("--fg", "#1c1d1f"),
        bg: v("--bg", "#fbfbfa"),
        card: v("--card", "#ffffff"),
        muted: v("--muted", "#585c63"),
        node: v("--net-node", "#5b6472"),
        event: v("--net-event", "#6f4fb8"),
        focus: v("--focus", "#111111"),
      };
    }
    const t = transformRef.current;
    // Panning or zooming over a still picture: move the bitmap taken when the gesture began instead
    // of drawing 10,000 edges again each frame; the full drawing comes back when the gesture ends.
    const snap = snapshot.current;
    if (moving.current && snap && snap.positions === p && snap.hover === h && snap.canvas.width === bw && snap.canvas.height === bh) {
      const started = performance.now();
      const r = t.k / snap.t.k;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, bw, bh);
      ctx.setTransform(r, 0, 0, r, dpr * (t.x - snap.t.x * r), dpr * (t.y - snap.t.y * r));
      ctx.drawImage(snap.canvas, 0, 0);
      frameDone(performance.now() - started, false, true);
      return;
    }
    const selectedIndex = sel ? (s.nodes.find((n) => n.type === "actor" && n.slug === sel)?.index ?? null) : null;
    const input: BaseInput = {
      scene: s,
      positions: p,
      bySentiment,
      transform: { k: t.k, x: t.x, y: t.y },
      width: sz.w,
      height: sz.h,
      dpr,
      colours: colours.current,
      selected: selectedIndex,
      pinned: isPinned,
      // Labels wait until the layout has settled and the view is still.
      moving: moving.current || !live.current.done,
      laying: !live.current.done,
    };
    // The base layer (every edge and node) is drawn again only when what it shows changed; a hover or
    // a label pass draws over a copy of it. A new base is drawn a few milliseconds a frame (100,000 edges
    // take ~150 ms on a software rasteriser: never one long task); meanwhile the last complete one shows,
    // moved to the current view.
    const key = [s, p, t, bw, bh, colours.current, selectedIndex, live.current.pinnedCount, input.laying, bySentiment];
    const same = (a: unknown[]) => a.length === key.length && key.every((v, i) => v === a[i]);
    let b = base.current;
    let completed = false;
    const current = b !== null && same(b.key);
    // While a gesture moves the view, the last base is moved with it; the new one is drawn once it rests.
    if (!current && !(moving.current && b)) {
      let j = job.current;
      // A drawing under way is finished even if what it shows has moved on since (a dragged node, a
      // resize: a new key each frame would otherwise restart it for ever); the next one starts after it.
      // Only a new canvas size or pixel ratio restarts it.
      if (!j || j.canvas.width !== bw || j.canvas.height !== bh) {
        // A superseded drawing's canvas, or the one the last complete base left, or a new one.
        const layer = j?.canvas ?? spare.current ?? document.createElement("canvas");
        if (layer === spare.current) spare.current = null;
        if (layer.width !== bw || layer.height !== bh) {
          layer.width = bw;
          layer.height = bh;
        }
        const layerCtx = layer.getContext("2d");
        if (!layerCtx) return;
        j = { canvas: layer, key, t: input.transform, dpr, steps: baseSteps(layerCtx, input), ms: 0 };
        job.current = j;
      }
      const sliceStart = performance.now();
      let finished = false;
      while (performance.now() - sliceStart < SLICE_MS) {
        if (j.steps.next().done) {
          finished = true;
          break;
        }
      }
      j.ms += performance.now() - sliceStart;
      if (finished) {
        spare.current = b?.canvas ?? null;
        b = { canvas: j.canvas, key: j.key, t: j.t, dpr: j.dpr };
        base.current = b;
        job.current = null;
        completed = true;
        frameDone(j.ms, false);
      }
      // Not finished, or finished for a view that has moved on since: another slice next frame.
      if (!finished || !same(b?.key ?? [])) drawRequest.current ??= requestAnimationFrame(() => drawRef.current());
    }
    const started = performance.now();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, bw, bh);
    // The base maps layout units to pixels through its view: an older one (another size, another view)
    // is moved and scaled into this one.
    if (b && b.dpr === dpr) {
      const r = t.k / b.t.k;
      ctx.setTransform(r, 0, 0, r, dpr * (t.x - b.t.x * r), dpr * (t.y - b.t.y * r));
      ctx.drawImage(b.canvas, 0, 0);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    }
    drawOverlay(ctx, {
      ...input,
      highlight: h === null ? null : new Set([h, ...(s.neighbours[h] ?? [])]),
      highlightEdges: h === null ? null : new Set(s.incident[h] ?? []),
    });
    // Counted for the benchmark: a redraw over the current base, or a frame that moved an older one.
    if (current) frameDone(performance.now() - started, true);
    else if (!completed) frameDone(performance.now() - started, false, true);
  }, [bySentiment, isPinned, frameDone]);

  const drawRef = useRef(draw);
  drawRef.current = draw;
  const requestDraw = useCallback(() => {
    if (live.current.scene.renderer === "svg") return;
    drawRequest.current ??= requestAnimationFrame(draw);
  }, [draw]);

  useEffect(() => {
    const media = matchMedia("(prefers-color-scheme: dark)");
    const changed = () => {
      colours.current = null;
      requestDraw();
    };
    media.addEventListener("change", changed);
    return () => media.removeEventListener("change", changed);
  }, [requestDraw]);

  const applyTransform = useCallback(() => {
    const t = transformRef.current;
    const layer = layerRef.current;
    if (live.current.scene.renderer === "svg" && layer) {
      layer.setAttribute("transform", t.toString());
      layer.style.setProperty("--zoom", String(t.k));
    } else requestDraw();
  }, [requestDraw]);

  // Zoom and pan on the drawing surface; a press on a node drags it instead of panning.
  useEffect(() => {
    const el = surface();
    if (!el) return;
    const behaviour = zoom<Surface, unknown>()
      .scaleExtent([0.02, 12])
      .filter((event: Event) => {
        if (event.type === "wheel") return true;
        if (event.type === "dblclick") return false;
        const mouse = event as MouseEvent;
        if (mouse.button || mouse.ctrlKey) return false;
        if (event.type === "mousedown") return hitTest(mouse.clientX, mouse.clientY) === null;
        if (event.type === "touchstart") {
          const touch = (event as TouchEvent).touches[0];
          return !touch || hitTest(touch.clientX, touch.clientY) === null;
        }
        return true;
      })
      .on("start", (event: D3ZoomEvent<Surface, unknown>) => {
        if (event.sourceEvent) {
          // Only a settled, complete picture is worth moving as a bitmap; else none (an older one would
          // show what has changed since), and the last complete base is moved instead.
          if (live.current.done && drawRequest.current === null) takeSnapshot();
          else snapshot.current = null;
          moving.current = true;
          setTipVisible(false);
        }
      })
      .on("zoom", (event: D3ZoomEvent<Surface, unknown>) => {
        transformRef.current = event.transform;
        if (event.sourceEvent) autoFit.current = false;
        applyTransform();
      })
      .on("end", (event: D3ZoomEvent<Surface, unknown>) => {
        moving.current = false;
        setTipVisible(true);
        setK(event.transform.k);
        requestDraw();
      });
    zoomRef.current = behaviour;
    select<Surface, unknown>(el).call(behaviour).on("dblclick.zoom", null);
    // A new surface (the renderer changed) starts from the current view.
    select<Surface, unknown>(el).call(behaviour.transform, transformRef.current);
    return () => {
      select(el).on(".zoom", null);
    };
  }, [surface, hitTest, applyTransform, requestDraw, takeSnapshot]);

  const fitView = useCallback(() => {
    const el = surface();
    const behaviour = zoomRef.current;
    const { scene: s, positions: p, size: sz } = live.current;
    if (!el || !behaviour || s.nodes.length === 0 || p.length !== s.nodes.length * 2) return;
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    const small = s.nodes.length <= 150;
    for (const n of s.nodes) {
      const x = p[2 * n.index] as number;
      const y = p[2 * n.index + 1] as number;
      // Small graphs: leave room for a label beside the outermost nodes (at about 1:1 scale).
      const lines = small ? n.short.split("\n") : [];
      const w = small ? Math.max(...lines.map((l) => textWidth(l, LABEL_PX))) + 6 : 0;
      const h = small ? (lines.length * LABEL_PX * 1.2) / 2 : 0;
      x0 = Math.min(x0, x - n.r - w);
      y0 = Math.min(y0, y - Math.max(n.r, h));
      x1 = Math.max(x1, x + n.r + w);
      y1 = Math.max(y1, y + Math.max(n.r, h));
    }
    const f = fitTransform({ x0, y0, x1, y1 }, sz.w, sz.h, small ? 20 : 16, small ? 1.6 : 4);
    select<Surface, unknown>(el).call(behaviour.transform, zoomIdentity.translate(f.x, f.y).scale(f.k));
  }, [surface]);

  // SVG: move the elements to each layout frame (after React has rendered them, before paint).
  useLayoutEffect(() => {
    const layer = layerRef.current;
    if (scene.renderer === "svg" && layer) placeSvg(layer, scene, positions);
  }, [positions, scene]);

  // Follow the layout with the camera until the user takes over (zoom, pan or drag).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each layout frame and resize.
  useEffect(() => {
    if (autoFit.current && layout.ready) fitView();
    requestDraw();
  }, [layout.frame, layout.ready, size, fitView, requestDraw]);

  // Selection and hover change the canvas too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when what is highlighted changes.
  useEffect(() => requestDraw(), [hover, selected, scene, requestDraw]);

  // A new graph: forget the hovered node (its index may mean another node now).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on scene change only.
  useEffect(() => setHover(null), [scene]);

  // Measurements for the benchmark.
  useEffect(() => {
    const t = layout.timings.current;
    window.__stancemapNetwork = {
      renderer: scene.renderer === "svg" ? "svg" : "canvas",
      nodes: scene.nodes.length,
      edges: scene.edges.length,
      posted: t.posted,
      firstFrame: t.first,
      settled: t.settled,
      ticks: t.ticks,
      draws: draws.current.count,
      blits: draws.current.blits,
      overlays: draws.current.overlays,
      lastDrawMs: draws.current.lastMs,
    };
  });

  const activate = useCallback(
    (i: number) => {
      if (suppressClick.current) {
        suppressClick.current = false;
        return;
      }
      const n = live.current.scene.nodes[i];
      if (n?.type === "actor") onSelect(n.slug);
    },
    [onSelect],
  );

  const onPointerDown = (e: React.PointerEvent<Surface>) => {
    suppressClick.current = false;
    if (e.button !== 0) return;
    const i = hitTest(e.clientX, e.clientY);
    if (i !== null) drag.current = { index: i, x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent<Surface>) => {
    const d = drag.current;
    if (d) {
      if (!d.moved && Math.hypot(e.clientX - d.x, e.clientY - d.y) < 4) return;
      if (!d.moved) {
        d.moved = true;
        autoFit.current = false;
        e.currentTarget.setPointerCapture(e.pointerId);
        setHover(d.index);
      }
      const at = toLayout(e.clientX, e.clientY);
      if (at) layout.drag(d.index, at[0], at[1]);
      return;
    }
    if (e.buttons) return;
    const i = hitTest(e.clientX, e.clientY);
    if (i !== live.current.hover) setHover(i);
  };
  const endDrag = (e: React.PointerEvent<Surface>) => {
    const d = drag.current;
    drag.current = null;
    if (!d?.moved) return;
    layout.release(d.index);
    suppressClick.current = true;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onClick = (e: React.MouseEvent<Surface>) => {
    const i = hitTest(e.clientX, e.clientY);
    if (i !== null) activate(i);
    else suppressClick.current = false;
  };
  const onDoubleClick = (e: React.MouseEvent<Surface>) => {
    const i = hitTest(e.clientX, e.clientY);
    const n = i === null ? undefined : scene.nodes[i];
    if (n && layout.isPinned(n.id)) layout.unpin(n.index);
  };
  // Stable handlers (the SVG layer re-renders only when what it shows changes), calling this render's.
  const current = useRef({ onPointerDown, onPointerMove, endDrag, onClick, onDoubleClick });
  current.current = { onPointerDown, onPointerMove, endDrag, onClick, onDoubleClick };
  const surfaceHandlers = useMemo(
    () => ({
      onPointerDown: (e: React.PointerEvent<Surface>) => current.current.onPointerDown(e),
      onPointerMove: (e: React.PointerEvent<Surface>) => current.current.onPointerMove(e),
      onPointerUp: (e: React.PointerEvent<Surface>) => current.current.endDrag(e),
      onPointerCancel: (e: React.PointerEvent<Surface>) => current.current.endDrag(e),
      onPointerLeave: () => {
        if (!drag.current) setHover(null);
      },
      onClick: (e: React.MouseEvent<Surface>) => current.current.onClick(e),
      onDoubleClick: (e: React.MouseEvent<Surface>) => current.current.onDoubleClick(e),
    }),
    [],
  );

  const zoomBy = (factor: number) => {
    const el = surface();
    if (el && zoomRef.current) {
      autoFit.current = false;
      zoomRef.current.scaleBy(select<Surface, unknown>(el), factor);
    }
  };
  const refit = () => {
    autoFit.current = true;
    fitView();
  };
  const reset = () => {
    autoFit.current = true;
    setHover(null);
    layout.reset();
  };

  // The tooltip, above the hovered or focused node.
  const tipNode = hover === null ? undefined : scene.nodes[hover];
  let tip: { x: number; y: number; node: SceneNode } | null = null;
  if (tipNode && tipVisible && positions.length === scene.nodes.length * 2) {
    const t = transformRef.current;
    const [sx, sy] = t.apply([positions[2 * tipNode.index] as number, positions[2 * tipNode.index + 1] as number]);
    const el = surface();
    const scale = el ? el.getBoundingClientRect().width / size.w || 1 : 1;
    tip = { x: sx * scale, y: (sy - tipNode.r * t.k - 4) * scale, node: tipNode };
  }

  // A large graph's labels wait for the layout to settle (placing them each frame would cost too much).
  const showLabels = scene.nodes.length <= 150 || layout.done;
  const status = layout.ready
    ? layout.done
      ? ""
      : `Laying out…${scene.renderer !== "svg" && scene.edges.length > 2000 ? " (the reactions are drawn once it settles)" : ""}`
    : `Laying out ${scene.nodes.length} nodes…`;

  return (
    <div className="net-chart" ref={wrapRef}>
      {scene.renderer === "svg" ? (
        <SvgNetwork
          svgRef={svgRef}
          layerRef={layerRef}
          scene={scene}
          labelPositions={showLabels ? positions : null}
          k={showLabels ? k : 1}
          width={size.w}
          height={size.h}
          hover={hover}
          selected={selected}
          pinnedCount={layout.pinnedCount}
          isPinned={layout.isPinned}
          ready={layout.ready}
          label={label}
          handlers={surfaceHandlers}
          onActivate={activate}
          onFocusNode={setHover}
        />
      ) : (
        <canvas
          ref={canvasRef}
          className={`net-canvas${hover !== null ? " is-pointing" : ""}`}
          style={{ width: "100%", height: size.h }}
          role="img"
          aria-label={`${label} Drawn as an image because of its size; the table below lists every reaction.`}
          {...surfaceHandlers}
        />
      )}
      <div className="map-controls net-controls">
        <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={refit}>
          Fit
        </button>
        {layout.pinnedCount > 0 ? (
          <button type="button" onClick={() => layout.unpinAll()}>
            Release {layout.pinnedCount} pinned
          </button>
        ) : null}
        <button type="button" onClick={reset} title="Lay the network out again from the start, releasing pinned nodes">
          Reset
        </button>
      </div>
      <p className="net-status" role="status">
        {status}
        {layout.pinnedCount > 0 ? ` ${layout.pinnedCount} pinned where dropped; double-click one or press “Release” to let it go.` : ""}
      </p>
      {tip ? (
        <div className="tooltip net-tip" style={{ left: tip.x, top: tip.y }}>
          <strong>{tip.node.label}</strong>
          <div className="muted">
            {kindLabel(tip.node.kind)}
            {tip.node.date ? `, ${formatEdtf(tip.node.date)}` : ""}
          </div>
          <div>
            {tip.node.type === "event"
              ? `${tip.node.inDegree} reaction${tip.node.inDegree === 1 ? "" : "s"} received`
              : reactionCounts(tip.node.outDegree, tip.node.inDegree)}
          </div>
          {layout.isPinned(tip.node.id) ? <div className="muted">Pinned where you dropped it</div> : null}
        </div>
      ) : null}
    </div>
  );
}

interface SvgProps {
  svgRef: React.RefObject<SVGSVGElement | null>;
  layerRef: React.RefObject<SVGGElement | null>;
  scene: Scene;
  /** Positions for the labels; null while they are hidden (a large graph still being laid out). */
  labelPositions: Float32Array | null;
  k: number;
  width: number;
  height: number;
  hover: number | null;
  selected: string | null;
  pinnedCount: number;
  isPinned: (id: string) => boolean;
  ready: boolean;
  label: string;
  handlers: React.DOMAttributes<SVGSVGElement>;
  onActivate: (index: number) => void;
  onFocusNode: (index: number | null) => void;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Moves the SVG's nodes and edges to the positions: attributes set directly, not through React, so
 * that a layout frame costs a few thousand setAttribute calls rather than a re-render of every element.
 * React renders the elements (names, roles, classes, colours) and leaves these attributes alone. */
export function placeSvg(layer: SVGGElement, scene: Scene, positions: Float32Array) {
  if (positions.length !== scene.nodes.length * 2) return;
  const nodes = layer.querySelector(".net-nodes")?.children;
  const edges = layer.querySelector(".net-edges")?.children;
  if (!nodes || !edges || nodes.length !== scene.nodes.length || edges.length !== scene.edges.length) return;
  for (const n of scene.nodes) {
    nodes[n.index]?.setAttribute(
      "transform",
      `translate(${round(positions[2 * n.index] as number)},${round(positions[2 * n.index + 1] as number)})`,
    );
  }
  for (const e of scene.edges) {
    const s = scene.nodes[e.s] as SceneNode;
    const t = scene.nodes[e.t] as SceneNode;
    const source = { x: positions[2 * e.s] as number, y: positions[2 * e.s + 1] as number, r: s.r, shape: s.shape };
    const target = e.s === e.t ? source : { x: positions[2 * e.t] as number, y: positions[2 * e.t + 1] as number, r: t.r, shape: t.shape };
    const g = edgeGeometry(source, target, { bend: e.bend, arrowLength: scene.arrowLength, arrowWidth: scene.arrowWidth });
    const el = edges[e.index];
    el?.querySelector(".net-line")?.setAttribute("d", g ? edgePath(g) : "");
    el?.querySelector(".net-arrow")?.setAttribute("d", g ? arrowPath(g) : "");
  }
}

const SvgNetwork = memo(function SvgNetwork(props: SvgProps) {
  const { scene, labelPositions, k, hover, selected, isPinned, onActivate, onFocusNode } = props;
  const highlight = hover === null ? null : new Set([hover, ...(scene.neighbours[hover] ?? [])]);
  const highlightEdges = hover === null ? null : new Set(scene.incident[hover] ?? []);

  const labels = useMemo(() => {
    const p = labelPositions;
    if (!p || p.length !== scene.nodes.length * 2) return [];
    const fontSize = LABEL_PX / k;
    const many = scene.nodes.length > 80;
    const hl = hover === null ? null : new Set([hover, ...(scene.neighbours[hover] ?? [])]);
    // In a large graph, only the 80 busiest nodes (and the highlighted ones) are candidates.
    const floor = many ? (scene.nodes.map((n) => n.degree).sort((a, b) => b - a)[79] ?? 0) : 0;
    const candidates = scene.nodes
      .filter((n) => n.degree >= floor || hl?.has(n.index))
      .map((n) => ({
        id: String(n.index),
        x: p[2 * n.index] as number,
        y: p[2 * n.index + 1] as number,
        r: n.r,
        text: n.short,
        priority: n.degree + (hl?.has(n.index) ? 1e6 : 0) + (n.type === "actor" && n.slug === selected ? 2e6 : 0),
      }));
    const obstacles = (hl ? scene.nodes.filter((n) => hl.has(n.index)) : scene.nodes).map((n) => ({
      x: p[2 * n.index] as number,
      y: p[2 * n.index + 1] as number,
      r: n.r,
    }));
    // Labels keep clear of the edges where they can (small graphs: a large one draws its labels over the canvas).
    const lines = many
      ? []
      : scene.edges.flatMap((e) => {
          const s = scene.nodes[e.s] as SceneNode;
          const t = scene.nodes[e.t] as SceneNode;
          const source = { x: p[2 * e.s] as number, y: p[2 * e.s + 1] as number, r: s.r, shape: s.shape };
          const target = e.s === e.t ? source : { x: p[2 * e.t] as number, y: p[2 * e.t + 1] as number, r: t.r, shape: t.shape };
          const g = edgeGeometry(source, target, { bend: e.bend, arrowLength: scene.arrowLength, arrowWidth: scene.arrowWidth });
          return g ? [edgePolyline(g)] : [];
        });
    return placeLabels(candidates, { fontSize, obstacles, lines, max: many ? 80 : Number.POSITIVE_INFINITY, gap: 4 / k });
  }, [scene, labelPositions, k, hover, selected]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; role=group names the set of nodes and edges.
    <svg
      ref={props.svgRef}
      className={`net-svg${highlight ? " has-highlight" : ""}${props.ready ? "" : " is-pending"}`}
      viewBox={`0 0 ${props.width} ${props.height}`}
      role="group"
      aria-label={`${props.label} Each actor is a button.`}
      {...props.handlers}
    >
      <g ref={props.layerRef}>
        <g className="net-edges">
          {scene.edges.map((e) => {
            const s = scene.nodes[e.s] as SceneNode;
            const t = scene.nodes[e.t] as SceneNode;
            return (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; role=img names the edge.
              <g
                key={e.id}
                className={`net-edge${highlightEdges?.has(e.index) ? " is-hl" : ""}`}
                role="img"
                aria-label={e.name}
                aria-describedby={`net-desc-${e.index}`}
                data-source={s.slug}
                data-target={t.slug}
                data-sentiment={e.sentiment}
                data-date={e.date ?? undefined}
              >
                <desc id={`net-desc-${e.index}`}>{reactionDate(e)}</desc>
                <path className="net-line" style={{ stroke: e.colour }} />
                <path className="net-arrow" style={{ fill: e.colour }} />
              </g>
            );
          })}
        </g>
        <g className="net-nodes">
          {scene.nodes.map((n) => (
            <SvgNode
              key={n.id}
              node={n}
              selected={n.type === "actor" && n.slug === selected}
              pinned={isPinned(n.id)}
              highlighted={highlight?.has(n.index) ?? false}
              onActivate={onActivate}
              onFocusNode={onFocusNode}
            />
          ))}
        </g>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the labels are plain text, never focusable; the nodes carry the names. */}
        <g className="net-labels" aria-hidden="true">
          {labels.map((l) => (
            <text
              key={l.id}
              x={l.x}
              y={l.y}
              textAnchor={l.anchor}
              dominantBaseline="central"
              className={highlight && !highlight.has(Number(l.id)) ? "is-dim" : undefined}
            >
              {l.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a label's lines are positional.
                <tspan key={i} x={l.x} dy={i === 0 ? `${-(l.lines.length - 1) * 0.6}em` : "1.2em"}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
        </g>
      </g>
    </svg>
  );
});

const SvgNode = memo(function SvgNode(props: {
  node: SceneNode;
  selected: boolean;
  pinned: boolean;
  highlighted: boolean;
  onActivate: (index: number) => void;
  onFocusNode: (index: number | null) => void;
}) {
  const { node: n, selected, pinned, highlighted, onActivate, onFocusNode } = props;
  const d = useMemo(() => shapePath(n.shape, n.r), [n.shape, n.r]);
  const cls = `net-node net-${n.type} shape-${n.shape}${selected ? " is-selected" : ""}${pinned ? " is-pinned" : ""}${highlighted ? " is-hl" : ""}`;
  if (n.type === "event") {
    return (
      // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG shape is not interactive; role=img names the event.
      <path
        d={d}
        className={cls}
        role="img"
        aria-label={`Event: ${n.label}${n.date ? `, ${formatEdtf(n.date)}` : ""}: ${n.inDegree} reaction${n.inDegree === 1 ? "" : "s"} received`}
        data-node={n.slug}
        data-type="event"
      />
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it has the role, name, focus and keys of one.
    <path
      d={d}
      className={cls}
      role="button"
      tabIndex={0}
      aria-label={`${n.label}: ${reactionCounts(n.outDegree, n.inDegree)}`}
      aria-pressed={selected}
      data-node={n.slug}
      data-type="actor"
      onClick={(e) => {
        e.stopPropagation();
        onActivate(n.index);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onActivate(n.index);
        }
      }}
      onFocus={() => onFocusNode(n.index)}
      onBlur={() => onFocusNode(null)}
    />
  );
});
