"use client";
// The network above the SVG limit, drawn with WebGL by sigma.js over a graphology graph: thousands of
// nodes and a hundred thousand edges redraw in a frame, hover lights up a node's neighbours through
// sigma's reducers, and the camera zooms and pans. Positions come from the same d3-force worker as the
// SVG (use-force-layout.ts, Float32Array transfers); nodes show from the first layout frame, edges once
// it settles. A chunk of its own (loaded by NetworkView only when a graph passes the limit), so sigma
// never weighs on the map's first load. Keyboard and screen-reader users have the reactions table.
import { type Scene, WEBGL_EDGE_PICKING_MAX, webglGraphData, webglHighlight } from "@stancemap/charts";
import Graph from "graphology";
import { useCallback, useEffect, useRef, useState } from "react";
import Sigma from "sigma";
import { extremityArrow, layerFill, layerPlain, pathLine, pathLoop, sdfCircle, sdfDiamond, sdfSquare, sdfTriangle } from "sigma/rendering";
import { reactionDate } from "@/lib/reaction-date";
import { useForceLayout } from "./use-force-layout";

interface Props {
  scene: Scene;
  selected: string | null;
  onSelect: (slug: string) => void;
  label: string;
}

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  shape: string;
  type: "actor" | "event";
  index: number;
}
interface EdgeAttrs {
  colour: string;
  index: number;
}

interface Colours {
  fg: string;
  card: string;
  node: string;
  event: string;
  focus: string;
  dim: string;
}

const PRIMITIVES = {
  nodes: { shapes: [sdfCircle(), sdfSquare(), sdfDiamond(), sdfTriangle()], layers: [layerFill()] },
  edges: { paths: [pathLine(), pathLoop()], extremities: [extremityArrow()], layers: [layerPlain()], defaultHead: "arrow" },
};

const MIN_HEIGHT = 420;
const MAX_HEIGHT = 680;
/** Above this many edges, pans and zooms hide the edges until the camera stops, and edges are not picked. */
const MOVE_EDGES = WEBGL_EDGE_PICKING_MAX;
/** Main-thread work per layout frame is a node update and a redraw: a few a second is enough to watch it settle. */
const LAYOUT_FRAME_MS = 120;

function readColours(el: Element): Colours {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const card = v("--card", "#ffffff");
  return {
    fg: v("--fg", "#1c1d1f"),
    card,
    node: v("--net-node", "#5b6472"),
    event: v("--net-event", "#6f4fb8"),
    focus: v("--focus", "#111111"),
    dim: v("--line", "#d9dadc"),
  };
}

