"use client";
// The map as a table: the same data for screen readers, sorting, and copying. Every cue of the
// map is here in words: how the stance holds (uncertain, start not stated), its qualifying facts, and
// for no data, why. Any column sorts (a button in its header, aria-sort on it); the table's own
// export writes the rows as shown, in the order shown. Thousands of rows are windowed (@tanstack/react-virtual
// over the page's scroll): only the rows near the viewport are in the document, between two spacer rows that
// keep the table's height; aria-rowcount and aria-rowindex tell assistive technology where a row stands.
import { KIND_NAMES } from "@stancemap/charts";
import { compareEdtf, formatEdtf } from "@stancemap/core/model";
import { useWindowVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { CompactActor } from "@/lib/dashboard-data";
import { TableExport, type TableRow } from "./TableExport";
import { type MapCell, QualifierGlyph, type QualifierNames } from "./WorldMap";

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type SortKey = "actor" | "kind" | "category" | "holds" | "qualifiers" | "reason";
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "actor", label: "Actor" },
  { key: "kind", label: "Kind" },
  { key: "category", label: "Category" },
  { key: "holds", label: "Holds" },
  { key: "qualifiers", label: "Qualifying facts" },
  { key: "reason", label: "Why no data" },
];
export const SORT_NAMES: Record<SortKey, string> = {
  actor: "actor",
  kind: "kind",
  category: "category in the scale's order",
  holds: "since when the stance holds",
  qualifiers: "qualifying facts",
  reason: "why no data",
};

type Sort = { key: SortKey; dir: "ascending" | "descending" } | null;

/** Tables longer than this are windowed; a row's height before it is measured; rows drawn beyond the viewport. */
export const WINDOW_FROM = 300;
const ROW_HEIGHT = 38;
const OVERSCAN = 12;
/** The viewport assumed before the browser's is known (the server's HTML, hydration): its first rows. */
const FIRST_RECT = { width: 1280, height: 1200 };

const text = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });

/** The comparison for a column, ascending; rows without a value (no data) go last either way. */
function comparer(key: SortKey, cells: ReadonlyMap<string, MapCell>, order: (category: string) => number) {
  const cell = (a: CompactActor) => cells.get(a.slug);
  const held = (a: CompactActor) => Boolean(cell(a)?.since);
  switch (key) {
    case "actor":
      return { has: () => true, cmp: (a: CompactActor, b: CompactActor) => text(a.name, b.name) };
    case "kind":
      return {
        has: () => true,
        cmp: (a: CompactActor, b: CompactActor) => text(KIND_NAMES[a.kind] ?? a.kind, KIND_NAMES[b.kind] ?? b.kind),
      };
    case "category":
      return { has: held, cmp: (a: CompactActor, b: CompactActor) => order(cell(a)?.key ?? "") - order(cell(b)?.key ?? "") };
    case "holds":
      return { has: held, cmp: (a: CompactActor, b: CompactActor) => compareEdtf(cell(a)?.since ?? "", cell(b)?.since ?? "") };
    case "qualifiers":
      return {
        has: (a: CompactActor) => (cell(a)?.qualifiers.length ?? 0) > 0,
        cmp: (a: CompactActor, b: CompactActor) => (cell(a)?.qualifiers.length ?? 0) - (cell(b)?.qualifiers.length ?? 0),
      };
    case "reason":
      return {
        has: (a: CompactActor) => !held(a),
        cmp: (a: CompactActor, b: CompactActor) => text(cell(a)?.reason ?? "", cell(b)?.reason ?? ""),
      };
  }
}

