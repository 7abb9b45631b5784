// The sequence view's geometry and words, on top of core's sequenceOf. Time runs in two panels that
// meet at the reference: "before" (the history, years to days) and "after" (days after it). Each panel
// is a symmetric-log scale of days from the reference, so Russia's 29 years of history and the first
// days after its recognition are both readable; ticks are labelled with dates, never with log units.
import {
  countsFrom,
  daysBetween,
  formatEdtf,
  type Lag,
  parseEdtf,
  type Sequence,
  type SequenceRow,
  type TimedStance,
} from "@stancemap/core/model";
import { scaleSymlog } from "d3-scale";

type CategorisedStance = TimedStance & { category: string; id: string };

export interface SequenceScale {
  width: number;
  /** The before panel spans [0, beforeEnd]; the after panel [afterStart, width]. */
  beforeEnd: number;
  afterStart: number;
  /** The reference's first day. */
  reference: string;
  /** Days shown after the reference (the after panel's end). */
  afterDays: number;
  /** The earliest day shown (the before panel's start); null when nothing precedes the reference. */
  earliest: string | null;
  /** x of an ISO day (clamped to the panels). */
  x: (day: string) => number;
  ticks: { x: number; label: string; panel: "before" | "after" }[];
}

const AFTER_TICKS = [0, 1, 2, 3, 7, 14, 30, 90, 365, 730, 1825, 3650];
const SHORT: Intl.DateTimeFormatOptions = { month: "short", year: "numeric", timeZone: "UTC" };

/** "+2 days", "same day", "0–2 days", "−1,418 to +2 days", "0 days or later". */
export function lagText(lag: Lag): string {
  const n = (d: number) => `${d < 0 ? "−" : d > 0 ? "+" : ""}${Math.abs(d).toLocaleString("en-GB")}`;
  const open = lag.max > 365 * 1000;
  if (open) return `${n(lag.min)} days or later`;
  if (lag.min === lag.max) return lag.min === 0 ? "same day" : `${n(lag.min)} day${Math.abs(lag.min) === 1 ? "" : "s"}`;
  if (lag.min >= 0) return `${lag.min}–${lag.max} days`;
  return `${n(lag.min)} to ${n(lag.max)} days`;
}

