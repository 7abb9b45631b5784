"use client";
// Actors without territory (the UN, groups, people…) beside the map, grouped by kind, in their category colour.
import { KIND_LABELS, textOn } from "@stancemap/charts";
import type { CompactActor } from "@/lib/dashboard-data";
import { accessibleName, type MapCell } from "./WorldMap";

export function ActorBadges(props: {
  actors: CompactActor[];
  cells: ReadonlyMap<string, MapCell>;
  selected: string | null;
  highlight: ReadonlySet<string>;
  onSelect: (slug: string) => void;
}) {
  const groups = new Map<string, CompactActor[]>();
  for (const a of props.actors) groups.set(a.kind, [...(groups.get(a.kind) ?? []), a]);
  const order = Object.keys(KIND_LABELS);
  const sorted = [...groups.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return (
    <div className="badges">
      {sorted.map(([kind, list]) => (
        <section key={kind} aria-label={KIND_LABELS[kind] ?? kind}>
          <h3>{KIND_LABELS[kind] ?? kind}</h3>
          <ul>
            {list.map((a) => {
              const cell = props.cells.get(a.slug);
              const has = !!cell?.since;
              const dimmed = props.highlight.size > 0 && !(cell && props.highlight.has(cell.key));
              return (
                <li key={a.slug}>
                  <button
                    type="button"
                    className={`badge${has ? "" : " badge-no-data"}${dimmed ? " is-dimmed" : ""}`}
                    style={has && cell ? { background: cell.fill, color: textOn(cell.fill) } : undefined}
                    aria-pressed={props.selected === a.slug}
                    aria-label={accessibleName(a.name, cell)}
                    data-actor={a.slug}
                    onClick={() => props.onSelect(a.slug)}
                  >
                    {a.name}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
