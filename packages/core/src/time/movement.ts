// Change between two dates, and who followed whom: the two questions an analyst asks of a topic's
// stances over time. Both read the same time model as the map (holding.ts), so a change is only ever
// what the dated facts support: a stance known only from its attestation (start not stated) is never
// a move, and a move dated to a month or a year that straddles a chosen date is "uncertain" whenever
// its timing could change the answer.
import { daysBetween } from "../dates";
import { formatEdtf, parseEdtf } from "./edtf";
import { countsFrom, type Holding, holdingOn, ownStances, type StanceChange, stanceChanges, type TimedStance } from "./holding";

export interface ScaleCategory {
  key: string;
  order: number;
  label?: string;
}

type CategorisedStance = TimedStance & { category: string };

/** How an actor's stance moved between two dates, along the topic's ordered scale. */
export const MOVEMENTS = ["toward-first", "toward-last", "requalified", "new", "ended", "uncertain", "unchanged", "attested-only"] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** Movements that are changes (listed, coloured); "unchanged" and "attested-only" are not. */
export const CHANGE_MOVEMENTS: readonly Movement[] = ["toward-first", "toward-last", "requalified", "new", "ended", "uncertain"];

export interface ActorMovement<S extends CategorisedStance> {
  actor: string;
  movement: Movement;
  /** What held on `from` and on `to` (null: nothing did). */
  before: Holding<S> | null;
  after: Holding<S> | null;
  /** Positions moved on the scale (after's order minus before's; negative is toward the first category). */
  shift: number | null;
  /** The dated changes between the two dates (after `from`, up to `to`), in order; those whose dates
   * straddle `from` or `to` are included and flagged. */
  steps: (StanceChange<S> & { straddles: boolean })[];
  /** Why the movement is what it is, in words an analyst reads in the list. */
  because: string;
}

export interface Changes<S extends CategorisedStance> {
  from: string;
  to: string;
  /** Every actor with a stance on either date or a change between them, changes first (by date of
   * their last step), then uncertain, attested-only and unchanged actors by slug. */
  actors: ActorMovement<S>[];
  counts: Record<Movement, number>;
}

function categoryOf(h: Holding<CategorisedStance> | null): string | null {
  return h ? h.stance.category : null;
}

/** The categories the actor may have held on `date`: more than one when the date falls inside the
 * uncertainty window of a start (the previous stance may still hold) or of an end (it may have ended). */
function possibleCategories<S extends CategorisedStance>(own: readonly S[], date: string): Set<string | null> {
  const started = own.filter((s) => countsFrom(s) <= date);
  const latest = started.at(-1);
  if (!latest) return new Set([null]);
  const h = holdingOn(latest, date);
  if (!h) return new Set([null]);
  if (!h.uncertain) return new Set([latest.category]);
  if (h.uncertainBecause === "end") return new Set([latest.category, null]);
  return new Set([latest.category, ...possibleCategories(started.slice(0, -1), date)]);
}

function sameQualifiers(a: readonly string[] = [], b: readonly string[] = []): boolean {
  return a.length === b.length && a.every((q) => b.includes(q));
}

function categoryMovement(before: string | null, after: string | null, order: Map<string, number>): Movement | null {
  if (before === null && after === null) return null;
  if (before === null) return "new";
  if (after === null) return "ended";
  const shift = (order.get(after) ?? 0) - (order.get(before) ?? 0);
  return shift < 0 ? "toward-first" : shift > 0 ? "toward-last" : "unchanged";
}

/**
 * Who moved between `from` and `to` (ISO days, from ≤ to) on a topic, along its ordered scale.
 * Attested-only stances (start not stated) are never moves: an actor whose stance on `to` is known only
 * from its attestation is "attested-only" when nothing held on `from`, and "uncertain" when something
 * else did (it changed, but the sources do not say when).
 */
