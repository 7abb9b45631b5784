"use client";
// The choropleth: React renders the projected paths (computed once on the server), D3 only handles
// zoom. A date change changes fills, nothing else, so recolouring is a cheap re-render.
import type { Cell } from "@stancemap/charts";
import { select } from "d3-selection";
import { type ZoomBehavior, zoom, zoomIdentity } from "d3-zoom";
import { memo, useCallback, useEffect, useRef, useState } from "react";
import { formatDate } from "@/components/dashboard/format";
import type { CompactStance } from "@/lib/dashboard-data";
import type { MapGeometry } from "@/lib/map-geometry";

export type MapCell = Cell<CompactStance>;

interface Props {
  geometry: MapGeometry;
  /** Cells by ISO numeric feature id. */
  cells: ReadonlyMap<string, MapCell>;
  selected: string | null;
  highlight: ReadonlySet<string>;
  /** The feature marked as the subject of the question (Afghanistan). */
  subject?: string;
  onSelect: (actor: string) => void;
}

export function accessibleName(name: string, cell: MapCell | undefined): string {
  if (!cell) return `${name}: not in the dataset`;
  if (!cell.since) return `${name}: no data${cell.note ? ` (${cell.note})` : ""}`;
  return `${name}: ${cell.label.toLowerCase()} since ${formatDate(cell.since, cell.stance?.validFromPrecision)}`;
}

interface Tip {
  x: number;
  y: number;
  name: string;
  cell: MapCell | undefined;
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

export function WorldMap({ geometry, cells, selected, highlight, subject = "004", onSelect }: Props) {
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
  const onTip = useCallback((id: string, target: SVGElement | null) => {
    const wrap = wrapRef.current;
    if (!target || !wrap) {
      setTip((t) => (t && names.current.get(id) === t.name ? null : t));
      return;
    }
    const box = target.getBoundingClientRect();
    const outer = wrap.getBoundingClientRect();
    setTip({
      x: box.left + box.width / 2 - outer.left,
      y: box.top - outer.top,
      name: names.current.get(id) ?? id,
      cell: cellsRef.current.get(id),
    });
  }, []);

  const dimmedBy = (cell: MapCell | undefined) => highlight.size > 0 && !(cell && highlight.has(cell.key));
  const tipCell = tip?.cell;

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
                fill={cell?.since ? cell.fill : "url(#no-data-hatch)"}
                label={accessibleName(f.name, cell)}
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
                style={{ fill: cell?.since ? cell.fill : "url(#no-data-hatch)" }}
                tabIndex={0}
                role="button"
                aria-label={`${accessibleName(m.name, cell)} (small state, shown as a dot)`}
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
        <div className="tooltip" role="status" style={{ left: tip.x, top: tip.y }}>
          <strong>{tip.name}</strong>
          {tipCell?.since ? (
            <>
              <div>
                <span className="swatch" style={{ background: tipCell.fill }} aria-hidden="true" /> {tipCell.label}
              </div>
              <div className="muted">
                Since {formatDate(tipCell.since, tipCell.stance?.validFromPrecision)}
                {tipCell.ageDays && tipCell.ageDays > 0 ? ` (stance dates from then; shown as of the chosen date)` : ""}
              </div>
              {tipCell.stance?.quote ? (
                <blockquote>
                  “{tipCell.stance.quote.length > 140 ? `${tipCell.stance.quote.slice(0, 139)}…` : tipCell.stance.quote}”
                  {tipCell.stance.speaker ? <cite> {tipCell.stance.speaker}</cite> : null}
                </blockquote>
              ) : null}
            </>
          ) : (
            <div className="muted">{tipCell ? `No data${tipCell.note ? `: ${tipCell.note}` : ""}` : "Not in the dataset"}</div>
          )}
        </div>
      ) : null}
    </div>
  );
}