export function sequenceScale(args: {
  reference: string;
  /** First days of every fact shown (moves, attestations, links): they set both panels' extents. */
  days: readonly string[];
  width: number;
  /** Never fewer days after the reference than this (a week by default). */
  minAfterDays?: number;
}): SequenceScale {
  const { width } = args;
  const ref = parseEdtf(args.reference).first;
  const beforeRef = args.days.filter((d) => d < ref).sort();
  const earliest: string | null = beforeRef[0] ?? null;
  let afterDays = args.minAfterDays ?? 7;
  for (const d of args.days) if (d >= ref) afterDays = Math.max(afterDays, daysBetween(ref, d));
  // A margin after the last fact, so its marker is not on the edge.
  afterDays = Math.ceil(afterDays * 1.15) + 1;
  const beforeDays = earliest ? Math.ceil(daysBetween(earliest, ref) * 1.04) + 1 : 0;
  const gap = 14;
  const beforeEnd = earliest ? Math.round((width - gap) * 0.55) : 0;
  const afterStart = earliest ? beforeEnd + gap : 0;
  const pad = 8;
  const before = scaleSymlog()
    .constant(7)
    .domain([beforeDays, 1])
    .range([pad, beforeEnd - 2])
    .clamp(true);
  const after = scaleSymlog()
    .constant(1)
    .domain([0, afterDays])
    .range([afterStart + 2, width - pad])
    .clamp(true);
  const x = (day: string) => {
    const d = daysBetween(ref, day);
    return d >= 0 ? after(d) : earliest ? before(-d) : after(0);
  };
  const ticks: SequenceScale["ticks"] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  for (const d of AFTER_TICKS) {
    if (d > afterDays) break;
    const at = after(d);
    if (at - lastX < 34) continue;
    lastX = at;
    ticks.push({ x: at, label: d === 0 ? "day 0" : `+${d}`, panel: "after" });
  }
  if (earliest) {
    // Calendar ticks, nearest the reference first: the first of each of the last twelve months, then
    // each year's first day; kept when they do not crowd the one before. The start's year closes the axis.
    const candidates: { day: string; label: string }[] = [];
    const [ry, rm] = [Number(ref.slice(0, 4)), Number(ref.slice(5, 7))];
    for (let i = 0; i < 12; i++) {
      const m = rm - i;
      const y = m > 0 ? ry : ry - 1;
      const month = ((m - 1 + 12) % 12) + 1;
      const day = `${y}-${String(month).padStart(2, "0")}-01`;
      if (day < ref)
        candidates.push({ day, label: month === 1 ? String(y) : new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", SHORT) });
    }
    for (let y = ry - 1; `${y}-01-01` > earliest; y--) candidates.push({ day: `${y}-01-01`, label: String(y) });
    const startX = before(beforeDays);
    const kept: SequenceScale["ticks"] = [];
    let prev = afterStart;
    for (const c of candidates) {
      const at = x(c.day);
      if (prev - at < 52 || at - startX < 40) continue;
      prev = at;
      kept.push({ x: at, label: c.label, panel: "before" });
    }
    kept.push({ x: startX, label: String(Number(earliest.slice(0, 4))), panel: "before" });
    ticks.unshift(...kept.reverse());
  }
  return { width, beforeEnd, afterStart, reference: ref, afterDays, earliest, x, ticks };
}

/** A stretch of time on the row: a date's window (a month, a year, a period) as pieces left and right of the break. */
export function spanOf(scale: SequenceScale, date: string): [number, number][] {
  const { first, last } = parseEdtf(date);
  if (last < scale.reference || first >= scale.reference) return [[scale.x(first), scale.x(last)]];
  return [
    [scale.x(first), scale.beforeEnd],
    [scale.afterStart, scale.x(last)],
  ];
}

export interface RowSegment {
  id: string;
  category: string;
  /** Start of the stance (its start's first day, or its attestation's) to its end (or the chart's end). */
  x0: number;
  x1: number;
  attested: boolean;
}

/** Each stance the actor held, as a level line from its start to the next one's (or its end). */
export function rowSegments<S extends CategorisedStance>(scale: SequenceScale, own: readonly S[]): RowSegment[] {
  const sorted = [...own].sort((a, b) => (countsFrom(a) < countsFrom(b) ? -1 : countsFrom(a) > countsFrom(b) ? 1 : 0));
  return sorted.map((s, i) => {
    const next = sorted[i + 1];
    const end = s.validUntil ? parseEdtf(s.validUntil).first : next ? countsFrom(next) : null;
    return {
      id: s.id,
      category: s.category,
      x0: scale.x(countsFrom(s)),
      x1: end ? scale.x(end) : scale.width - 8,
      attested: !s.validFrom,
    };
  });
}

export interface SequenceSummary {
  /** Actors whose first fact after the reference is a move dated after it. */
  moved: string[];
  /** Actors whose move's date window straddles the reference: they may have moved before or after it. */
  straddling: string[];
  /** Actors whose first fact after the reference is an attestation (start not stated). */
  attested: string[];
  /** Actors with nothing on or after the reference. */
  nothingAfter: string[];
}

export function sequenceSummary<S extends CategorisedStance>(seq: Sequence<S>): SequenceSummary {
  const out: SequenceSummary = { moved: [], straddling: [], attested: [], nothingAfter: [] };
  for (const row of seq.rows) {
    if (row.actor === seq.reference?.actor) continue;
    if (!row.first) out.nothingAfter.push(row.actor);
    else if (row.first.kind === "attested") out.attested.push(row.actor);
    else if (row.first.lag.min < 0) out.straddling.push(row.actor);
    else out.moved.push(row.actor);
  }
  return out;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The sentence above the chart: what today's data can and cannot say about who followed whom. */
export function summarySentence(summary: SequenceSummary, referenceName: string): string {
  const parts = [
    `${plural(summary.moved.length, "actor", "actors")} moved after ${referenceName}`,
    summary.straddling.length
      ? `${plural(summary.straddling.length, "actor's move is", "actors' moves are")} dated too loosely to say whether before or after it`
      : null,
    `${plural(summary.attested.length, "is", "are")} attested only after it (their start is not stated, so not a move)`,
    summary.nothingAfter.length ? `${plural(summary.nothingAfter.length, "has", "have")} nothing recorded after it` : null,
  ].filter(Boolean);
  return `${parts.join("; ")}.`;
}

/** A row in words, for its accessible name and the table: the first fact after the reference and the lag. */
export function rowSentence<S extends CategorisedStance>(
  row: SequenceRow<S>,
  name: string,
  label: (category: string) => string,
  isReference: boolean,
): string {
  const moves = row.moves.filter((m) => m.to);
  const history = moves.length
    ? `${moves.length} dated move${moves.length === 1 ? "" : "s"} (${moves.map((m) => `${formatEdtf(m.date)}: ${label(m.to?.category ?? "")}`).join("; ")})`
    : "no dated move";
  if (isReference) return `${name}, the reference: ${history}.`;
  if (!row.first) return `${name}: nothing on or after the reference; ${history}.`;
  const what =
    row.first.kind === "move"
      ? `moved to ${label(row.first.category)} ${formatEdtf(row.first.date)}, ${lagText(row.first.lag)} after the reference`
      : `${label(row.first.category)} attested by ${formatEdtf(row.first.date)} (${lagText(row.first.lag)} after the reference); the start is not stated`;
  return `${name}: ${what}; ${history}.`;
}
