"use client";
// The choropleth: the countries' outlines are one static, cached file (the world's sprite, charts'
// worldSprite), each drawn here by a `<use>` that references its outline and carries its fill (which
// the outline inherits), name, role and focus; the page itself carries no path data. D3 only handles
// zoom. React draws each country once with the fill and name of the first render (the server's HTML);
// after that a date change writes fills and names straight onto the shapes that changed, in one layout
// effect, so recolouring re-renders no country, however large the dataset. How a stance
// holds is drawn too (charts' cues.ts): stripes when uncertain, dots when its start is not stated, a
// marker per qualifying fact; the tooltip and each country's name say the same in words.
// Keyboard: the map is one tab stop (a roving tabindex over the countries and small-state dots).
// Arrow keys move by geography from the focused country's centre to the nearest one in that direction,
// among the dataset's actors first (a country without data is reached by arrows only when no actor lies
// that way); Home/End go to the first/last in reading order (actors A–Z, then the other countries A–Z);
// typing letters jumps to a matching name; Enter or Space selects.
import { type Cell, cellSentence, cuePattern, cuePatternId, qualifierShape } from "@stancemap/charts";
import { spriteId } from "@stancemap/charts/world-shapes";
import { NOT_COVERED_REASON } from "@stancemap/core/model";
import type { ZoomBehavior } from "d3-zoom";
import {
  type KeyboardEvent,
  memo,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { preload } from "react-dom";
import type { CompactStance } from "@/lib/dashboard-data";
import type { MapLayout } from "@/lib/map-geometry";
import { CuePatternDef } from "./CueSwatch";

export type MapCell = Cell<CompactStance>;

/** The topic's qualifying facts: their labels, and their place (which picks the marker's shape). */
export interface QualifierNames {
  label: (key: string) => string;
  index: (key: string) => number;
}

interface Props {
  geometry: MapLayout;
  /** Cells by ISO numeric feature id. */
  cells: ReadonlyMap<string, MapCell>;
  /** Cells that follow the time slider between renders (by feature id): when given, the fills and names
   * are painted from these as soon as they change, without a render; `cells` then drives the rest (the
   * qualifier markers, dimming, selection), a moment later. */
  live?: { get(): ReadonlyMap<string, MapCell>; subscribe(listener: () => void): () => void } | null;
  /** Every colour a live cell may take (the topic's categories'): their cue patterns are drawn up front. */
  palette?: readonly string[];
  /** Feature ids of actors the filters (region, kind) leave out. */
  filtered?: ReadonlySet<string>;
  qualifiers: QualifierNames;
  selected: string | null;
  highlight: ReadonlySet<string>;
  /** The feature marked as the subject of the question (Afghanistan). */
  subject?: string;
  /** Feature ids to zoom the map to (the region filter's countries); empty or absent, the whole world. */
  zoomTo?: readonly string[];
  onSelect: (actor: string) => void;
}

export const FILTERED_TEXT = "left out by the filters";
const NO_PAINT: Paint = { fill: "", label: "" };

export function accessibleName(name: string, cell: MapCell | undefined, qualifiers?: QualifierNames, filtered = false): string {
  if (filtered) return `${name}: ${FILTERED_TEXT}`;
  if (!cell) return `${name}: no data. ${NOT_COVERED_REASON}`;
  return cellSentence(name, cell, qualifiers?.label);
}

/** The fill of a cell: its colour, its cue pattern, or the no-data hatching. */
export function cellFill(cell: MapCell | undefined): string {
  if (!cell?.since) return "url(#no-data-hatch)";
  const id = cuePatternId(cell.fill, { uncertain: cell.uncertain, attested: cell.basis === "attested" });
  return id ? `url(#${id})` : cell.fill;
}

/** The patterns the cells need, one per colour and cue; every cue of each colour of `palette` too. */
function CuePatterns({ cells, palette = [] }: { cells: Iterable<MapCell>; palette?: readonly string[] }) {
  const patterns = new Map<string, NonNullable<ReturnType<typeof cuePattern>>>();
  for (const colour of palette)
    for (const u of [0, 1, 2]) {
      // Uncertain, start not stated, both.
      const p = cuePattern(colour, { uncertain: u !== 1, attested: u !== 0 });
      if (p) patterns.set(p.id, p);
    }
  for (const cell of cells) {
    if (!cell.since) continue;
    const p = cuePattern(cell.fill, { uncertain: cell.uncertain, attested: cell.basis === "attested" });
    if (p) patterns.set(p.id, p);
  }
  return (
    <>
      {[...patterns.values()].map((p) => (
        <CuePatternDef key={p.id} id={p.id} pattern={p} />
      ))}
    </>
  );
}

/** A box in viewport coordinates: what the tooltip points at. */
interface Anchor {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Tip {
  id: string;
  anchor: Anchor;
  name: string;
  cell: MapCell | undefined;
  filtered: boolean;
}

/** A country or small-state dot the keyboard can reach, at its projected centre. */
interface NavItem {
  id: string;
  name: string;
  x: number;
  y: number;
  /** An actor of the dataset (selectable): reached before the countries without data. */
  data: boolean;
}

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/**
 * The nearest item from `from` in a direction. Candidates are ranked: actors within 45° of the direction,
 * then actors anywhere ahead (the half-plane), then the same for countries without data; within a rank,
 * the least distance along the direction plus twice the distance across it.
 */
export function nearestInDirection<T extends { id: string; x: number; y: number; data: boolean }>(
  items: readonly T[],
  from: T,
  [dx, dy]: [number, number],
): T | null {
  let best: { item: T; rank: number; score: number } | null = null;
  for (const item of items) {
    if (item.id === from.id) continue;
    const ax = item.x - from.x;
    const ay = item.y - from.y;
    const along = ax * dx + ay * dy;
    if (along <= 0.5) continue;
    const across = Math.abs(ax * dy - ay * dx);
    const rank = (item.data ? 0 : 2) + (across <= along ? 0 : 1);
    const score = along + 2 * across;
    if (!best || rank < best.rank || (rank === best.rank && score < best.score)) best = { item, rank, score };
  }
  return best?.item ?? null;
}

/** Handlers the countries and dots share (stable: the memoised countries skip re-rendering). */
interface ItemHandlers {
  onSelect: (actor: string) => void;
  onKey: (id: string, actor: string | null, e: KeyboardEvent<SVGElement>) => void;
  onFocusItem: (id: string, target: SVGElement) => void;
  onBlurItem: (id: string) => void;
  onPointer: (id: string, e: PointerEvent<SVGElement> | null) => void;
}

/** A shape's fill and accessible name as React first drew them; later ones are written by `paint`. */
interface Paint {
  fill: string;
  label: string;
}

const Country = memo(function Country(props: {
  id: string;
  name: string;
  /** The address of its outline in the world's sprite. */
  href: string;
  /** The first render's fill and name (a stable object: later dates do not re-render the country). */
  first: Paint;
  actor: string | null;
  selected: boolean;
  dimmed: boolean;
  subject: boolean;
  tabStop: boolean;
  on: ItemHandlers;
}) {
  const { id, href, first, actor, selected, dimmed, subject, tabStop, on } = props;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it has the role, name, focus and keys of one.
    <use
      href={href}
      data-id={id}
      data-actor={actor ?? undefined}
      className={`country${selected ? " is-selected" : ""}${dimmed ? " is-dimmed" : ""}${subject ? " is-subject" : ""}`}
      style={{ fill: first.fill }}
      tabIndex={tabStop ? 0 : -1}
      role="button"
      aria-label={first.label}
      aria-pressed={actor ? selected : undefined}
      aria-disabled={actor ? undefined : true}
      onClick={() => actor && on.onSelect(actor)}
      onKeyDown={(e) => on.onKey(id, actor, e)}
      onPointerEnter={(e) => on.onPointer(id, e)}
      onPointerLeave={() => on.onPointer(id, null)}
      onFocus={(e) => on.onFocusItem(id, e.currentTarget)}
      onBlur={() => on.onBlurItem(id)}
    />
  );
});

/** The tooltip, fixed to the viewport: above what it points at, else below, else beside; never outside the viewport. */
function MapTip({ tip, children }: { tip: Tip; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const margin = 8;
    const gap = 10;
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const a = tip.anchor;
    const midX = (a.left + a.right) / 2;
    let left = midX - w / 2;
    let top: number;
    if (a.top - gap - h >= margin) top = a.top - gap - h;
    else if (a.bottom + gap + h <= vh - margin) top = a.bottom + gap;
    else {
      // No room above or below: beside the anchor, on the side with more room.
      top = (a.top + a.bottom) / 2 - h / 2;
      left = vw - a.right >= a.left ? a.right + gap : a.left - gap - w;
    }
    el.style.left = `${Math.round(Math.max(margin, Math.min(vw - margin - w, left)))}px`;
    el.style.top = `${Math.round(Math.max(margin, Math.min(vh - margin - h, top)))}px`;
    el.style.visibility = "visible";
  }, [tip]);
  return (
    <div ref={ref} className="tooltip map-tip" role="status" data-id={tip.id} style={{ left: 0, top: 0, visibility: "hidden" }}>
      {children}
    </div>
  );
}

