"use client";
// The map at the dashboard's date over every visible actor (the legend's counts, the badges', table's and
// panel's cells): worked out in steps of a few milliseconds after a date change, so 20,000 actors make no
// long task (shown-map-steps.ts, a chunk loaded after hydration); the views switch to the new date when
// the whole of it is done. The first render (on the server, at hydration) works it out at once, so the
// page's HTML has it.
import type { StanceIndex } from "@stancemap/core/model";
import { startTransition, useEffect, useState } from "react";
import type { MapCell } from "@/components/map/WorldMap";
import type { CompactActor, DashboardData } from "@/lib/dashboard-data";
import { mapAt } from "@/lib/first-screen";

export type Data = Pick<DashboardData, "topic" | "gaps">;
export type Index = StanceIndex<DashboardData["stances"][number]>;
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

/** The map in one pass: the first render's. */
export function shownMapNow(data: Data, index: Index, actors: readonly CompactActor[], date: string): ShownMap {
  const { map, byActor } = mapAt(data, index, actors, date);
  let stale = 0;
  for (const c of byActor.values()) if (c.ageDays !== null && c.ageDays > 365) stale++;
  return { data, index, actors, date, map, byActor, stale };
}

/** The map of `actors` at `date` once worked out (the previous one until then); null while not `ready`. */
export function useShownMap(ready: boolean, data: Data, index: Index, actors: readonly CompactActor[], date: string): ShownMap | null {
  const [shown, setShown] = useState<ShownMap | null>(() => (ready ? shownMapNow(data, index, actors, date) : null));
  const current = shown && shown.data === data && shown.index === index && shown.actors === actors && shown.date === date;
  useEffect(() => {
    if (!ready || current) return;
    let stop = false;
    void import("./shown-map-steps")
      .then((m) => m.shownMapInSteps(data, index, actors, date, () => stop))
      .then((next) => {
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
  const slugs = new Set(actors.map((a) => a.slug));
  const own = data.gaps.filter((g) => slugs.has(g.actor));
  return (date) => mapAt({ topic: data.topic, gaps: own }, index, actors, date).byActor;
}
