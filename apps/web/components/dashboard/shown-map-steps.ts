// The dashboard's map over every visible actor worked out in steps (use-shown-map.ts): slices of actors,
// their counts summed and cells gathered, the main thread handed back whenever a step has taken its time.
// A chunk of its own, loaded after hydration: the first render does not need it.
import type { CompactActor } from "@/lib/dashboard-data";
import { mapAt } from "@/lib/first-screen";
import type { Data, Index, ShownMap } from "./use-shown-map";

/** Resolves at the main thread's next free moment (scheduler.yield where there is one). */
function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
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
