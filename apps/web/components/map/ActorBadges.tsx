"use client";
// Actors without territory (the UN, groups, people…) beside the map, grouped by kind, in their category colour.
// Large groups show their first badges and expand on request, so thousands of actors stay usable and fast.
import { KIND_LABELS, textOn } from "@stancemap/charts";
import { memo, useState } from "react";
import type { CompactActor } from "@/lib/dashboard-data";
import { accessibleName, type MapCell } from "./WorldMap";

const SHOWN = 30;

const Badge = memo(function Badge(props: {
  slug: string;
  name: string;
  fill: string | null;
  label: string;
  selected: boolean;
  dimmed: boolean;
  onSelect: (slug: string) => void;
}) {
  const { slug, fill } = props;
  return (
    <li>
      <button
        type="button"
        className={`badge${fill ? "" : " badge-no-data"}${props.dimmed ? " is-dimmed" : ""}`}
        style={fill ? { background: fill, color: textOn(fill) } : undefined}
        aria-pressed={props.selected}
        aria-label={props.label}
        data-actor={slug}
        onClick={() => props.onSelect(slug)}
      >
        {props.name}
      </button>
    </li>
  );
});

export function ActorBadges(props: {
  actors: CompactActor[];
  cells: ReadonlyMap<string, MapCell>;
  selected: string | null;
  highlight: ReadonlySet<string>;
  onSelect: (slug: string) => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const groups = new Map<string, CompactActor[]>();
  for (const a of props.actors) {
    const list = groups.get(a.kind);
    if (list) list.push(a);
    else groups.set(a.kind, [a]);
  }
  const order = Object.keys(KIND_LABELS);
  const sorted = [...groups.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return (
    <div className="badges">
      {sorted.map(([kind, list]) => {
        const open = expanded.has(kind) || list.length <= SHOWN;
        // The selected actor stays visible even in a collapsed group.
        const shown = open ? list : list.filter((a, i) => i < SHOWN || a.slug === props.selected);
        return (
          <section key={kind} aria-label={KIND_LABELS[kind] ?? kind}>
            <h3>
              {KIND_LABELS[kind] ?? kind} <span className="count">{list.length}</span>
            </h3>
            <ul>
              {shown.map((a) => {
                const cell = props.cells.get(a.slug);
                return (
                  <Badge
                    key={a.slug}
                    slug={a.slug}
                    name={a.name}
                    fill={cell?.since ? cell.fill : null}
                    label={accessibleName(a.name, cell)}
                    selected={props.selected === a.slug}
                    dimmed={props.highlight.size > 0 && !(cell && props.highlight.has(cell.key))}
                    onSelect={props.onSelect}
                  />
                );
              })}
            </ul>
            {list.length > SHOWN ? (
              <button
                type="button"
                className="link"
                aria-expanded={open}
                onClick={() =>
                  setExpanded((s) => {
                    const next = new Set(s);
                    if (open) next.delete(kind);
                    else next.add(kind);
                    return next;
                  })
                }
              >
                {open ? "Show fewer" : `Show all ${list.length}`}
              </button>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
