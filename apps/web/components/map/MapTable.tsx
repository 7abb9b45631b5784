"use client";
// The map as a table: the same data for screen readers, sorting by eye, and copying.
import { KIND_NAMES } from "@stancemap/charts";
import { formatDate } from "@/components/dashboard/format";
import type { CompactActor } from "@/lib/dashboard-data";
import type { MapCell } from "./WorldMap";

export function MapTable(props: {
  actors: CompactActor[];
  cells: ReadonlyMap<string, MapCell>;
  date: string;
  topicTitle: string;
  onSelect: (slug: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="map-table">
        <caption>
          {props.topicTitle}, as of {formatDate(props.date)}: {props.actors.length} actors
        </caption>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Kind</th>
            <th scope="col">Category</th>
            <th scope="col">Since</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {props.actors.map((a) => {
            const cell = props.cells.get(a.slug);
            return (
              <tr key={a.slug} data-actor={a.slug}>
                <th scope="row">
                  <a href={`/actors/${a.slug}`}>{a.name}</a>
                </th>
                <td>{KIND_NAMES[a.kind] ?? a.kind}</td>
                <td>
                  {cell?.since ? (
                    <span className="chip">
                      <span className="swatch" style={{ background: cell.fill }} aria-hidden="true" />
                      {cell.label}
                    </span>
                  ) : (
                    "No data"
                  )}
                </td>
                <td>{cell?.since ? formatDate(cell.since, cell.stance?.validFromPrecision) : ""}</td>
                <td className="muted">{cell?.note ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