export default function WebglNetwork({ scene, selected, onSelect, label }: Props) {
  const layout = useForceLayout(scene, { minFrameMs: LAYOUT_FRAME_MS });
  const wrapRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const graphRef = useRef<Graph<NodeAttrs, EdgeAttrs> | null>(null);
  const edgesIn = useRef<Scene | null>(null);
  const [height, setHeight] = useState(MIN_HEIGHT);
  const [failed, setFailed] = useState<string | null>(null);
  const [detail, setDetail] = useState<EdgeDetail | null>(null);
  // What the reducers read, always current.
  const live = useRef<Look>({ scene, selected, hover: null, lit: null, colours: null });
  live.current.scene = scene;
  live.current.selected = selected;
  const stats = useRef({ draws: 0, lastMs: 0, renderStart: 0 });

  // Height follows the width, within bounds (as the SVG's does).
  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const measure = () => setHeight(Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, wrap.clientWidth * 0.62))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  // One sigma for the component's life; a new scene gets a new graph.
  useEffect(() => {
    const stage = stageRef.current;
    const wrap = wrapRef.current;
    if (!stage || !wrap) return;
    live.current.colours = readColours(wrap);
    const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "directed", multi: true, allowSelfLoops: true });
    graphRef.current = graph;
    let renderer: Sigma<NodeAttrs, EdgeAttrs>;
    try {
      renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, stage, {
        primitives: PRIMITIVES,
        settings: {
          itemSizesReference: "positions",
          zoomToSizeRatioFunction: (ratio: number) => ratio,
          minEdgeThickness: 0.8,
          // Past MOVE_EDGES, a camera move draws the nodes alone and the edges come back when it stops: a
          // software rasteriser (a GPU-less server, headless Chromium) redraws 100,000 edges a few times a second.
          hideEdgesOnMove: live.current.scene.edges.length > MOVE_EDGES,
          // Picking reads a smaller offscreen picture: four times fewer pixels drawn twice per frame.
          pickingDownSizingRatio: 4,
          labelRenderedSizeThreshold: 9,
          labelDensity: 0.4,
          enableCameraRotation: false,
          enableEdgeEvents: false,
          stagePadding: 16,
          gestureTarget: "graph",
        },
        nodeReducer: (_key, _data, attrs) => nodeLook(attrs, live.current),
        edgeReducer: (_key, _data, attrs) => edgeLook(attrs, live.current),
      });
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
      return;
    }
    sigmaRef.current = renderer;
    renderer.on("beforeRender", () => {
      stats.current.renderStart = performance.now();
    });
    renderer.on("afterRender", () => {
      stats.current.draws++;
      stats.current.lastMs = performance.now() - stats.current.renderStart;
      const s = window.__stancemapNetwork;
      if (s) {
        s.draws = stats.current.draws;
        s.lastDrawMs = stats.current.lastMs;
      }
    });
    const hoverTo = (index: number | null) => {
      const before = live.current.hover;
      if (before === index) return;
      live.current.hover = index;
      live.current.lit = webglHighlight(live.current.scene, index);
      refreshHighlight(renderer, graph, live.current.scene, before, index);
    };
    renderer.on("enterNode", ({ node }) => hoverTo(graph.getNodeAttribute(node, "index")));
    renderer.on("leaveNode", () => hoverTo(null));
    renderer.on("clickNode", ({ node }) => {
      const n = live.current.scene.nodes[graph.getNodeAttribute(node, "index")];
      if (n?.type === "actor") onSelectRef.current(n.slug);
    });
    renderer.on("clickEdge", ({ edge }) => {
      const e = live.current.scene.edges[graph.getEdgeAttribute(edge, "index")];
      if (e) setDetail({ edge: e.index, state: "loading" });
    });
    renderer.on("clickStage", () => setDetail(null));
    const media = matchMedia("(prefers-color-scheme: dark)");
    const recolour = () => {
      live.current.colours = readColours(wrap);
      renderer.refresh();
    };
    media.addEventListener("change", recolour);
    return () => {
      media.removeEventListener("change", recolour);
      renderer.kill();
      sigmaRef.current = null;
      graphRef.current = null;
    };
  }, []);

  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  // A new scene: its nodes at once (where the layout has them), its edges once the layout settles.
  // biome-ignore lint/correctness/useExhaustiveDependencies: per scene; later positions come through the next effect.
  useEffect(() => {
    const graph = graphRef.current;
    if (!graph) return;
    graph.clear();
    edgesIn.current = null;
    live.current.hover = null;
    live.current.lit = null;
    setDetail(null);
    const data = webglGraphData(scene);
    const p = layout.positions;
    for (const n of data.nodes) {
      const i = n.attributes.index;
      graph.addNode(n.key, { ...n.attributes, x: p[2 * i] ?? 0, y: -(p[2 * i + 1] ?? 0) });
    }
    sigmaRef.current?.setSetting("enableEdgeEvents", false);
  }, [scene]);

  // Each layout frame: move the nodes (one graph event, one partial refresh by sigma).
  useEffect(() => {
    const graph = graphRef.current;
    const p = layout.positions;
    if (!graph || p.length !== scene.nodes.length * 2 || graph.order !== scene.nodes.length) return;
    graph.updateEachNodeAttributes(
      (_key, attrs) => {
        attrs.x = p[2 * attrs.index] as number;
        // Sigma's y runs up; the layout's (and the SVG's) down.
        attrs.y = -(p[2 * attrs.index + 1] as number);
        return attrs;
      },
      { attributes: ["x", "y"] },
    );
    if (layout.done && edgesIn.current !== scene) {
      edgesIn.current = scene;
      for (const e of webglGraphData(scene).edges) graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
      // Edge picking draws every edge a second time per frame: beyond MOVE_EDGES the table lists them instead.
      sigmaRef.current?.setSetting("enableEdgeEvents", scene.edges.length <= MOVE_EDGES);
      sigmaRef.current?.setSetting("hideEdgesOnMove", scene.edges.length > MOVE_EDGES);
    }
  }, [layout.positions, layout.done, scene]);

  // Selection changes a node's look.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reducers read the selection from `live`.
  useEffect(() => {
    const renderer = sigmaRef.current;
    if (renderer) repaint(renderer, { nodes: graphRef.current?.nodes() ?? [] });
  }, [selected]);

  // Measurements for the benchmark and the tests.
  useEffect(() => {
    const t = layout.timings.current;
    window.__stancemapNetwork = {
      renderer: "webgl",
      nodes: scene.nodes.length,
      edges: scene.edges.length,
      posted: t.posted,
      firstFrame: t.first,
      settled: t.settled,
      ticks: t.ticks,
      draws: stats.current.draws,
      blits: 0,
      overlays: 0,
      lastDrawMs: stats.current.lastMs,
    };
  });

  const camera = () => sigmaRef.current?.getCamera();
  const zoomBy = (factor: number) => {
    const c = camera();
    if (c) void c.animate({ ratio: c.ratio / factor }, { duration: 200 });
  };
  const fit = () => void camera()?.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 200 });
  const reset = useCallback(() => layout.reset(), [layout.reset]);

  const status = layout.done
    ? ""
    : layout.ready
      ? `Laying out ${scene.nodes.length.toLocaleString("en-GB")} nodes… (the ${scene.edges.length.toLocaleString("en-GB")} reactions are drawn once it settles)`
      : `Laying out ${scene.nodes.length.toLocaleString("en-GB")} nodes…`;

  if (failed)
    return <p className="net-status">The network could not be drawn with WebGL ({failed}); the table below lists every reaction.</p>;

  return (
    <div className="net-chart" ref={wrapRef}>
      <div
        ref={stageRef}
        className="net-webgl"
        style={{ width: "100%", height }}
        role="img"
        aria-label={`${label} Drawn with WebGL because of its size; the table below lists every reaction.`}
        data-settled={layout.done ? "true" : "false"}
      />
      <div className="map-controls net-controls">
        <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={fit}>
          Fit
        </button>
        <button type="button" onClick={reset} title="Lay the network out again from the start">
          Reset
        </button>
      </div>
      <p className="net-status" role="status">
        {status}
      </p>
      {detail ? <EdgeDetailPanel scene={scene} detail={detail} onClose={() => setDetail(null)} onDetail={setDetail} /> : null}
    </div>
  );
}

