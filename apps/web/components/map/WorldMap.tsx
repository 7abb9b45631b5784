"use client";
// The choropleth: React renders the projected paths (computed once on the server), D3 only handles
// zoom. A date change changes fills, nothing else, so recolouring is a cheap re-render. How a stance
// holds is drawn too (charts' cues.ts): stripes when uncertain, dots when its start is not stated, a
// marker per qualifying fact; the tooltip and each country's name say the same in words.
import { type Cell, cellSentence, cuePattern, cuePatternId, qualifierShape } from "@stancemap/charts";
import { NOT_COVERED_REASON } from "@stancemap/core/model";
import { select } from "d3-selection";
import { type ZoomBehavior, zoom, zoomIdentity } from "d3-zoom";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CompactStance } from "@/lib/dashboard-data";
import type { MapGeometry } from "@/lib/map-geometry";
import { CuePatternDef } from "./CueSwatch";

export type MapCell = Cell<CompactStance>;

/** The topic's qualifying facts: their labels, and their place (which picks the marker's shape). */
export interface QualifierNames {
  label: (key: string) => string;
  index: (key: string) => number;
}

interface Props {
  geometry: MapGeometry;
  /** Cells by ISO numeric feature id. */
  cells: ReadonlyMap<string, MapCell>;
  /** Feature ids of actors the filters (region, kind) leave out. */
  filtered?: ReadonlySet<string>;
  qualifiers: QualifierNames;
  selected: string | null;
  highlight: ReadonlySet<string>;
  /** The feature marked as the subject of the question (Afghanistan). */
  subject?: string;
  onSelect: (actor: string) => void;
}

export const FILTERED_TEXT = "left out by the filters";

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

/** The patterns the cells need, one per colour and cue. */
function CuePatterns({ cells }: { cells: Iterable<MapCell> }) {
  const patterns = new Map<string, NonNullable<ReturnType<typeof cuePattern>>>();
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

interface Tip {
  x: number;
  y: number;
  /** Opens below the shape: there is no room above it. */
  below: boolean;
  name: string;
  cell: MapCell | undefined;
  filtered: boolean;
}

const Country = memo(function Country(props: {
  id: string;
  name: string;
  d: string;
  fill: string;
  label: string;
  actor: string | null;
  selected: boolean;
  dimmed: boolean;
  subject: boolean;
  onSelect: (actor: string) => void;
  onTip: (id: string, target: SVGElement | null) => void;
}) {
  const { id, d, fill, label, actor, selected, dimmed, subject, onSelect, onTip } = props;
  const activate = () => actor && onSelect(actor);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it has the role, name, focus and keys of one.
    <path
      d={d}
      data-id={id}
      data-actor={actor ?? undefined}
      className={`country${selected ? " is-selected" : ""}${dimmed ? " is-dimmed" : ""}${subject ? " is-subject" : ""}`}
      style={{ fill }}
      tabIndex={0}
      role="button"
      aria-label={label}
      aria-pressed={actor ? selected : undefined}
      aria-disabled={actor ? undefined : true}
      onClick={activate}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          activate();
        }
      }}
      onPointerEnter={(e) => onTip(id, e.currentTarget)}
      onPointerLeave={() => onTip(id, null)}
      onFocus={(e) => onTip(id, e.currentTarget)}
      onBlur={() => onTip(id, null)}
    />
  );
});

