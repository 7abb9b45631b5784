// Which stance holds for an actor on a topic as of a date: the latest at or before it, never a later one.
import { daysBetween } from "./dates";

export interface DatedStance {
  actor: string;
  topic: string;
  validFrom: string;
  validUntil?: string | null | undefined;
}

export interface StanceAsOf<S extends DatedStance> {
  stance: S;
  /** Days from the stance's start to the date asked about. */
  ageDays: number;
}

/** True when the stance has started by `date` and not ended by it (validUntil is exclusive). */
export function holdsOn(stance: DatedStance, date: string): boolean {
  return stance.validFrom <= date && (stance.validUntil == null || stance.validUntil > date);
}

/**
 * The actor's stance on the topic as of `date`: the one with the latest `validFrom` at or
 * before the date. If that one has ended by the date, the actor has no stance then (null):
 * an ended stance is never replaced by an older one.
 */
export function stanceAsOf<S extends DatedStance>(stances: readonly S[], actor: string, topic: string, date: string): StanceAsOf<S> | null {
  let latest: S | undefined;
  for (const s of stances) {
    if (s.actor !== actor || s.topic !== topic || s.validFrom > date) continue;
    if (!latest || s.validFrom > latest.validFrom) latest = s;
  }
  if (!latest || !holdsOn(latest, date)) return null;
  return { stance: latest, ageDays: daysBetween(latest.validFrom, date) };
}

/** Every actor's stance on a topic as of a date, in one pass (the map's hot path). */
export function stancesAsOf<S extends DatedStance>(stances: readonly S[], topic: string, date: string): Map<string, StanceAsOf<S>> {
  const latest = new Map<string, S>();
  for (const s of stances) {
    if (s.topic !== topic || s.validFrom > date) continue;
    const current = latest.get(s.actor);
    if (!current || s.validFrom > current.validFrom) latest.set(s.actor, s);
  }
  const result = new Map<string, StanceAsOf<S>>();
  for (const [actor, stance] of latest) {
    if (holdsOn(stance, date)) result.set(actor, { stance, ageDays: daysBetween(stance.validFrom, date) });
  }
  return result;
}