export function WorldMap({
  geometry,
  cells,
  live,
  palette,
  filtered,
  qualifiers,
  selected,
  highlight,
  subject = "004",
  zoomTo,
  onSelect,
}: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  /** The country the keyboard last reached: the map's one tab stop. */
  const [active, setActive] = useState<string | null>(null);
  /** The country whose outline shows keyboard focus (drawn on top, following its shape). */
  const [ring, setRing] = useState<string | null>(null);
  const names = useRef(new Map(geometry.features.map((f) => [f.id, f.name])));
  for (const m of geometry.markers) names.current.set(m.id, m.name);

  /** d3-zoom and d3-selection, loaded after the first paint (map-zoom.ts); null until then. */
  const [d3, setD3] = useState<typeof import("./map-zoom") | null>(null);
  useEffect(() => {
    let live = true;
    void import("./map-zoom").then((m) => live && setD3(m));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    const svg = svgRef.current;
    const layer = layerRef.current;
    if (!svg || !layer || !d3) return;
    const behaviour = d3
      .zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 16])
      .translateExtent([
        [0, 0],
        [geometry.width, geometry.height],
      ])
      .on("zoom", (event) => {
        layer.setAttribute("transform", event.transform.toString());
        layer.style.setProperty("--zoom", String(event.transform.k));
        setTip(null);
      });
    zoomRef.current = behaviour;
    d3.select(svg).call(behaviour).on("dblclick.zoom", null);
    return () => {
      d3.select(svg).on(".zoom", null);
      zoomRef.current = null;
    };
  }, [d3, geometry.width, geometry.height]);

  const zoomBy = (k: number) => {
    const svg = svgRef.current;
    if (svg && d3 && zoomRef.current) zoomRef.current.scaleBy(d3.select(svg), k);
  };
  const reset = () => {
    const svg = svgRef.current;
    if (svg && d3 && zoomRef.current) zoomRef.current.transform(d3.select(svg), d3.zoomIdentity);
  };

  // The region filter zooms to its countries' bounds; no region, the whole world.
  const zoomKey = zoomTo?.join(",") ?? "";
  const firstZoom = useRef(true);
  useEffect(() => {
    const svg = svgRef.current;
    const behaviour = zoomRef.current;
    if (!svg || !behaviour || !d3) return;
    const ids = zoomKey ? zoomKey.split(",") : [];
    const boxes = ids.flatMap((id): [number, number, number, number][] => {
      const b = geometry.features.find((x) => x.id === id)?.box;
      if (b) return [b];
      const m = geometry.markers.find((x) => x.id === id);
      return m ? [[m.x - 10, m.y - 10, m.x + 10, m.y + 10]] : [];
    });
    if (boxes.length === 0) {
      // Nothing to undo on the first render: the map starts whole.
      if (!firstZoom.current) behaviour.transform(d3.select(svg), d3.zoomIdentity);
    } else {
      const [x0, y0, x1, y1] = boxes.reduce((u, b) => [
        Math.min(u[0], b[0]),
        Math.min(u[1], b[1]),
        Math.max(u[2], b[2]),
        Math.max(u[3], b[3]),
      ]);
      const { width, height } = geometry;
      const k = Math.max(1, Math.min(8, 0.85 / Math.max((x1 - x0) / width, (y1 - y0) / height)));
      const tx = Math.min(0, Math.max(width - width * k, width / 2 - (k * (x0 + x1)) / 2));
      const ty = Math.min(0, Math.max(height - height * k, height / 2 - (k * (y0 + y1)) / 2));
      behaviour.transform(d3.select(svg), d3.zoomIdentity.translate(tx, ty).scale(k));
    }
    firstZoom.current = false;
  }, [zoomKey, geometry, d3]);

  const cellsRef = useRef(cells);
  cellsRef.current = live?.get() ?? cells;
  const filteredRef = useRef(filtered);
  filteredRef.current = filtered;
  const showTip = useCallback((id: string, anchor: Anchor | null) => {
    if (!anchor) {
      setTip((t) => (t && t.id === id ? null : t));
      return;
    }
    setTip({
      id,
      anchor,
      name: names.current.get(id) ?? id,
      cell: cellsRef.current.get(id),
      filtered: filteredRef.current?.has(id) ?? false,
    });
  }, []);
  // A fixed tooltip would stay behind when the page scrolls: it goes.
  useEffect(() => {
    if (!tip) return;
    const hide = () => setTip(null);
    window.addEventListener("scroll", hide, { passive: true, once: true });
    return () => window.removeEventListener("scroll", hide);
  }, [tip]);

  // Keyboard order: actors A–Z, then the countries without data A–Z (features come sorted by name).
  // Which shapes are actors' changes with the filters, not with the date: keyed so a date change keeps the order.
  let withData = "";
  for (const [id, cell] of cells) if (cell.actor && !filtered?.has(id)) withData += `${id},`;
  const items = useMemo((): NavItem[] => {
    const data = new Set(withData.split(","));
    const all: NavItem[] = [
      ...geometry.features.map((f) => ({ id: f.id, name: f.name, x: f.centroid[0], y: f.centroid[1], data: data.has(f.id) })),
      ...geometry.markers.map((m) => ({ id: m.id, name: m.name, x: m.x, y: m.y, data: data.has(m.id) })),
    ];
    const byName = (a: NavItem, b: NavItem) => a.name.localeCompare(b.name);
    return [...all.filter((i) => i.data).sort(byName), ...all.filter((i) => !i.data).sort(byName)];
  }, [geometry, withData]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const selectedId = useMemo(() => {
    if (!selected) return null;
    for (const [id, cell] of cells) if (cell.actor === selected) return id;
    return null;
  }, [cells, selected]);
  const tabStop = (active && items.some((i) => i.id === active) ? active : null) ?? selectedId ?? items[0]?.id ?? null;

  const moveTo = useCallback(
    (id: string) => {
      const svg = svgRef.current;
      const el = svg?.querySelector<SVGElement>(`[data-id="${CSS.escape(id)}"]`);
      if (!svg || !el) return;
      // Zoomed in, the country may be outside the frame: bring its centre into view first.
      const item = itemsRef.current.find((i) => i.id === id);
      const behaviour = zoomRef.current;
      if (item && behaviour && d3 && layerRef.current) {
        const t = d3.zoomTransform(svg);
        const [px, py] = t.apply([item.x, item.y]);
        const { width, height } = geometry;
        if (t.k > 1 && (px < 0 || py < 0 || px > width || py > height)) behaviour.translateTo(d3.select(svg), item.x, item.y);
      }
      el.focus({ preventScroll: true });
    },
    [geometry, d3],
  );

  const typed = useRef({ text: "", at: 0 });
  const onKey = useCallback(
    (id: string, actor: string | null, e: KeyboardEvent<SVGElement>) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const list = itemsRef.current;
      const here = list.find((i) => i.id === id);
      if (!here) return;
      const now = performance.now();
      const typing = now - typed.current.at < 1000 && typed.current.text !== "";
      const direction = DIRECTIONS[e.key];
      if (direction) {
        e.preventDefault();
        const next = nearestInDirection(list, here, direction);
        if (next) moveTo(next.id);
      } else if (e.key === "Home" || e.key === "End") {
        e.preventDefault();
        const next = e.key === "Home" ? list[0] : list[list.length - 1];
        if (next) moveTo(next.id);
      } else if ((e.key === "Enter" || e.key === " ") && !(e.key === " " && typing)) {
        e.preventDefault();
        if (actor) onSelect(actor);
      } else if (e.key.length === 1 && /\S| /u.test(e.key)) {
        // Type-ahead: letters typed in quick succession spell the start of a name.
        e.preventDefault();
        const text = (typing ? typed.current.text : "") + e.key.toLocaleLowerCase();
        typed.current = { text, at: now };
        // One letter repeated cycles through the names that start with it.
        const cycling = [...text].every((c) => c === text[0]);
        const prefix = cycling ? text[0] : text;
        const start = list.indexOf(here);
        const order = [...list.slice(start + (cycling ? 1 : 0)), ...list.slice(0, start + (cycling ? 1 : 0))];
        const next = order.find((i) => i.name.toLocaleLowerCase().startsWith(prefix ?? ""));
        if (next && next.id !== id) moveTo(next.id);
      }
    },
    [moveTo, onSelect],
  );
  const onFocusItem = useCallback(
    (id: string, target: SVGElement) => {
      setActive(id);
      setRing(target.matches(":focus-visible") ? id : null);
      // The anchor: the shape's box, within what the map shows.
      const box = target.getBoundingClientRect();
      const frame = svgRef.current?.getBoundingClientRect() ?? box;
      showTip(id, {
        left: Math.max(box.left, frame.left),
        right: Math.min(box.right, frame.right),
        top: Math.max(box.top, frame.top),
        bottom: Math.min(box.bottom, frame.bottom),
      });
    },
    [showTip],
  );
  const onBlurItem = useCallback(
    (id: string) => {
      setRing((r) => (r === id ? null : r));
      showTip(id, null);
    },
    [showTip],
  );
  const onPointer = useCallback(
    (id: string, e: PointerEvent<SVGElement> | null) =>
      showTip(id, e ? { left: e.clientX - 6, right: e.clientX + 6, top: e.clientY - 6, bottom: e.clientY + 6 } : null),
    [showTip],
  );
  const handlers = useMemo(
    (): ItemHandlers => ({ onSelect, onKey, onFocusItem, onBlurItem, onPointer }),
    [onSelect, onKey, onFocusItem, onBlurItem, onPointer],
  );

  const dimmedBy = (cell: MapCell | undefined) => highlight.size > 0 && !(cell && highlight.has(cell.key));
  /** What each shape shows: its fill and its name in words, at the date. */
  const paintOf = (id: string, name: string, marker: boolean, from: ReadonlyMap<string, MapCell> = cells): Paint => {
    const cell = from.get(id);
    const out = filtered?.has(id) ?? false;
    const label = accessibleName(name, cell, qualifiers, out);
    return { fill: out ? "var(--filtered)" : cellFill(cell), label: marker ? `${label} (small state, shown as a dot)` : label };
  };
  // The first render's paint, kept: React writes it (into the server's HTML, and at hydration), never again.
  const firstPaint = useRef<Map<string, Paint> | null>(null);
  if (firstPaint.current === null) {
    const first = new Map<string, Paint>();
    for (const f of geometry.features) first.set(f.id, paintOf(f.id, f.name, false));
    for (const m of geometry.markers) first.set(m.id, paintOf(m.id, m.name, true));
    firstPaint.current = first;
  }
  const painted = useRef<Map<string, Paint>>(firstPaint.current);
  // Later paints: one pass over the shapes, touching only those whose fill or name changed; from the live
  // cells when there are some (a date change paints at once, with no render), else from `cells`.
  const paintRef = useRef<() => void>(() => {});
  paintRef.current = () => {
    const svg = svgRef.current;
    if (!svg) return;
    const from = live?.get() ?? cells;
    cellsRef.current = from;
    for (const el of svg.querySelectorAll<SVGElement>("use.country[data-id], circle.marker[data-id]")) {
      const id = el.dataset.id ?? "";
      const next = paintOf(id, names.current.get(id) ?? id, el.tagName === "circle", from);
      const was = painted.current.get(id);
      if (was?.fill !== next.fill) el.style.fill = next.fill;
      if (was?.label !== next.label) el.setAttribute("aria-label", next.label);
      painted.current.set(id, next);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: paintOf reads exactly these.
  useLayoutEffect(() => paintRef.current(), [cells, live, filtered, qualifiers]);
  useLayoutEffect(() => live?.subscribe(() => paintRef.current()), [live]);
  const tipCell = tip?.cell;
  const ringFeature = ring ? geometry.features.find((f) => f.id === ring) : undefined;
  const shape = (id: string) => `${geometry.sprite}#${id}`;
  // The outlines as early as the page can ask for them (a `<link rel=preload>` in the head).
  preload(geometry.sprite, { as: "image", type: "image/svg+xml", fetchPriority: "high" });

  // A marker per qualifying fact at the country's centre (beside a small state's dot), drawn over the fills.
  const centres = useMemo(() => {
    const out = new Map<string, [number, number]>();
    for (const f of geometry.features) out.set(f.id, f.centroid);
    for (const m of geometry.markers) out.set(m.id, [m.x + 7, m.y - 5]);
    return out;
  }, [geometry]);
  const qualifierMarks = [...cells.entries()].flatMap(([id, cell]) => {
    const at = centres.get(id);
    if (!at || !cell.since || cell.qualifiers.length === 0 || filtered?.has(id)) return [];
    return cell.qualifiers.map((q, i) => (
      <path
        key={`q-${id}-${q}`}
        d={qualifierShape(qualifiers.index(q)).d}
        style={{ transform: `translate(${at[0]}px, ${at[1]}px) scale(calc(1 / var(--zoom, 1))) translate(${i * 10}px, 0)` }}
        className={`qualifier-mark${dimmedBy(cell) ? " is-dimmed" : ""}`}
        data-actor={cell.actor}
        data-qualifier={q}
      />
    ));
  });

  return (
    <div className="map-wrap">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; role=group names the set of countries. */}
      <svg
        ref={svgRef}
        className="world-map"
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role="group"
        aria-label="World map of stances. Arrow keys move between countries, letters jump to a name, Enter selects."
      >
        <defs>
          <pattern id="no-data-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
          </pattern>
          <CuePatterns cells={cells.values()} palette={palette} />
        </defs>
        <g ref={layerRef}>
          <use href={shape("sphere")} className="sphere" />
          <use href={shape("graticule")} className="graticule" />
          {geometry.features.map((f) => {
            const cell = cells.get(f.id);
            return (
              <Country
                key={f.id}
                id={f.id}
                name={f.name}
                href={shape(spriteId(f.id))}
                first={firstPaint.current?.get(f.id) ?? NO_PAINT}
                actor={cell?.actor ?? null}
                selected={!!cell && cell.actor === selected}
                dimmed={dimmedBy(cell)}
                subject={f.id === subject}
                tabStop={f.id === tabStop}
                on={handlers}
              />
            );
          })}
          {geometry.markers.map((m) => {
            const cell = cells.get(m.id);
            const actor = cell?.actor ?? null;
            const first = firstPaint.current?.get(m.id) ?? NO_PAINT;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG marker cannot be a <button>.
              <circle
                key={`marker-${m.id}`}
                cx={m.x}
                cy={m.y}
                r={4}
                data-id={m.id}
                data-actor={actor ?? undefined}
                className={`marker${actor && actor === selected ? " is-selected" : ""}${dimmedBy(cell) ? " is-dimmed" : ""}`}
                style={{ fill: first.fill }}
                tabIndex={m.id === tabStop ? 0 : -1}
                role="button"
                aria-label={first.label}
                aria-pressed={actor ? actor === selected : undefined}
                aria-disabled={actor ? undefined : true}
                onClick={() => actor && onSelect(actor)}
                onKeyDown={(e) => onKey(m.id, actor, e)}
                onPointerEnter={(e) => onPointer(m.id, e)}
                onPointerLeave={() => onPointer(m.id, null)}
                onFocus={(e) => onFocusItem(m.id, e.currentTarget)}
                onBlur={() => onBlurItem(m.id)}
              />
            );
          })}
          {/* Unnamed shapes, not exposed to assistive technology: the country's name says the same in words. */}
          <g className="qualifier-layer">{qualifierMarks}</g>
          {/* Keyboard focus: the country's own outline, drawn over its neighbours. */}
          {ringFeature ? (
            <g className="focus-ring">
              <use href={shape(spriteId(ringFeature.id))} className="focus-ring-outer" />
              <use href={shape(spriteId(ringFeature.id))} className="focus-ring-inner" />
            </g>
          ) : null}
        </g>
      </svg>
      <div className="map-controls">
        {/* Until d3-zoom has loaded (just after the first paint) the buttons say they cannot act yet. */}
        <button type="button" onClick={() => zoomBy(1.6)} aria-label="Zoom in" aria-disabled={d3 ? undefined : true}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.6)} aria-label="Zoom out" aria-disabled={d3 ? undefined : true}>
          −
        </button>
        <button type="button" onClick={reset} aria-disabled={d3 ? undefined : true}>
          Reset
        </button>
      </div>
      {tip ? (
        <MapTip tip={tip}>
          <strong>{tip.name}</strong>
          {tip.filtered ? (
            <div className="muted">Left out by the region or kind filters.</div>
          ) : tipCell?.since ? (
            <>
              <div>
                <span className="swatch" style={{ background: tipCell.fill }} aria-hidden="true" /> {tipCell.label}
                {tipCell.uncertain ? <span className="cue-tag"> uncertain</span> : null}
              </div>
              <div className="muted tip-holding">
                {tipCell.describe.charAt(0).toUpperCase() + tipCell.describe.slice(1)}
                {tipCell.ageDays && tipCell.ageDays > 0 && tipCell.basis === "began" && !tipCell.uncertain
                  ? " (stance dates from then; shown as of the chosen date)"
                  : ""}
              </div>
              {tipCell.qualifiers.length ? (
                <ul className="tip-qualifiers">
                  {tipCell.qualifiers.map((q) => (
                    <li key={q}>
                      <QualifierGlyph index={qualifiers.index(q)} /> {qualifiers.label(q)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {tipCell.stance?.quote ? (
                <blockquote>
                  “{tipCell.stance.quote.length > 140 ? `${tipCell.stance.quote.slice(0, 139)}…` : tipCell.stance.quote}”
                  {tipCell.stance.speaker ? <cite> {tipCell.stance.speaker}</cite> : null}
                </blockquote>
              ) : null}
            </>
          ) : (
            <div className="muted tip-reason">No data: {tipCell?.reason ?? NOT_COVERED_REASON}</div>
          )}
        </MapTip>
      ) : null}
    </div>
  );
}

/** A qualifier's marker as a small inline SVG, for the tooltip, the legend and the table. */
export function QualifierGlyph({ index }: { index: number }) {
  return (
    <svg className="qualifier-glyph" viewBox="-6 -6 12 12" width="12" height="12" aria-hidden="true">
      <path d={qualifierShape(index).d} className="qualifier-mark" />
    </svg>
  );
}
