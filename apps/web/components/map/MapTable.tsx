"use client";
// The map as a table: the same data for screen readers, sorting by eye, and copying. Every cue of the
// map is here in words: how the stance holds (uncertain, start not stated), its qualifying facts, and
// for no data, why.
import { KIND_NAMES } from "@stancemap/charts";
import { formatEdtf } from "@stancemap/core/model";
import type { CompactActor } from "@/lib/dashboard-data";
import { type MapCell, QualifierGlyph, type QualifierNames } from "./WorldMap";

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function MapTable(props: {
  actors: CompactActor[];
  cells: ReadonlyMap<string, MapCell>;
  qualifiers: QualifierNames;
  date: string;
  topicTitle: string;
  onSelect: (slug: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="map-table">
        <caption>
          {props.topicTitle}, as of {formatEdtf(props.date)}: {props.actors.length} {props.actors.length === 1 ? "actor" : "actors"}
        </caption>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Kind</th>
            <th scope="col">Category</th>
            <th scope="col">Holds</th>
            <th scope="col">Qualifying facts</th>
            <th scope="col">Why no data</th>
          </tr>
        </thead>
        <tbody>
          {props.actors.map((a) => {
            const cell = props.cells.get(a.slug);
            return (
              <tr key={a.slug} data-actor={a.slug} data-basis={cell?.basis ?? undefined} data-uncertain={cell?.uncertain || undefined}>
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
          })}
        </tbody>
      </table>
    </div>
  );
}
