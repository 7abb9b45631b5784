// What holds at a date, and how sure it is: the one rule the API, map, network, timeline, actor pages
// and exports all call. A stance counts from the first day of its start (`validFrom`), or, when the
// sources do not say when it began, from the first day of its attestation (`attested`); inside the
// uncertainty window of either end it holds but is uncertain.
import { daysBetween } from "../dates";
import { formatEdtf, parseEdtf } from "./edtf";

export interface TimedStance {
  actor: string;
  topic: string;
  id?: string;
  validFrom?: string | null | undefined;
  attested: string;
  validUntil?: string | null | undefined;
  qualifiers?: readonly string[] | undefined;
}

/** "began": counted from a stated start; "attested": start not stated, counted from its attestation. */
export type HoldingBasis = "began" | "attested";

export interface Holding<S extends TimedStance = TimedStance> {
  stance: S;
  basis: HoldingBasis;
  /** The date falls inside the start's or the end's uncertainty window. */
  uncertain: boolean;
  /** Why it is uncertain, when it is: the start's window or the end's. */
  uncertainBecause?: "start" | "end";
  /** The EDTF the stance counts from: its validFrom, or its attestation when the start is not stated. */
  since: string;
  /** Whole days from the first day of `since` to the date. */
  ageDays: number;
}

/** ISO day from which a reaction counts (in the network up to a date): the first day of its date, else of its attestation. */
export function reactionCountsFrom(r: { date?: string | null | undefined; attested: string }): string {
  return parseEdtf(r.date || r.attested).first;
}

/** ISO day from which the stance counts: the first day of validFrom, else of attested. */
export function countsFrom(s: TimedStance): string {
  return parseEdtf(s.validFrom || s.attested).first;
}

function byStart<S extends TimedStance>(a: S, b: S): number {
  const x = countsFrom(a);
  const y = countsFrom(b);
  if (x !== y) return x < y ? -1 : 1;
  const i = a.id ?? "";
  const j = b.id ?? "";
  return i < j ? -1 : i > j ? 1 : 0;
}

/**
 * How `stance`, the actor's latest stance that has started by `date`, stands on that date: null when it
 * has ended by then (an ended stance is never replaced by an older one).
 */
export function holdingOn<S extends TimedStance>(stance: S, date: string): Holding<S> | null {
  const since = stance.validFrom || stance.attested;
  const start = parseEdtf(since);
  if (date < start.first) return null;
  let uncertainBecause: "start" | "end" | undefined = !start.exact && date <= start.last ? "start" : undefined;
  if (stance.validUntil) {
    const end = parseEdtf(stance.validUntil);
    if (date >= end.first) {
      if (end.exact || date > end.last) return null;
      uncertainBecause ??= "end";
    }
  }
  return {
    stance,
    basis: stance.validFrom ? "began" : "attested",
    uncertain: uncertainBecause !== undefined,
    ...(uncertainBecause ? { uncertainBecause } : {}),
    since,
    ageDays: daysBetween(start.first, date),
  };
}

/** The actor's stance on the topic at `date`: the latest that has started by then, unless it has ended. */
export function stanceAt<S extends TimedStance>(stances: readonly S[], actor: string, topic: string, date: string): Holding<S> | null {
  let latest: S | undefined;
  for (const s of stances) {
    if (s.actor !== actor || s.topic !== topic || countsFrom(s) > date) continue;
    if (!latest || byStart(s, latest) > 0) latest = s;
  }
  return latest ? holdingOn(latest, date) : null;
}

/** Every actor's stance on a topic at `date`, in one pass (the map's hot path). */
export function stancesAt<S extends TimedStance>(stances: readonly S[], topic: string, date: string): Map<string, Holding<S>> {
  const latest = new Map<string, S>();
  for (const s of stances) {
    if (s.topic !== topic || countsFrom(s) > date) continue;
    const current = latest.get(s.actor);
    if (!current || byStart(s, current) > 0) latest.set(s.actor, s);
  }
  const result = new Map<string, Holding<S>>();
  for (const [actor, stance] of latest) {
    const holding = holdingOn(stance, date);
    if (holding) result.set(actor, holding);
  }
  return result;
}

/** The actor's stances on the topic in the order they count from. */
export function ownStances<S extends TimedStance>(stances: readonly S[], actor: string, topic: string): S[] {
  return stances.filter((s) => s.actor === actor && s.topic === topic).sort(byStart);
}

/**
 * A holding in words: "since 2023", "since 2023 (uncertain on 1 June 2023: dated only to 2023)",
 * "held by 3 July 2025 (start not stated)".
 */
