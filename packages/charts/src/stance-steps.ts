// An actor's stance history on one topic as a step chart: one row band per category (in scale
// order, first at the top), one horizontal step per stance, risers where one stance follows another.
// Pure geometry: the caller draws it (the actor page renders it as SVG on the server). Dates keep their
// precision: a step whose start is dated only to a year or month (or approximately) has an uncertain
// stretch over that window, and a step whose start the sources do not state is marked as such.
import { formatEdtf, type HoldingBasis, parseEdtf, stanceHistory, type TimedStance } from "@stancemap/core/model";
import { scaleBand, scaleUtc } from "d3-scale";
import { formatDay, formatMonth } from "./timeline";

/** How a step's dates read: "2017 to April 2025", "since 3 July 2025", "held by 3 July 2025 (start not stated)". */
export function stepDates(step: { from: string; until: string | null; basis: HoldingBasis }): string {
  const head = step.basis === "attested" ? `held by ${formatEdtf(step.from)} (start not stated)` : formatEdtf(step.from);
  if (step.until) return `${head} to ${formatEdtf(step.until)}`;
  return step.basis === "attested" ? head : `since ${head}`;
}

export interface StepCategory {
  key: string;
  label: string;
  order: number;
  colour: string;
}

export interface StepStance extends TimedStance {
  category: string;
}

export interface StepBand {
  key: string;
  label: string;
  colour: string;
  /** Top of the band and its height. */
  y: number;
  height: number;
}

export interface StepSegment<S extends StepStance> {
  stance: S;
  category: StepCategory;
  /** The step's own dates as EDTF (its start, or its attestation when the start is not stated): `until`
   * is exclusive, null while the stance still holds. */
  from: string;
  until: string | null;
  /** "attested": the start is not stated; the step is drawn from the date a source attests it. */
  basis: HoldingBasis;
  /** Where the start's uncertainty ends (the end of "2023"), when the start is not one exact day: the
   * step is uncertain from x0 to here. Equal to x0 for an exact start. */
  xSure: number;
  /** True when the step reaches the end of the range (it still holds, or ends after the range). */
  toEnd: boolean;
  x0: number;
  x1: number;
  /** The step's line: the middle of its category's band. */
  y: number;
  colour: string;
}

/** A vertical line where one step follows the previous one without a gap. */
export interface StepRiser {
  x: number;
  y0: number;
  y1: number;
}

export interface StepTick {
  x: number;
  date: string;
  label: string;
}

export interface StanceStepsLayout<S extends StepStance> {
  width: number;
  height: number;
  from: string;
  to: string;
  bands: StepBand[];
  segments: StepSegment<S>[];
  risers: StepRiser[];
  ticks: StepTick[];
  /** True when some steps were widened to `minStepWidth`, so the time axis is not to scale. */
  widened: boolean;
}

export interface StanceStepsInput<S extends StepStance> {
  categories: readonly StepCategory[];
  stances: readonly S[];
  actor: string;
  topic: string;
  /** The time range, YYYY-MM-DD; `to` is the chart's right end (usually today). */
  from: string;
  to: string;
  width: number;
  height: number;
  /** Steps narrower than this are widened (the rest of the axis shrinks to make room); 0 keeps time linear. */
  minStepWidth?: number;
  /** Ticks closer than this to the previous one, or to the right end, are dropped. */
  minTickGap?: number;
}

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/**
 * Widths for consecutive intervals: proportional to duration, except that intervals marked
 * `needsMin` get at least `minWidth`, the others shrinking in proportion to make room.
 */
export function allotWidths(durations: readonly number[], needsMin: readonly boolean[], total: number, minWidth: number): number[] {
  const sum = durations.reduce((a, b) => a + b, 0);
  if (sum <= 0) return durations.map(() => total / Math.max(1, durations.length));
  const fixed = new Set<number>();
  for (;;) {
    const fixedWidth = fixed.size * minWidth;
    const freeDuration = durations.reduce((acc, d, i) => (fixed.has(i) ? acc : acc + d), 0);
    if (fixedWidth >= total || freeDuration <= 0) {
      // Not enough room for every minimum: share the width equally among the marked intervals.
      const marked = needsMin.filter(Boolean).length || durations.length;
      return durations.map((_, i) => (needsMin[i] || !needsMin.some(Boolean) ? total / marked : 0));
    }
    const perUnit = (total - fixedWidth) / freeDuration;
    const newlyFixed = durations.flatMap((d, i) => (!fixed.has(i) && needsMin[i] && d * perUnit < minWidth ? [i] : []));
    if (newlyFixed.length === 0) return durations.map((d, i) => (fixed.has(i) ? minWidth : d * perUnit));
    for (const i of newlyFixed) fixed.add(i);
  }
}

function tickLabel(d: Date, spanDays: number): string {
  if (d.getUTCMonth() === 0 && d.getUTCDate() === 1) return String(d.getUTCFullYear());
  if (d.getUTCDate() === 1 || spanDays > 120) return formatMonth(d);
  return formatDay(d);
}

