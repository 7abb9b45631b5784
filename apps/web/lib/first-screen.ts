// What the dashboard's first screen shows, worked out on the server so the page carries that and not
// every stance: the map's cells of the actors drawn (countries, the first badges of each kind), the
// legend's counts over every actor, the lists of kinds and regions. The rest comes with the stance index.
import { cellsOf, KIND_LABELS } from "@stancemap/charts";
import { type LegendItem, StanceIndex, topicMapAt } from "@stancemap/core/model";
import type { MapCell } from "@/components/map/WorldMap";
import type { CompactActor, CompactReaction, DashboardData } from "./dashboard-data";

export const NO_DATA_FILL = "var(--nodata)";
/** Badges shown per kind before "Show all" (ActorBadges). */
export const BADGES_SHOWN = 30;

export interface MapFilters {
  region: string | null;
  kind: readonly string[];
}

export interface FirstScreen {
  /** The date and filters it was worked out for; the client uses it only while they are the URL's. */
  date: string;
  region: string | null;
  kind: string[];
  /** Cells of the actors the page carries, by actor slug. */
  cells: [string, MapCell][];
  legend: LegendItem[];
  noData: number;
  uncertain: number;
  attested: number;
  qualifiers: { key: string; label: string; count: number }[];
  /** Stances shown that date from more than a year earlier. */
  stale: number;
  /** Actors without territory per kind, after the filters: the badges' counts. */
  totals: Record<string, number>;
  kinds: string[];
  regions: string[];
}

export function visibleActors<A extends Pick<CompactActor, "region" | "kind">>(actors: readonly A[], f: MapFilters): A[] {
  return actors.filter((a) => (!f.region || a.region === f.region) && (f.kind.length === 0 || f.kind.includes(a.kind)));
}

export function kindsOf(actors: readonly CompactActor[]): string[] {
  return Object.keys(KIND_LABELS).filter((k) => actors.some((a) => a.kind === k));
}

export function regionsOf(actors: readonly CompactActor[]): string[] {
  return [...new Set(actors.flatMap((a) => (a.region ? [a.region] : [])))].sort();
}

/** The topic's map at a date over the given actors: core's topicMapAt, then charts' cells by actor. */
export function mapAt(
  data: Pick<DashboardData, "topic" | "gaps">,
  index: StanceIndex<DashboardData["stances"][number]>,
  actors: readonly CompactActor[],
  date: string,
) {
  const { topic } = data;
  const map = topicMapAt({
    topic: topic.slug,
    categories: topic.categories,
    actors,
    stances: index,
    gaps: data.gaps.map((g) => ({ ...g, topic: topic.slug })),
    qualifiers: topic.qualifiers,
    date,
  });
  const byActor: Map<string, MapCell> = cellsOf(map, NO_DATA_FILL);
  return { map, byActor };
}

/**
 * The first screen of `data` (every actor and stance of the topic) at a date with filters, and the
 * actors the page must carry to draw it: every actor with territory, the first badges of each kind, and
 * the selected actor.
 */
export function firstScreenOf(
  data: DashboardData,
  at: { date: string; selected: string | null } & MapFilters,
): { firstScreen: FirstScreen; actors: CompactActor[] } {
  const visible = visibleActors(data.actors, at);
  const { map, byActor } = mapAt(data, new StanceIndex(data.stances, data.topic.slug), visible, at.date);
  const shown = new Set(visible);
  const totals: Record<string, number> = {};
  const carried: CompactActor[] = [];
  for (const a of data.actors) {
    if (a.isoNumeric || a.slug === at.selected) {
      carried.push(a);
      continue;
    }
    if (!shown.has(a)) continue;
    const n = totals[a.kind] ?? 0;
    totals[a.kind] = n + 1;
    if (n < BADGES_SHOWN) carried.push(a);
  }
  let stale = 0;
  for (const c of byActor.values()) if (c.ageDays !== null && c.ageDays > 365) stale++;
  return screenOf(at, carried, byActor, map, { stale, totals, kinds: kindsOf(data.actors), regions: regionsOf(data.actors) });
}

/**
 * The actors the reactions name (each reacting actor and each actor reacted to), in the order of `all`: a
 * page that opens on a network small enough to ride in it carries them, and draws that network at once,
 * without waiting for the stance index that brings every actor.
 */
export function actorsNamedBy(
  all: readonly CompactActor[],
  reactions: readonly Pick<CompactReaction, "actor" | "target">[],
): CompactActor[] {
  const named = new Set<string>();
  for (const r of reactions) {
    named.add(r.actor);
    if ("actor" in r.target) named.add(r.target.actor);
  }
  return all.filter((a) => named.has(a.slug));
}

/**
 * The first screen's record, however its map was worked out (here over every stance; on the server over
 * the topic's frame, lib/server/first-screen.ts): the carried actors' cells, and the map's legend and counts.
 */
export function screenOf(
  at: { date: string } & MapFilters,
  carried: CompactActor[],
  byActor: ReadonlyMap<string, MapCell>,
  map: Pick<FirstScreen, "legend" | "noData" | "uncertain" | "attested"> & {
    qualifiers: readonly { key: string; label: string; count: number }[];
  },
  rest: Pick<FirstScreen, "stale" | "totals" | "kinds" | "regions">,
): { firstScreen: FirstScreen; actors: CompactActor[] } {
  const cells = carried.flatMap((a): [string, MapCell][] => {
    const cell = byActor.get(a.slug);
    return cell ? [[a.slug, cell]] : [];
  });
  return {
    actors: carried,
    firstScreen: {
      date: at.date,
      region: at.region,
      kind: [...at.kind],
      cells,
      legend: map.legend,
      noData: map.noData,
      uncertain: map.uncertain,
      attested: map.attested,
      qualifiers: map.qualifiers.map((q) => ({ key: q.key, label: q.label, count: q.count })),
      ...rest,
    },
  };
}
