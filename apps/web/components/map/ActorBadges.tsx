"use client";
// Actors without territory (the UN, groups, people…) beside the map, grouped by kind, in their category colour.
// Large groups show their first badges and expand on request, so thousands of actors stay usable and fast.
// The badges are one tab stop (a roving tabindex): arrow keys, Home and End move between them.
import { KIND_LABELS, textOn } from "@stancemap/charts";
import { type KeyboardEvent, memo, useState } from "react";
import type { CompactActor } from "@/lib/dashboard-data";
import { CueSwatch } from "./CueSwatch";
import { accessibleName, type MapCell, QualifierGlyph, type QualifierNames } from "./WorldMap";

const SHOWN = 30;

const Badge = memo(function Badge(props: {
  slug: string;
  name: string;
  fill: string | null;
  uncertain: boolean;
  attested: boolean;
  /** Marker indexes of the qualifying facts the stance carries, comma-separated (a string keeps the memo). */
  qualifiers: string;
  label: string;
  selected: boolean;
  dimmed: boolean;
  tabStop: boolean;
  onSelect: (slug: string) => void;
  onFocus: (slug: string) => void;
}) {
  const { slug, fill, uncertain, attested } = props;
  // Uncertain: a faded badge (the text in the page's colour); the cue's own swatch says which cue it is.
  const style = fill ? (uncertain ? { ["--badge" as string]: fill } : { background: fill, color: textOn(fill) }) : undefined;
  return (
    <li>
      <button
        type="button"
        className={`badge${fill ? "" : " badge-no-data"}${uncertain ? " is-uncertain" : ""}${attested ? " is-attested" : ""}${props.dimmed ? " is-dimmed" : ""}`}
        style={style}
        aria-pressed={props.selected}
        aria-label={props.label}
        data-actor={slug}
        tabIndex={props.tabStop ? 0 : -1}
        onClick={() => props.onSelect(slug)}
        onFocus={() => props.onFocus(slug)}
        onKeyDown={moveAmongBadges}
      >
        {fill && (uncertain || attested) ? <CueSwatch colour={fill} uncertain={uncertain} attested={attested} size={12} /> : null}
        {props.name}
        {props.qualifiers ? props.qualifiers.split(",").map((q) => <QualifierGlyph key={q} index={Number(q)} />) : null}
      </button>
    </li>
  );
});

/** Arrow keys, Home and End move focus between the badges, in reading order. */
function moveAmongBadges(e: KeyboardEvent<HTMLButtonElement>) {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
  if (step === undefined && e.key !== "Home" && e.key !== "End") return;
  const all = [...(e.currentTarget.closest(".badges")?.querySelectorAll<HTMLButtonElement>("button.badge") ?? [])];
  const at = all.indexOf(e.currentTarget);
  const next =
    e.key === "Home" ? all[0] : e.key === "End" ? all[all.length - 1] : all[Math.max(0, Math.min(all.length - 1, at + (step ?? 0)))];
  e.preventDefault();
  next?.focus();
}

/** Memoised: the dashboard re-renders it only when its actors, cells or selection change, not on every URL write. */
export const ActorBadges = memo(function ActorBadges(props: {
  actors: CompactActor[];
  cells: ReadonlyMap<string, MapCell>;
  qualifiers: QualifierNames;
  selected: string | null;
  highlight: ReadonlySet<string>;
  /** Actors per kind when `actors` holds only the first of each group (the page's first screen, before
   * the stance index has arrived): the counts said, and "Show all" waits for the rest. */
  totals?: Readonly<Record<string, number>>;
  onSelect: (slug: string) => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const groups = new Map<string, CompactActor[]>();
  for (const a of props.actors) {
    const list = groups.get(a.kind);
    if (list) list.push(a);
    else groups.set(a.kind, [a]);
  }
  const order = Object.keys(KIND_LABELS);
  const sorted = [...groups.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const shownOf = (kind: string, list: CompactActor[]) => {
    const open = expanded.has(kind) || list.length <= SHOWN;
    // The selected actor stays visible even in a collapsed group.
    return { open, shown: open ? list : list.filter((a, i) => i < SHOWN || a.slug === props.selected) };
  };
  const reachable = sorted.flatMap(([kind, list]) => shownOf(kind, list).shown.map((a) => a.slug));
  // The one tab stop: the badge last focused, else the selected actor's, else the first.
  const tabStop = [active, props.selected].find((s) => s && reachable.includes(s)) ?? reachable[0];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of sections, named for assistive technology; not a form's fieldset.
    <div className="badges" role="group" aria-label="Actors without territory (arrow keys move between them)">
      {sorted.map(([kind, list]) => {
        const { open, shown } = shownOf(kind, list);
        const total = props.totals?.[kind] ?? list.length;
        const waiting = total > list.length;
        return (
          <section key={kind} aria-label={KIND_LABELS[kind] ?? kind}>
            <h3>
              {KIND_LABELS[kind] ?? kind} <span className="count">{total.toLocaleString("en")}</span>
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
                    uncertain={Boolean(cell?.since && cell.uncertain)}
                    attested={cell?.basis === "attested"}
                    qualifiers={cell?.since ? cell.qualifiers.map((q) => props.qualifiers.index(q)).join(",") : ""}
                    label={accessibleName(a.name, cell, props.qualifiers)}
                    selected={props.selected === a.slug}
                    dimmed={props.highlight.size > 0 && !(cell && props.highlight.has(cell.key))}
                    tabStop={a.slug === tabStop}
                    onSelect={props.onSelect}
                    onFocus={setActive}
                  />
                );
              })}
            </ul>
            {total > SHOWN ? (
              <button
                type="button"
                className="link"
                aria-expanded={open && !waiting}
                onClick={() =>
                  setExpanded((s) => {
                    const next = new Set(s);
                    // Pressed before the rest has arrived: the group opens when it does.
                    if (open && !waiting) next.delete(kind);
                    else next.add(kind);
                    return next;
                  })
                }
              >
                {open && !waiting ? "Show fewer" : `Show all ${total.toLocaleString("en")}`}
              </button>
            ) : null}
          </section>
        );
      })}
    </div>
  );
});
