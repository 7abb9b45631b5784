// An actor's stance history on a topic, as consecutive steps for a step chart.
import { parseEdtf } from "./time/edtf";
import { countsFrom, type HoldingBasis, ownStances, type TimedStance } from "./time/holding";

export interface HistoryStep<S extends TimedStance> {
  stance: S;
  /** EDTF the step counts from: its validFrom, or its attestation when the start is not stated. */
  from: string;
  /** ISO day of the first day it counts from. */
  fromDay: string;
  basis: HoldingBasis;
  /** Exclusive end as EDTF: the stance's own validUntil, else the next stance's start, else null (still holds). */
  until: string | null;
  /** ISO day of the first day of `until`. */
  untilDay: string | null;
}

export function stanceHistory<S extends TimedStance>(stances: readonly S[], actor: string, topic: string): HistoryStep<S>[] {
  const own = ownStances(stances, actor, topic);
  return own.map((stance, i) => {
    const next = own[i + 1];
    const nextFrom = next ? (next.validFrom ?? next.attested) : null;
    const ownEnd = stance.validUntil ?? null;
    const ownEndDay = ownEnd ? parseEdtf(ownEnd).first : null;
    const nextDay = next ? countsFrom(next) : null;
    const until = ownEnd && nextFrom ? ((ownEndDay as string) <= (nextDay as string) ? ownEnd : nextFrom) : (ownEnd ?? nextFrom);
    const untilDay = until === null ? null : until === ownEnd ? ownEndDay : nextDay;
    return {
      stance,
      from: stance.validFrom || stance.attested,
      fromDay: countsFrom(stance),
      basis: stance.validFrom ? "began" : "attested",
      until,
      untilDay,
    };
  });
}