/** What the reducers read: the scene, the selected actor, the hovered node and what it lights up, the theme. */
interface Look {
  scene: Scene;
  selected: string | null;
  hover: number | null;
  lit: ReturnType<typeof webglHighlight>;
  colours: Colours | null;
}

function nodeLook(attrs: NodeAttrs, l: Look) {
  const c = l.colours;
  const n = l.scene.nodes[attrs.index];
  const isSelected = n?.type === "actor" && n.slug === l.selected;
  const base = attrs.type === "event" ? (c?.event ?? "#6f4fb8") : (c?.node ?? "#5b6472");
  const lit = l.lit;
  const dimmed = lit !== null && !lit.nodes.has(attrs.index);
  return {
    x: attrs.x,
    y: attrs.y,
    size: attrs.size,
    label: attrs.label,
    shape: attrs.shape,
    color: isSelected ? (c?.focus ?? "#111") : dimmed ? (c?.dim ?? "#d9dadc") : base,
    labelColor: c?.fg ?? "#1c1d1f",
    labelVisibility: (isSelected || (lit !== null && !dimmed) ? "visible" : "auto") as "visible" | "auto",
    backdropColor: c?.card ?? "#ffffff",
  };
}

function edgeLook(attrs: EdgeAttrs, l: Look) {
  const e = l.scene.edges[attrs.index];
  const lit = l.lit?.edges.has(attrs.index) ?? false;
  return { color: lit && e ? e.colour : attrs.colour, size: lit ? 1.2 : 0.35 };
}