export function describeHolding(h: Holding<TimedStance>, date: string): string {
  const since = formatEdtf(h.since);
  // A start known only as a period with both ends ("2021-08-15/2025-07-05"): "began between … and …".
  const [from, to] = h.since.split("/");
  const between = from && to && from !== ".." && to !== ".." ? `between ${formatEdtf(from)} and ${formatEdtf(to)}` : null;
  const head = h.basis === "attested" ? `held by ${since} (start not stated)` : between ? `began ${between}` : `since ${since}`;
  if (!h.uncertain) return head;
  if (h.uncertainBecause === "end") return `${head}; may have ended by ${formatEdtf(date)} (ended ${formatEdtf(h.stance.validUntil)})`;
  return `${head} (uncertain on ${formatEdtf(date)}: ${between ? "the sources do not say when in that period" : `dated only to ${since}`})`;
}

export interface StanceChange<S extends TimedStance> {
  /** EDTF: the new stance's validFrom, or the old one's validUntil for an end. */
  date: string;
  actor: string;
  topic: string;
  kind: "began" | "changed" | "ended";
  from: S | null;
  to: S | null;
  qualifiersChanged: boolean;
}

function sameQualifiers(a: readonly string[] = [], b: readonly string[] = []): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((q) => set.has(q));
}

/**
 * Changes of stance: per actor and topic, a stance with a stated start whose category or qualifiers
 * differ from the previous stance is a change on its start ("began" when nothing came before). A stance
 * known only from its attestation is never a change: the sources do not say it changed then. A stance
 * that ends with nothing starting by its end is an "ended" change. Sorted by date, then actor.
 */
export function stanceChanges<S extends TimedStance & { category: string }>(stances: readonly S[], topic?: string): StanceChange<S>[] {
  const groups = new Map<string, S[]>();
  for (const s of stances) {
    if (topic !== undefined && s.topic !== topic) continue;
    const key = `${s.topic}\u0000${s.actor}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const changes: StanceChange<S>[] = [];
  for (const list of groups.values()) {
    list.sort(byStart);
    let previous: S | null = null;
    list.forEach((s, i) => {
      if (s.validFrom) {
        const qualifiersChanged = previous !== null && !sameQualifiers(previous.qualifiers, s.qualifiers);
        const categoryChanged = previous === null || previous.category !== s.category;
        if (categoryChanged || qualifiersChanged) {
          changes.push({
            date: s.validFrom,
            actor: s.actor,
            topic: s.topic,
            kind: previous === null ? "began" : "changed",
            from: previous,
            to: s,
            qualifiersChanged,
          });
        }
      }
      const next = list[i + 1];
      if (s.validUntil && (!next || countsFrom(next) > parseEdtf(s.validUntil).last)) {
        changes.push({ date: s.validUntil, actor: s.actor, topic: s.topic, kind: "ended", from: s, to: null, qualifiersChanged: false });
        previous = null;
      } else {
        previous = s;
      }
    });
  }
  return changes.sort((a, b) => {
    const x = parseEdtf(a.date).first;
    const y = parseEdtf(b.date).first;
    return x !== y ? (x < y ? -1 : 1) : a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0;
  });
}

export type GapReasonKind = "note" | "before-first" | "after-end" | "none-recorded" | "not-covered";

export interface GapReason {
  kind: GapReasonKind;
  /** Never empty. */
  reason: string;
}

export interface PeriodNote {
  note: string;
  validFrom?: string | null | undefined;
  validUntil?: string | null | undefined;
}

export const NOT_COVERED_REASON = "Not covered by the sources: the dataset has no actor for this country.";
export const NONE_RECORDED_REASON = "The sources record no stance on this topic.";

/** True when an editor's note holds on `date`: within its period, if it has one (validUntil exclusive). */
export function noteHoldsOn(note: PeriodNote, date: string): boolean {
  if (note.validFrom && date < parseEdtf(note.validFrom).first) return false;
  if (note.validUntil && date >= parseEdtf(note.validUntil).first) return false;
  return true;
}

/**
 * Why an actor has no stance on a topic at a date (call it when stanceAt gives null): an editor's note
 * that holds then; else "no stance recorded before <first>" before its first stance; else "no stance
 * recorded after <end>" after an ended one; else that the sources record none. Never empty.
 */
export function gapReason(args: {
  actor: string;
  topic: string;
  date: string;
  stances: readonly TimedStance[];
  gap?: PeriodNote | null | undefined;
}): GapReason {
  const { actor, topic, date } = args;
  if (args.gap && args.gap.note.trim() !== "" && noteHoldsOn(args.gap, date)) return { kind: "note", reason: args.gap.note };
  const own = ownStances(args.stances, actor, topic);
  const first = own[0];
  if (first && date < countsFrom(first)) {
    return { kind: "before-first", reason: `No stance recorded before ${formatEdtf(first.validFrom || first.attested)}.` };
  }
  const ended = [...own].reverse().find((s) => countsFrom(s) <= date);
  if (ended?.validUntil) return { kind: "after-end", reason: `No stance recorded after ${formatEdtf(ended.validUntil)}.` };
  return { kind: "none-recorded", reason: NONE_RECORDED_REASON };
}