export function WorldMap({ geometry, cells, filtered, qualifiers, selected, highlight, subject = "004", onSelect }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const names = useRef(new Map(geometry.features.map((f) => [f.id, f.name])));
  for (const m of geometry.markers) names.current.set(m.id, m.name);

  useEffect(() => {
    const svg = svgRef.current;
    const layer = layerRef.current;
    if (!svg || !layer) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 16])
      .translateExtent([
        [0, 0],
        [geometry.width, geometry.height],
      ])
      .on("zoom", (event) => {
        layer.setAttribute("transform", event.transform.toString());
        layer.style.setProperty("--zoom", String(event.transform.k));
      });
    zoomRef.current = behaviour;
    select(svg).call(behaviour).on("dblclick.zoom", null);
    return () => {
      select(svg).on(".zoom", null);
    };
  }, [geometry.width, geometry.height]);

  const zoomBy = (k: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) zoomRef.current.scaleBy(select(svg), k);
  };
  const reset = () => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) zoomRef.current.transform(select(svg), zoomIdentity);
  };

  const cellsRef = useRef(cells);
  cellsRef.current = cells;
  const filteredRef = useRef(filtered);
  filteredRef.current = filtered;
  const onTip = useCallback((id: string, target: SVGElement | null) => {
    const wrap = wrapRef.current;
    if (!target || !wrap) {
      setTip((t) => (t && names.current.get(id) === t.name ? null : t));
      return;
    }
    const box = target.getBoundingClientRect();
    const outer = wrap.getBoundingClientRect();
    const below = box.top - outer.top < 170;
    setTip({
      x: Math.min(Math.max(box.left + box.width / 2 - outer.left, 150), outer.width - 150),
      y: below ? box.bottom - outer.top : box.top - outer.top,
      below,
      name: names.current.get(id) ?? id,
      cell: cellsRef.current.get(id),
      filtered: filteredRef.current?.has(id) ?? false,
    });
  }, []);

  const dimmedBy = (cell: MapCell | undefined) => highlight.size > 0 && !(cell && highlight.has(cell.key));
  const tipCell = tip?.cell;

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
    <div className="map-wrap" ref={wrapRef}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; role=group names the set of countries. */}
      <svg
        ref={svgRef}
        className="world-map"
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role="group"
        aria-label="World map of stances; each country is a button"
      >
        <defs>
          <pattern id="no-data-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
          </pattern>
          <CuePatterns cells={cells.values()} />
        </defs>
        <g ref={layerRef}>
          <path d={geometry.sphere} className="sphere" />
          <path d={geometry.graticule} className="graticule" />
          {geometry.features.map((f) => {
            const cell = cells.get(f.id);
            return (
              <Country
                key={f.id}
                id={f.id}
                name={f.name}
                d={f.d}
                fill={filtered?.has(f.id) ? "var(--filtered)" : cellFill(cell)}
                label={accessibleName(f.name, cell, qualifiers, filtered?.has(f.id))}
                actor={cell?.actor ?? null}
                selected={!!cell && cell.actor === selected}
                dimmed={dimmedBy(cell)}
                subject={f.id === subject}
                onSelect={onSelect}
                onTip={onTip}
              />
            );
          })}
          {geometry.markers.map((m) => {
            const cell = cells.get(m.id);
            const actor = cell?.actor ?? null;
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
                style={{ fill: filtered?.has(m.id) ? "var(--filtered)" : cellFill(cell) }}
                tabIndex={0}
                role="button"
                aria-label={`${accessibleName(m.name, cell, qualifiers, filtered?.has(m.id))} (small state, shown as a dot)`}
                aria-pressed={actor ? actor === selected : undefined}
                onClick={() => actor && onSelect(actor)}
                onKeyDown={(e) => {
                  if ((e.key === "Enter" || e.key === " ") && actor) {
                    e.preventDefault();
                    onSelect(actor);
                  }
                }}
                onPointerEnter={(e) => onTip(m.id, e.currentTarget)}
                onPointerLeave={() => onTip(m.id, null)}
                onFocus={(e) => onTip(m.id, e.currentTarget)}
                onBlur={() => onTip(m.id, null)}
              />
            );
          })}
          {/* Unnamed shapes, not exposed to assistive technology: the country's name says the same in words. */}
          <g className="qualifier-layer">{qualifierMarks}</g>
        </g>
      </svg>
      <div className="map-controls">
        <button type="button" onClick={() => zoomBy(1.6)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.6)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={reset}>
          Reset
        </button>
      </div>
      {tip ? (
        <div className={`tooltip${tip.below ? " is-below" : ""}`} role="status" style={{ left: tip.x, top: tip.y }}>
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
        </div>
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