export function changesBetween<S extends CategorisedStance>(args: {
  stances: readonly S[];
  topic: string;
  categories: readonly ScaleCategory[];
  from: string;
  to: string;
  /** Only these actors (the map's filters); all by default. */
  actors?: Iterable<string>;
}): Changes<S> {
  const { from, to, topic } = args;
  if (from > to) throw new RangeError("from must not be after to");
  const order = new Map(args.categories.map((c) => [c.key, c.order]));
  const label = (key: string | null) => (key === null ? "no stance" : (args.categories.find((c) => c.key === key)?.label ?? key));
  const only = args.actors ? new Set(args.actors) : null;
  const byActor = new Map<string, S[]>();
  for (const s of args.stances) {
    if (s.topic !== topic || (only && !only.has(s.actor))) continue;
    const list = byActor.get(s.actor);
    if (list) list.push(s);
    else byActor.set(s.actor, [s]);
  }
  const counts = Object.fromEntries(MOVEMENTS.map((m) => [m, 0])) as Record<Movement, number>;
  const result: ActorMovement<S>[] = [];
  for (const [actor, list] of byActor) {
    const own = ownStances(list, actor, topic);
    const before = latestHolding(own, from);
    const after = latestHolding(own, to);
    const steps = stanceChanges(own, topic).flatMap((c) => {
      const { first, last } = parseEdtf(c.date);
      if (last <= from || first > to) return [];
      return [{ ...c, straddles: first <= from || last > to }];
    });
    if (!before && !after && steps.length === 0) continue;
    const shift = before && after ? (order.get(after.stance.category) ?? 0) - (order.get(before.stance.category) ?? 0) : null;
    let movement: Movement;
    let because: string;
    const sameRecord = before && after && before.stance === after.stance;
    if (after?.basis === "attested" && !sameRecord) {
      if (!before) {
        movement = "attested-only";
        because = `${label(after.stance.category)}, attested by ${formatEdtf(after.since)}; the sources do not say when it began`;
      } else if (before.stance.category === after.stance.category) {
        movement = "unchanged";
        because = `${label(before.stance.category)} on both dates`;
      } else {
        movement = "uncertain";
        because = `${label(before.stance.category)} on ${formatEdtf(from)}; ${label(after.stance.category)} attested by ${formatEdtf(after.since)}, and the sources do not say when it changed`;
      }
    } else {
      const outcomes = new Set<Movement | null>();
      for (const b of possibleCategories(own, from))
        for (const a of possibleCategories(own, to)) outcomes.add(categoryMovement(b, a, order));
      const certain = outcomes.size === 1 ? [...outcomes][0] : undefined;
      const net = categoryMovement(categoryOf(before), categoryOf(after), order);
      if (certain === undefined) {
        movement = "uncertain";
        const dated = steps.find((s) => s.straddles);
        because = dated
          ? `changed ${describeDate(dated.date)}, which the sources do not date precisely enough to say whether it was before ${formatEdtf(parseEdtf(dated.date).first <= from ? from : to)}`
          : `${label(categoryOf(before))} on ${formatEdtf(from)}, ${label(categoryOf(after))} on ${formatEdtf(to)}, and the sources do not date the change precisely enough to say which held`;
      } else if (certain === "unchanged" || certain === null) {
        const requalified = before && after && !sameQualifiers(before.stance.qualifiers, after.stance.qualifiers);
        movement = requalified ? "requalified" : net === null ? "ended" : "unchanged";
        because = requalified
          ? `${label(after.stance.category)} on both dates, with a change of qualifiers`
          : net === null
            ? `began and ended between ${formatEdtf(from)} and ${formatEdtf(to)}`
            : steps.length > 0
              ? `${label(after?.stance.category ?? null)} on both dates, after moving in between`
              : `${label(after?.stance.category ?? null)} on both dates`;
      } else {
        movement = certain;
        because = `${label(categoryOf(before))} → ${label(categoryOf(after))}`;
      }
    }
    counts[movement] += 1;
    result.push({ actor, movement, before, after, shift, steps, because });
  }
  const rank = (m: Movement) =>
    CHANGE_MOVEMENTS.includes(m) && m !== "uncertain" ? 0 : m === "uncertain" ? 1 : m === "attested-only" ? 2 : 3;
  const lastStep = (m: ActorMovement<S>) => (m.steps.length ? parseEdtf(m.steps[m.steps.length - 1]?.date ?? "").first : "");
  result.sort(
    (a, b) =>
      rank(a.movement) - rank(b.movement) ||
      (lastStep(a) < lastStep(b) ? -1 : lastStep(a) > lastStep(b) ? 1 : 0) ||
      (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0),
  );
  return { from, to, actors: result, counts };
}

function describeDate(date: string): string {
  const [a, b] = date.split("/");
  if (a && b && a !== ".." && b !== "..") return `between ${formatEdtf(a)} and ${formatEdtf(b)}`;
  const d = parseEdtf(date);
  return d.exact ? `on ${formatEdtf(date)}` : `in ${formatEdtf(date)}`;
}

function latestHolding<S extends CategorisedStance>(own: readonly S[], date: string): Holding<S> | null {
  let latest: S | undefined;
  for (const s of own) if (countsFrom(s) <= date) latest = s;
  return latest ? holdingOn(latest, date) : null;
}

/** A date's distance from the reference, in whole days, as a range when either date is imprecise. */
export interface Lag {
  days: number;
  min: number;
  max: number;
}

