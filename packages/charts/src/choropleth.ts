// From a topic's map at a date (core's topicMapAt) to what each country shape shows: fill, label, age,
// and the cues for how the stance holds (uncertain, known only from its attestation, with qualifiers).
import { describeHolding, NO_DATA_KEY, type TopicMap } from "@stancemap/core/model";
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
  validFrom?: string | null | undefined;
  attested: string;
  validUntil?: string | null | undefined;
  qualifiers?: readonly string[] | undefined;
}

export interface Cell<S = unknown> {
  actor: string;
  name: string;
  key: string;
  label: string;
  fill: string;
  /** EDTF the stance shown counts from (its start, or its attestation when the start is not stated). */
  since: string | null;
  /** "began" (a stated start) or "attested" (start not stated, counted from the attestation); null for no data. */
  basis: "began" | "attested" | null;
  /** The date falls inside the uncertainty of the stance's start or end. */
  uncertain: boolean;
  /** Keys of the topic's qualifiers the stance carries. */
  qualifiers: readonly string[];
  /** How the stance holds, in words ("since 2023", "held by 3 July 2025 (start not stated)"); for no data, why. */
  describe: string;
  /** Days between the date the stance counts from and the date shown. */
  ageDays: number | null;
  /** For no data: why there is none (never empty). */
  reason: string | null;
  /** The stance shown, for whatever else a view wants of it (quote, speaker). */
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
            since: entry.since,
            basis: entry.basis,
            uncertain: entry.uncertain,
            qualifiers: entry.qualifiers,
            describe: describeHolding(
              {
                stance: entry.stance,
                basis: entry.basis,
                uncertain: entry.uncertain,
                ...(entry.uncertainBecause ? { uncertainBecause: entry.uncertainBecause } : {}),
                since: entry.since,
                ageDays: entry.ageDays,
              },
              map.date,
            ),
            ageDays: entry.ageDays,
            reason: null,
            stance: entry.stance,
          }
        : {
            actor: actor.slug,
            name: actor.name,
            key: NO_DATA_KEY,
            label: NO_DATA_LABEL,
            fill: noDataFill,
            since: null,
            basis: null,
            uncertain: false,
            qualifiers: [],
            describe: entry.reason,
            ageDays: null,
            reason: entry.reason,
            stance: null,
          },
    );
  }
  return cells;
}

/** "Russia: formal recognition since 3 July 2025", "China: limited engagement since 2023 (uncertain …)". */
export function cellSentence(name: string, cell: Cell, qualifierLabel?: (key: string) => string): string {
  if (!cell.since) return `${name}: no data. ${cell.reason ?? ""}`.trim();
  const qualifiers = cell.qualifiers.length
    ? `; ${cell.qualifiers.map((q) => (qualifierLabel ? qualifierLabel(q) : q).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())).join("; ")}`
    : "";
  return `${name}: ${cell.label.toLowerCase()} ${cell.describe}${qualifiers}`;
}
