// A topic's map at a date: each actor's category (or "no data"), and the legend's counts in scale order.
import { type DatedStance, stancesAsOf } from "./stance-at-date";
import { StanceIndex } from "./stance-index";

export interface MapCategory {
  key: string;
  label: string;
  order: number;
  colour: string;
}

export interface MapActor {
  slug: string;
}

export interface MapStance extends DatedStance {
  category: string;
}

export interface MapGap {
  actor: string;
  topic: string;
  note: string;
}

export type MapEntry<A extends MapActor, S extends MapStance> =
  | { actor: A; status: "stance"; stance: S; category: MapCategory; ageDays: number }
  | { actor: A; status: "no-data"; note: string | null };

export interface LegendItem {
  key: string;
  label: string;
  colour: string;
  order: number;
  count: number;
}

export interface TopicMap<A extends MapActor, S extends MapStance> {
  topic: string;
  date: string;
  entries: MapEntry<A, S>[];
  legend: LegendItem[];
  noData: number;
}

export const NO_DATA_KEY = "no-data";

export function topicMapAt<A extends MapActor, S extends MapStance>(input: {
  topic: string;
  categories: readonly MapCategory[];
  actors: readonly A[];
  /** The topic's stances, or an index of them (faster when the same stances are asked about many dates). */
  stances: readonly S[] | StanceIndex<S>;
  gaps?: readonly MapGap[];
  date: string;
}): TopicMap<A, S> {
  const { topic, date } = input;
  const categories = [...input.categories].sort((a, b) => a.order - b.order);
  const byKey = new Map(categories.map((c) => [c.key, c]));
  const counts = new Map(categories.map((c) => [c.key, 0]));
  const gapNotes = new Map((input.gaps ?? []).filter((g) => g.topic === topic).map((g) => [g.actor, g.note]));
  const stances = input.stances;
  const lookup =
    stances instanceof StanceIndex
      ? (slug: string) => stances.asOf(slug, date)
      : (
          (all) => (slug: string) =>
            all.get(slug) ?? null
        )(stancesAsOf(stances, topic, date));
  let noData = 0;
  const entries = input.actors.map((actor): MapEntry<A, S> => {
    const found = lookup(actor.slug);
    const category = found && byKey.get(found.stance.category);
    if (!found || !category) {
      noData += 1;
      return { actor, status: "no-data", note: gapNotes.get(actor.slug) ?? null };
    }
    counts.set(category.key, (counts.get(category.key) ?? 0) + 1);
    return { actor, status: "stance", stance: found.stance, category, ageDays: found.ageDays };
  });
  const legend = categories.map((c) => ({ key: c.key, label: c.label, colour: c.colour, order: c.order, count: counts.get(c.key) ?? 0 }));
  return { topic, date, entries, legend, noData };
}