export function lagBetween(reference: string, date: string): Lag {
  const r = parseEdtf(reference);
  const d = parseEdtf(date);
  return { days: daysBetween(r.first, d.first), min: daysBetween(r.last, d.first), max: daysBetween(r.first, d.last) };
}

export interface SequenceReference {
  actor: string;
  date: string;
  category: string;
  stance?: string | undefined;
  /** How it was chosen: "first-to-top" (the default: the first move to the scale's first category),
   * "first-move" (no actor reached the first category), or "chosen". */
  chosen: "first-to-top" | "first-move" | "chosen";
}

export interface SequenceRow<S extends CategorisedStance> {
  actor: string;
  /** Every dated change of the actor's stance, all time, in order. */
  moves: StanceChange<S>[];
  /** Stances known only from their attestation (start not stated), in order. */
  attested: S[];
  /** The actor's first fact on or after the reference: a dated move, or an attestation. */
  first: { kind: "move" | "attested"; date: string; category: string; lag: Lag } | null;
}

export interface SequenceLink {
  /** The reacting row (an actor of the topic, or the actor a speaker belongs to). */
  actor: string;
  /** The reaction's own actor (a spokesperson, a ministry) when it differs. */
  via?: string | undefined;
  reaction: string;
  date: string;
  lag: Lag;
  sentiment?: string | undefined;
}

export interface Sequence<S extends CategorisedStance> {
  topic: string;
  reference: SequenceReference | null;
  /** Rows in order of their first fact after the reference, by the day it is known by (the reference's
   * actor first; moves before attestations on the same day); then actors with nothing after it. */
  rows: SequenceRow<S>[];
  /** Reactions to the reference (its event or its actor) by the rows' actors, in date order. */
  links: SequenceLink[];
  /** Why there is no reference, when there is none. */
  reason?: string;
}

/**
 * Who followed whom on a topic: every actor's moves in order of date against a reference (by default the
 * first move to the scale's first category), the lag of each actor's first fact after it, and the
 * reactions linking them to it. Attested-only stances are listed as such, never as moves.
 */