/** Keeps ticks at least `gap` apart, and `gap` clear of the right end (where "today" is written). */
export function thinTicks<T extends { x: number }>(ticks: readonly T[], gap: number, end: number): T[] {
  const kept: T[] = [];
  for (const t of ticks) {
    const last = kept[kept.length - 1];
    if ((last === undefined || t.x - last.x >= gap) && end - t.x >= gap) kept.push(t);
  }
  return kept;
}

export function stanceSteps<S extends StepStance>(input: StanceStepsInput<S>): StanceStepsLayout<S> {
  const { width, height, from, to } = input;
  const categories = [...input.categories].sort((a, b) => a.order - b.order);
  const byKey = new Map(categories.map((c) => [c.key, c]));
  const band = scaleBand<string>()
    .domain(categories.map((c) => c.key))
    .range([0, height]);
  const bands: StepBand[] = categories.map((c) => ({
    key: c.key,
    label: c.label,
    colour: c.colour,
    y: band(c.key) ?? 0,
    height: band.bandwidth(),
  }));

  // The steps inside the range, clipped to it.
  const steps = stanceHistory(input.stances, input.actor, input.topic).flatMap((step) => {
    const category = byKey.get(step.stance.category);
    const start = max(step.fromDay, from);
    const end = step.untilDay === null ? to : min(step.untilDay, to);
    // The day after the start's window: "2023" is certain from 2024-01-01 on.
    const window = parseEdtf(step.from);
    const sure = window.exact ? start : min(max(iso(new Date(parse(window.last).getTime() + 86_400_000)), start), end);
    return category && start < end ? [{ step, category, start, end, sure }] : [];
  });

  // A time scale, piecewise linear through every step boundary so that short steps can be widened.
  const boundaries = [...new Set([from, to, ...steps.flatMap((s) => [s.start, s.end, s.sure])])].sort();
  const durations = boundaries.slice(1).map((d, i) => parse(d).getTime() - parse(boundaries[i] as string).getTime());
  const covered = boundaries.slice(1).map((d, i) => steps.some((s) => s.start <= (boundaries[i] as string) && s.end >= d));
  const minStepWidth = input.minStepWidth ?? 0;
  const widths = allotWidths(durations, covered, width, minStepWidth);
  const positions = [0];
  for (const w of widths) positions.push((positions[positions.length - 1] ?? 0) + w);
  const proportional = allotWidths(durations, covered, width, 0);
  const widened = widths.some((w, i) => Math.abs(w - (proportional[i] ?? 0)) > 0.5);
  const x = scaleUtc()
    .domain(boundaries.map(parse))
    .range(positions.map((p, i) => (i === positions.length - 1 ? width : p)))
    .clamp(true);

  const segments: StepSegment<S>[] = steps.map(({ step, category, start, end, sure }) => ({
    stance: step.stance,
    category,
    from: step.from,
    until: step.until,
    basis: step.basis,
    xSure: x(parse(sure)),
    toEnd: end === to,
    x0: x(parse(start)),
    x1: x(parse(end)),
    y: (band(category.key) ?? 0) + band.bandwidth() / 2,
    colour: category.colour,
  }));

  const risers: StepRiser[] = segments.slice(1).flatMap((s, i) => {
    const prev = segments[i] as StepSegment<S>;
    return prev.until !== null && Math.abs(prev.x1 - s.x0) < 0.5 && prev.y !== s.y ? [{ x: s.x0, y0: prev.y, y1: s.y }] : [];
  });

  const spanDays = durations.reduce((a, b) => a + b, 0) / 86_400_000;
  const candidates = x.ticks(Math.max(2, Math.round(width / 60))).map((d) => ({ x: x(d), date: iso(d), label: tickLabel(d, spanDays) }));
  const ticks = thinTicks(candidates, input.minTickGap ?? 0, width);

  return { width, height, from, to, bands, segments, risers, ticks, widened };
}

/** The start of a chart's range as a date of its own precision: stepRange starts it on a new year or
 * month, and it reads as "2016" or "March 2021", not as a day nobody chose. */
export function rangeStartEdtf(from: string): string {
  return from.endsWith("-01-01") ? from.slice(0, 4) : from.endsWith("-01") ? from.slice(0, 7) : from;
}

/** A step chart's time range, as the actor page and its export draw it: a little before the first
 * stance (on a new year over more than three years, else on the first of a month), to `to`.
 * `starts` are the days the stances count from (core's countsFrom). */
export function stepRange(starts: readonly string[], to: string): { from: string; to: string } {
  const first = starts.reduce((m, d) => (d < m ? d : m), to);
  const start = Date.parse(`${first}T00:00:00Z`);
  const span = Date.parse(`${to}T00:00:00Z`) - start;
  const lead = new Date(start - Math.max(span * 0.04, 45 * 86_400_000)).toISOString();
  return { from: span > 3 * 365 * 86_400_000 ? `${lead.slice(0, 4)}-01-01` : `${lead.slice(0, 7)}-01`, to };
}