/** Hovering changes every node's look (the rest dim) and the edges of the node left and the node entered. */
function refreshHighlight(
  renderer: Sigma<NodeAttrs, EdgeAttrs>,
  graph: Graph<NodeAttrs, EdgeAttrs>,
  scene: Scene,
  before: number | null,
  after: number | null,
) {
  const edges = new Set<string>();
  for (const i of [before, after])
    if (i !== null)
      for (const e of scene.incident[i] ?? []) {
        const key = scene.edges[e]?.id;
        if (key && graph.hasEdge(key)) edges.add(key);
      }
  repaint(renderer, { nodes: graph.nodes(), edges: [...edges] });
}

/** Re-applies the reducers to these nodes and edges without re-indexing them (their places did not change);
 * items sigma has not processed yet (a frame after they were added) go through a normal refresh instead. */
function repaint(renderer: Sigma<NodeAttrs, EdgeAttrs>, partialGraph: { nodes?: string[]; edges?: string[] }) {
  try {
    renderer.refresh({ partialGraph, skipIndexation: true, schedule: true });
  } catch {
    renderer.refresh({ partialGraph, schedule: true });
  }
}

interface EdgeDetail {
  edge: number;
  state: "loading" | "error" | "done";
  summary?: string;
  quotes?: string[];
  sources?: string[];
}

interface ApiReaction {
  id: string;
  summary: string;
  evidence: { source: string; quote?: { text: string } }[];
}

/** A clicked edge's reaction with its evidence, asked for when clicked (the network is sent without it). */
function EdgeDetailPanel(props: { scene: Scene; detail: EdgeDetail; onClose: () => void; onDetail: (d: EdgeDetail) => void }) {
  const { scene, detail, onDetail } = props;
  const e = scene.edges[detail.edge];
  const source = e ? scene.nodes[e.s] : undefined;
  const target = e ? scene.nodes[e.t] : undefined;
  useEffect(() => {
    if (!e || !source || !target || detail.state !== "loading") return;
    const day = (e.date ?? e.attested).slice(0, 10);
    const params = new URLSearchParams({ actor: source.slug, target: target.slug, limit: "100" });
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) params.set("to", day);
    let live = true;
    fetch(`/api/v1/reactions?${params}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ data: ApiReaction[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((body) => {
        const found = body.data.find((r) => r.id === e.id);
        if (!live) return;
        onDetail(
          found
            ? {
                edge: detail.edge,
                state: "done",
                summary: found.summary,
                quotes: found.evidence.flatMap((x) => (x.quote ? [x.quote.text] : [])),
                sources: found.evidence.map((x) => x.source),
              }
            : { edge: detail.edge, state: "error" },
        );
      })
      .catch(() => live && onDetail({ edge: detail.edge, state: "error" }));
    return () => {
      live = false;
    };
  }, [e, source, target, detail.edge, detail.state, onDetail]);
  if (!e) return null;
  return (
    <section className="net-edge-detail" aria-label="The reaction clicked">
      <button type="button" className="link net-edge-close" onClick={props.onClose} aria-label="Close">
        ×
      </button>
      <strong>{e.name}</strong>
      <div className="muted">{reactionDate(e)}</div>
      {detail.state === "loading" ? <p className="muted">Loading its evidence…</p> : null}
      {detail.state === "error" ? <p className="muted">Its evidence could not be loaded.</p> : null}
      {detail.state === "done" ? (
        <>
          <p>{detail.summary}</p>
          {detail.quotes?.map((q) => (
            <blockquote key={q}>{q}</blockquote>
          ))}
          <p className="muted">Sources: {detail.sources?.join(", ")}</p>
        </>
      ) : null}
    </section>
  );
}