export function sequenceOf<S extends CategorisedStance>(args: {
  stances: readonly S[];
  topic: string;
  categories: readonly ScaleCategory[];
  /** A chosen reference: an actor's move on a date (ISO day or EDTF). */
  reference?: { actor: string; date: string } | undefined;
  reactions?: readonly {
    id: string;
    actor: string;
    target: { actor: string } | { event: string };
    date?: string | null | undefined;
    attested: string;
    sentiment?: string;
  }[];
  events?: readonly { slug: string; date: string; actors?: readonly string[] }[];
  /** Who an actor belongs to (a spokesperson to a ministry to a state), to credit reactions to rows. */
  affiliationOf?: (actor: string) => string | undefined;
}): Sequence<S> {
  const { topic } = args;
  const changes = stanceChanges(args.stances, topic);
  const first = [...args.categories].sort((a, b) => a.order - b.order)[0];
  let reference: SequenceReference | null = null;
  if (args.reference) {
    const wanted = args.reference;
    const day = parseEdtf(wanted.date).first;
    const hit = changes.find((c) => c.actor === wanted.actor && c.to && parseEdtf(c.date).first <= day && day <= parseEdtf(c.date).last);
    if (hit?.to) reference = { actor: hit.actor, date: hit.date, category: hit.to.category, stance: hit.to.id, chosen: "chosen" };
  }
  if (!reference) {
    const top = changes.find((c) => c.to && c.to.category === first?.key && c.kind !== "ended");
    const any = changes.find((c) => c.to && c.kind !== "ended");
    const pick = top ?? any;
    if (pick?.to)
      reference = {
        actor: pick.actor,
        date: pick.date,
        category: pick.to.category,
        stance: pick.to.id,
        chosen: top ? "first-to-top" : "first-move",
      };
  }
  const actors = [...new Set(args.stances.filter((s) => s.topic === topic).map((s) => s.actor))];
  const refFirst = reference ? parseEdtf(reference.date).first : null;
  const rows: SequenceRow<S>[] = actors.map((actor) => {
    const own = ownStances(args.stances, actor, topic);
    const moves = changes.filter((c) => c.actor === actor);
    const attested = own.filter((s) => !s.validFrom);
    let firstFact: SequenceRow<S>["first"] = null;
    if (reference && refFirst) {
      const move = moves.find((c) => parseEdtf(c.date).last >= refFirst && c.to);
      const att = attested.find((s) => parseEdtf(s.attested).last >= refFirst);
      const moveDay = move ? parseEdtf(move.date).first : null;
      const attDay = att ? parseEdtf(att.attested).first : null;
      if (move?.to && (attDay === null || (moveDay !== null && moveDay <= attDay)))
        firstFact = { kind: "move", date: move.date, category: move.to.category, lag: lagBetween(reference.date, move.date) };
      else if (att)
        firstFact = { kind: "attested", date: att.attested, category: att.category, lag: lagBetween(reference.date, att.attested) };
    }
    return { actor, moves, attested, first: firstFact };
  });
  const refActor = reference?.actor;
  rows.sort((a, b) => {
    if (a.actor === refActor) return -1;
    if (b.actor === refActor) return 1;
    if (!a.first || !b.first) return a.first ? -1 : b.first ? 1 : a.actor < b.actor ? -1 : 1;
    // By the day each fact is known by (the last day of its date), then its first day: a move dated
    // only to a long period is not placed before a precisely dated one it may have followed.
    const x = parseEdtf(a.first.date);
    const y = parseEdtf(b.first.date);
    if (x.last !== y.last) return x.last < y.last ? -1 : 1;
    if (x.first !== y.first) return x.first < y.first ? -1 : 1;
    if (a.first.kind !== b.first.kind) return a.first.kind === "move" ? -1 : 1;
    return a.actor < b.actor ? -1 : 1;
  });

  const links: SequenceLink[] = [];
  if (reference && args.reactions) {
    const rowSet = new Set(actors);
    const refDay = parseEdtf(reference.date);
    const refEvents = new Set(
      (args.events ?? [])
        .filter((e) => {
          const d = parseEdtf(e.date);
          return d.first <= refDay.last && refDay.first <= d.last && (e.actors ?? []).includes(reference.actor);
        })
        .map((e) => e.slug),
    );
    const rowOf = (actor: string): string | undefined => {
      const seen = new Set<string>();
      let at: string | undefined = actor;
      while (at && !seen.has(at)) {
        if (rowSet.has(at)) return at;
        seen.add(at);
        at = args.affiliationOf?.(at);
      }
      return undefined;
    };
    for (const r of args.reactions) {
      const toRef = "event" in r.target ? refEvents.has(r.target.event) : false;
      if (!toRef) continue;
      const row = rowOf(r.actor);
      if (!row || row === reference.actor) continue;
      const date = r.date || r.attested;
      if (parseEdtf(date).last < refDay.first) continue;
      links.push({
        actor: row,
        ...(row !== r.actor ? { via: r.actor } : {}),
        reaction: r.id,
        date,
        lag: lagBetween(reference.date, date),
        sentiment: r.sentiment,
      });
    }
    links.sort((a, b) => (parseEdtf(a.date).first < parseEdtf(b.date).first ? -1 : 1));
  }
  return {
    topic,
    reference,
    rows,
    links,
    ...(reference ? {} : { reason: "No stance on this topic has a stated start, so no move can be the reference." }),
  };
}

// The change view's two dates, shared by the dashboard and the change export so both compare the same.
const DAY_MS = 86_400_000;

/** The ISO day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface ChangeRange {
  from: string;
  to: string;
  /** How `from` was chosen: the URL's, or a default (and which). */
  fromBasis: "url" | "before-latest-move" | "year-before";
  /** The URL's dates were in the wrong order and were swapped. */
  swapped: boolean;
  /** The latest dated move on or before `to`, when the default start was picked from it. */
  latest?: { actor: string; date: string };
}

/**
 * The two dates compared. With no `from` in the URL: the day before the latest dated move on or before
 * `to`, so the view opens on the most recent change the sources date (today that is Russia's recognition
 * of 3 July 2025); with no dated move by then, one year before `to`. A `from` after `to` is swapped.
 */
export function changeRange<S extends TimedStance & { category: string }>(args: {
  from: string | null;
  to: string;
  stances: readonly S[];
  topic: string;
}): ChangeRange {
  const { to, from } = args;
  if (from) return from <= to ? { from, to, fromBasis: "url", swapped: false } : { from: to, to: from, fromBasis: "url", swapped: true };
  let latest: { actor: string; date: string; first: string } | undefined;
  for (const c of stanceChanges(args.stances, args.topic)) {
    const first = parseEdtf(c.date).first;
    if (first <= to && (!latest || first >= latest.first)) latest = { actor: c.actor, date: c.date, first };
  }
  if (latest)
    return {
      from: addDays(latest.first, -1),
      to,
      fromBasis: "before-latest-move",
      swapped: false,
      latest: { actor: latest.actor, date: latest.date },
    };
  return { from: addDays(to, -365), to, fromBasis: "year-before", swapped: false };
}
