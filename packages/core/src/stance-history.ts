// An actor's stance history on a topic, as consecutive steps for a step chart.
import type { DatedStance } from "./stance-at-date";

export interface HistoryStep<S extends DatedStance> {
  stance: S;
  from: string;
  /** Exclusive end: the stance's own validUntil, else the next stance's start, else null (still holds). */
  until: string | null;
}

export function stanceHistory<S extends DatedStance>(stances: readonly S[], actor: string, topic: string): HistoryStep<S>[] {
  const own = stances
    .filter((s) => s.actor === actor && s.topic === topic)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  return own.map((stance, i) => {
    const next = own[i + 1]?.validFrom ?? null;
    const ownEnd = stance.validUntil ?? null;
    const until = ownEnd && next ? (ownEnd < next ? ownEnd : next) : (ownEnd ?? next);
    return { stance, from: stance.validFrom, until };
  });
}
