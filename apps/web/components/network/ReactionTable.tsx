"use client";
import type { Scene, SceneNode } from "@stancemap/charts";
import { edgeColour, sentimentLabel } from "@stancemap/charts";
// The network as a table: the reactions shown, for keyboard and screen-reader users and for copying.
// Rows are rendered when the table is opened, a page at a time for large graphs.
import { compareEdtf, formatEdtf } from "@stancemap/core/model";
import { useMemo, useState } from "react";
import { reactionDate } from "@/lib/reaction-date";

const PAGE = 500;

export function ReactionTable(props: {
  id: string;
  scene: Scene;
  date: string;
  /** What the network left out, when it did (the newest reactions are kept). */
  note?: string | null;
  onSelect: (slug: string) => void;
}) {
  const { scene } = props;
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const rows = useMemo(
    () =>
      open
        ? [...scene.edges].sort(
            (a, b) =>
              compareEdtf(a.date || a.attested, b.date || b.attested) ||
              (scene.nodes[a.s]?.label ?? "").localeCompare(scene.nodes[b.s]?.label ?? "", "en") ||
              a.id.localeCompare(b.id),
          )
        : [],
    [open, scene],
  );
  const who = (n: SceneNode | undefined) =>
    n?.type === "actor" ? (
      <button type="button" className="link" onClick={() => props.onSelect(n.slug)}>
        {n.label}
      </button>
    ) : (
      (n?.label ?? "")
    );

  return (
    <details id={props.id} className="net-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        The {scene.edges.length.toLocaleString("en-GB")} reaction{scene.edges.length === 1 ? "" : "s"} shown, as a table
        {props.note ? " (the newest; older ones left out)" : ""}
      </summary>
      {props.note ? <p className="net-truncated">{props.note}</p> : null}
      {open ? (
        <div className="table-wrap">
          <table>
            <caption>Reactions up to {formatEdtf(props.date)}, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Reacted to</th>
                <th scope="col">Date</th>
                <th scope="col">Sentiment</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((e) => {
                const target = scene.nodes[e.t];
                return (
                  <tr key={e.id} data-reaction={e.id}>
                    <th scope="row">{who(scene.nodes[e.s])}</th>
                    <td>
                      {target?.type === "event" ? <span className="muted">Event: </span> : null}
                      {who(target)}
                    </td>
                    <td>{reactionDate(e)}</td>
                    <td>
                      <span className="sentiment" style={{ borderColor: edgeColour(e.sentiment) }}>
                        {sentimentLabel(e.sentiment)}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > limit ? (
            <p>
              Showing {limit} of {rows.length}.{" "}
              <button type="button" className="link" onClick={() => setLimit((l) => l + PAGE * 4)}>
                Show {Math.min(PAGE * 4, rows.length - limit)} more
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
