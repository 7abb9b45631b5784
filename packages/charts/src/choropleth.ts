// From a topic's map at a date (core's topicMapAt) to what each country shape shows: fill, label, age.
import { NO_DATA_KEY, type TopicMap } from "@stancemap/core/model";
import { NO_DATA_FILL } from "./palette";

export interface ChoroplethActor {
  slug: string;
  name: string;
  kind: string;
  isoNumeric?: string | null | undefined;
}

export interface ChoroplethStance {
  actor: string;
  topic: string;
  category: string;
  validFrom: string;
  validUntil?: string | null | undefined;
}

export interface Cell<S = unknown> {
  actor: string;
  name: string;
  key: string;
  label: string;
  fill: string;
  /** Start of the stance shown, when there is one. */
  since: string | null;
  /** Days between the stance's start and the date shown. */
  ageDays: number | null;
  note: string | null;
  /** The stance shown, for whatever else a view wants of it (quote, precision). */
  stance: S | null;
}

export const NO_DATA_LABEL = "No data";

/** The cell of every actor in the map, by actor slug. O(actors): cheap enough to redo on every date change. */
export function cellsOf<A extends ChoroplethActor, S extends ChoroplethStance>(
  map: TopicMap<A, S>,
  noDataFill = NO_DATA_FILL,
): Map<string, Cell<S>> {
  const cells = new Map<string, Cell<S>>();
  for (const entry of map.entries) {
    const { actor } = entry;
    cells.set(
      actor.slug,
      entry.status === "stance"
        ? {
            actor: actor.slug,
            name: actor.name,
            key: entry.category.key,
            label: entry.category.label,
            fill: entry.category.colour,
            since: entry.stance.validFrom,
            ageDays: entry.ageDays,
            note: null,
            stance: entry.stance,
          }
        : {
            actor: actor.slug,
            name: actor.name,
            key: NO_DATA_KEY,
            label: NO_DATA_LABEL,
            fill: noDataFill,
            since: null,
            ageDays: null,
            note: entry.note,
            stance: null,
          },
    );
  }
  return cells;
}