export function MapTable(props: {
  actors: CompactActor[];
  cells: ReadonlyMap<string, MapCell>;
  qualifiers: QualifierNames;
  date: string;
  topicTitle: string;
  /** The topic's categories, for sorting by the scale's order. */
  categories?: readonly { key: string; order: number }[];
  /** The file name's stem for the table's export (absent: no export, as in the admin preview). */
  exportName?: string;
  onSelect: (slug: string) => void;
}) {
  const [sort, setSort] = useState<Sort>(null);
  const { actors, cells, categories } = props;
  const rows = useMemo(() => {
    if (!sort) return actors;
    const order = new Map((categories ?? []).map((c) => [c.key, c.order]));
    const { has, cmp } = comparer(sort.key, cells, (k) => order.get(k) ?? Number.MAX_SAFE_INTEGER);
    const sign = sort.dir === "ascending" ? 1 : -1;
    // Stable: equal rows keep the default order; rows with nothing to sort by stay last.
    return actors
      .map((a, i) => ({ a, i }))
      .sort((x, y) => {
        const hx = has(x.a);
        const hy = has(y.a);
        if (hx !== hy) return hx ? -1 : 1;
        return (hx ? sign * cmp(x.a, y.a) : 0) || x.i - y.i;
      })
      .map((x) => x.a);
  }, [actors, cells, categories, sort]);
  const toggle = (key: SortKey) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === "ascending" ? "descending" : "ascending" } : { key, dir: "ascending" }));
  // Windowed: the rows the page's scroll shows, measured as they draw (a row with qualifiers is taller).
  const windowed = rows.length > WINDOW_FROM;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [bodyTop, setBodyTop] = useState(0);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!windowed || !body) return;
    const measure = () => setBodyTop(body.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [windowed]);
  const virtualizer = useWindowVirtualizer({
    count: windowed ? rows.length : 0,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: bodyTop,
    initialRect: FIRST_RECT,
    enabled: windowed,
  });
  const exportRows = useCallback(
    () =>
      rows.map((a): TableRow => {
        const cell = cells.get(a.slug);
        const held = Boolean(cell?.since);
        return {
          actor: a.slug,
          name: a.name,
          kind: a.kind,
          category: held ? (cell?.key ?? null) : "no-data",
          category_label: held ? (cell?.label ?? null) : "No data",
          since: held ? (cell?.since ?? null) : null,
          since_label: held && cell?.since ? formatEdtf(cell.since) : null,
          basis: held ? (cell?.basis ?? null) : null,
          uncertain: held ? String(Boolean(cell?.uncertain)) : null,
          holds: held && cell ? upper(cell.describe) : null,
          qualifying_facts: cell?.qualifiers.length ? cell.qualifiers.map((q) => props.qualifiers.label(q)).join("; ") : null,
          why_no_data: cell && !held ? cell.reason : null,
        };
      }),
    [rows, cells, props.qualifiers],
  );

  const rowAt = (i: number, measure?: (el: Element | null) => void) => {
    const a = rows[i];
    if (!a) return null;
    const cell = cells.get(a.slug);
    return (
      <tr
        key={a.slug}
        ref={measure}
        data-index={i}
        aria-rowindex={i + 2}
        data-actor={a.slug}
        data-basis={cell?.basis ?? undefined}
        data-uncertain={cell?.uncertain || undefined}
      >
        <th scope="row">
          <a href={`/actors/${a.slug}`}>{a.name}</a>
        </th>
        <td>{KIND_NAMES[a.kind] ?? a.kind}</td>
        <td>
          {cell?.since ? (
            <span className="chip">
              <span className="swatch" style={{ background: cell.fill }} aria-hidden="true" />
              {cell.label}
              {cell.uncertain ? <span className="cue-tag">uncertain</span> : null}
              {cell.basis === "attested" ? <span className="cue-tag">start not stated</span> : null}
            </span>
          ) : (
            "No data"
          )}
        </td>
        <td>{cell?.since ? upper(cell.describe) : ""}</td>
        <td>
          {cell?.qualifiers.length ? (
            <ul className="cell-qualifiers">
              {cell.qualifiers.map((q) => (
                <li key={q}>
                  <QualifierGlyph index={props.qualifiers.index(q)} /> {props.qualifiers.label(q)}
                </li>
              ))}
            </ul>
          ) : null}
        </td>
        <td className="muted">{cell && !cell.since ? cell.reason : ""}</td>
      </tr>
    );
  };

  return (
    <div className="table-view">
      {props.exportName ? (
        <div className="table-tools">
          <TableExport
            count={rows.length}
            rows={exportRows}
            name={props.exportName}
            date={props.date}
            topicTitle={props.topicTitle}
            sortedBy={sort ? `${SORT_NAMES[sort.key]}, ${sort.dir}` : null}
          />
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="map-table" aria-rowcount={rows.length + 1}>
          <caption>
            {props.topicTitle}, as of {formatEdtf(props.date)}: {actors.length} {actors.length === 1 ? "actor" : "actors"}
            {sort ? `, sorted by ${SORT_NAMES[sort.key]}, ${sort.dir}` : ""}
          </caption>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? sort.dir : undefined}>
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {sort?.key === c.key ? (sort.dir === "ascending" ? " ▲" : " ▼") : " ↕"}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {windowed ? windowRows(virtualizer, (i) => rowAt(i, virtualizer.measureElement)) : rows.map((_, i) => rowAt(i))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The rows in the window, between spacer rows as tall as the rows left out above and below it. */
function windowRows(virtualizer: Virtualizer<Window, Element>, row: (i: number) => ReactNode) {
  const items = virtualizer.getVirtualItems();
  const margin = virtualizer.options.scrollMargin;
  const first = items[0];
  const last = items[items.length - 1];
  const above = first ? first.start - margin : 0;
  const below = last ? virtualizer.getTotalSize() - (last.end - margin) : virtualizer.getTotalSize();
  return (
    <>
      {above > 0 ? (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it to focus; aria-rowcount gives the table's rows.
        <tr className="table-spacer" aria-hidden="true" style={{ height: above }}>
          <td colSpan={COLUMNS.length} />
        </tr>
      ) : null}
      {items.map((v) => row(v.index))}
      {below > 0 ? (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it to focus; aria-rowcount gives the table's rows.
        <tr className="table-spacer" aria-hidden="true" style={{ height: below }}>
          <td colSpan={COLUMNS.length} />
        </tr>
      ) : null}
    </>
  );
}
