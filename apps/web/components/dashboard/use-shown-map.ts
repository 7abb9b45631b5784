"use client";
// The map at the dashboard's date over every visible actor (the legend's counts, the badges', table's and
// panel's cells): worked out in steps of a few milliseconds after a date change, so 20,000 actors make no
// long task; the views switch to the new date when the whole of it is done. The first render (on the
// server, at hydration) works it out at once, so the page's HTML has it.
import type { StanceIndex } from "@stancemap/core/model";
import { startTransition, useEffect, useState } from "react";
import type { MapCell } from "@/components/map/WorldMap";
import type { CompactActor, DashboardData } from "@/lib/dashboard-data";
import { mapAt } from "@/lib/first-screen";
import { yieldToMain } from "./date-store";

type Data = Pick<DashboardData, "topic" | "gaps">;
type Index = StanceIndex<DashboardData["stances"][number]>;
type TopicMap = ReturnType<typeof mapAt>["map"];

export interface ShownMap {
  /** What it was worked out for. */
  data: Data;
  index: Index;
  actors: readonly CompactActor[];
  date: string;
  map: Pick<TopicMap, "legend" | "noData" | "uncertain" | "attested" | "qualifiers">;
  byActor: Map<string, MapCell>;
  /** Stances shown that date from more than a year earlier. */
  stale: number;
}

/** Actors per step, and the time after which a step hands the main thread back. */
const STEP = 500;
const BUDGET_MS = 8;

function empty(data: Data, index: Index, actors: readonly CompactActor[], date: string): ShownMap {
  return {
    data,
    index,
    actors,
    date,
    map: { legend: [], noData: 0, uncertain: 0, attested: 0, qualifiers: [] },
    byActor: new Map(),
    stale: 0,
  };
}

/** Adds the map of `slice` into `into` (counts summed, cells appended); `gaps` by actor, for the slice's own. */
function add(into: ShownMap, slice: readonly CompactActor[], gaps: ReadonlyMap<string, Data["gaps"][number]>): void {
  const own: Data["gaps"] = [];
  for (const a of slice) {
    const g = gaps.get(a.slug);
    if (g) own.push(g);
  }
  const { map, byActor } = mapAt({ topic: into.data.topic, gaps: own }, into.index, slice, into.date);
  const m = into.map;
  into.map = {
    legend: m.legend.length ? m.legend.map((l, i) => ({ ...l, count: l.count + (map.legend[i]?.count ?? 0) })) : map.legend,
    noData: m.noData + map.noData,
    uncertain: m.uncertain + map.uncertain,
    attested: m.attested + map.attested,
    qualifiers: m.qualifiers.length
      ? m.qualifiers.map((q, i) => ({ ...q, count: q.count + (map.qualifiers[i]?.count ?? 0) }))
      : map.qualifiers,
  };
  for (const [slug, cell] of byActor) {
    into.byActor.set(slug, cell);
    if (cell.ageDays !== null && cell.ageDays > 365) into.stale++;
  }
}

function gapsByActor(data: Data): Map<string, Data["gaps"][number]> {
  return new Map(data.gaps.map((g) => [g.actor, g]));
}

export function shownMapNow(data: Data, index: Index, actors: readonly CompactActor[], date: string): ShownMap {
  const out = empty(data, index, actors, date);
  add(out, actors, gapsByActor(data));
  return out;
}

export async function shownMapInSteps(
  data: Data,
  index: Index,
  actors: readonly CompactActor[],
  date: string,
  cancelled: () => boolean,
  budgetMs = BUDGET_MS,
): Promise<ShownMap | null> {
  const out = empty(data, index, actors, date);
  const gaps = gapsByActor(data);
  let since = performance.now();
  for (let i = 0; i < actors.length || i === 0; i += STEP) {
    add(out, actors.slice(i, i + STEP), gaps);
    if (performance.now() - since >= budgetMs) {
      await yieldToMain();
      if (cancelled()) return null;
      since = performance.now();
    }
  }
  return out;
}

/** The map of `actors` at `date` once worked out (the previous one until then); null while not `ready`. */
export function useShownMap(ready: boolean, data: Data, index: Index, actors: readonly CompactActor[], date: string): ShownMap | null {
  const [shown, setShown] = useState<ShownMap | null>(() => (ready ? shownMapNow(data, index, actors, date) : null));
  const current = shown && shown.data === data && shown.index === index && shown.actors === actors && shown.date === date;
  useEffect(() => {
    if (!ready || current) return;
    let stop = false;
    void shownMapInSteps(data, index, actors, date, () => stop).then((next) => {
      if (next && !stop) startTransition(() => setShown(next));
    });
    return () => {
      stop = true;
    };
  }, [ready, current, data, index, actors, date]);
  return ready ? shown : null;
}

/** The cells of `actors` at any date, their gaps picked out once: what a date change recolours the map from. */
export function cellsAtFor(data: Data, index: Index, actors: readonly CompactActor[]): (date: string) => Map<string, MapCell> {
  const gaps = gapsByActor(data);
  const own = actors.flatMap((a) => {
    const g = gaps.get(a.slug);
    return g ? [g] : [];
  });
  return (date) => mapAt({ topic: data.topic, gaps: own }, index, actors, date).byActor;
}
