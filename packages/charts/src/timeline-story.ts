// The timeline as a story: an axis that covers the dated facts (and no more), marks of one day stacked
// rather than drawn over each other, and the stops of Play (one dated fact after another).
//
// The axis: the detailed part runs from the timeline's start (TIMELINE_START) to the last dated fact
// plus a margin, or to today when the reader extends it. Facts before the start (Russia's 1996, 2003
// and 2017) go on a compact "earlier" segment at the left, from the first of them, with a break
// between the two: on one linear axis from 1979 the four years that hold most facts would shrink to an
// eighth of the width. Shared by the dashboard's timeline and its export.
import { OPEN_END, OPEN_START } from "@stancemap/core/model";
import { scaleUtc } from "d3-scale";
import { thinTicks } from "./stance-steps";
import { dateSpan, formatMonth, placeDate, type TimelineItem, type timelineScale } from "./timeline";

type Scale = ReturnType<typeof timelineScale>;

const DAY_MS = 86_400_000;
const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => iso(parse(d).getTime() + n * DAY_MS);

export interface StoryAxis {
  /** The axis's first day: the earliest fact's new year when a fact precedes `from`, else `from`. */
  start: string;
  /** Where the detailed segment begins (`from`) when there is an earlier segment, else null. */
  split: string | null;
  /** The axis's last day. */
  end: string;
  /** The last day of the last dated fact (null without facts). */
  lastFact: string | null;
  /** True when the axis runs on to `to` (today): the reader asked for it, or there is no fact to end on. */
  extended: boolean;
}

/** The days a date is known to cover, open ends taken at their known end ("../2025-07-03" is 3 July). */
function knownSpan(date: string): { first: string; last: string } {
  const { first, last } = dateSpan(date);
  if (first === OPEN_START) return { first: last, last };
  if (last === OPEN_END) return { first, last: first };
  return { first, last };
}

/** The first day of the axis for these facts: the new year of the earliest one when it precedes `from`. */
export function storyStart(dates: readonly string[], from: string): string {
  const firsts = dates.map((d) => knownSpan(d).first).filter((d) => d !== OPEN_START && d !== OPEN_END);
  const earliest = firsts.length ? firsts.reduce((a, b) => (a < b ? a : b)) : from;
  return earliest < from ? `${earliest.slice(0, 4)}-01-01` : from;
}

/**
 * The axis for dated facts (EDTF): from `storyStart` to the last day any fact covers plus a margin (a
 * twentieth of the detailed segment, at least a month), never past `to`; to `to` itself when `extend`.
 */
export function storyAxis(dates: readonly string[], from: string, to: string, extend = false): StoryAxis {
  const start = storyStart(
    dates.filter((d) => knownSpan(d).first <= to),
    from,
  );
  const lasts = dates.map((d) => knownSpan(d).last).filter((d) => d !== OPEN_END && d !== OPEN_START);
  const lastFact = lasts.length ? lasts.reduce((a, b) => (a > b ? a : b)) : null;
  // No break when the range ends before the detailed segment would begin: then it is all "earlier".
  const split = start < from && from < to ? from : null;
  if (extend || lastFact === null || lastFact >= to) return { start, split, end: to, lastFact, extended: true };
  const base = split ?? start;
  const detail = Math.max(0, (parse(lastFact).getTime() - parse(base).getTime()) / DAY_MS);
  const margin = Math.max(31, Math.round(detail / 20));
  const end = [addDays(lastFact < base ? base : lastFact, margin), to].sort()[0] as string;
  return { start, split, end, lastFact, extended: end === to };
}

/** The share of the width the earlier segment takes, and its bounds in pixels. */
const EARLIER_SHARE = 0.14;
const EARLIER_MIN = 44;
const EARLIER_MAX = 150;

/**
 * The axis's scale: linear over the detailed segment; with an earlier segment, a compact stretch at
 * the left (about a seventh of the width) for the years before the split. d3 maps both pieces.
 */
export function storyScale(axis: Pick<StoryAxis, "start" | "split" | "end">, width: number, margin = 16): Scale {
  const left = margin;
  const right = width - margin;
  if (!axis.split)
    return scaleUtc()
      .domain([parse(axis.start), parse(axis.end)])
      .range([left, right])
      .clamp(true);
  const earlier = Math.min(EARLIER_MAX, Math.max(EARLIER_MIN, (right - left) * EARLIER_SHARE));
  return scaleUtc()
    .domain([parse(axis.start), parse(axis.split), parse(axis.end)])
    .range([left, left + earlier, right])
    .clamp(true);
}

/** Where the earlier segment ends on the scale (the break), or null. */
export function storyBreak(scale: Scale, axis: Pick<StoryAxis, "split">): number | null {
  return axis.split ? scale(parse(axis.split)) : null;
}

/**
 * Axis ticks for both segments, none colliding: years on the earlier segment (its first year always),
 * years and months on the detailed one. `labelWidth` estimates a label's width in pixels.
 */
export function storyTicks(
  scale: Scale,
  axis: Pick<StoryAxis, "start" | "split" | "end">,
  labelWidth: (label: string) => number,
  count = 8,
): { x: number; label: string }[] {
  const label = (d: Date) => (d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? String(d.getUTCFullYear()) : formatMonth(d));
  const detailStart = axis.split ?? axis.start;
  const detail = scaleUtc()
    .domain([parse(detailStart), parse(axis.end)])
    .ticks(count)
    .map((d) => ({ x: scale(d), label: label(d) }));
  const earlier = axis.split
    ? [
        { x: scale(parse(axis.start)), label: axis.start.slice(0, 4) },
        ...scaleUtc()
          .domain([parse(axis.start), parse(axis.split)])
          .ticks(3)
          .filter((d) => d.getTime() > parse(axis.start).getTime())
          .map((d) => ({ x: scale(d), label: String(d.getUTCFullYear()) })),
      ]
    : [];
  const all = [...earlier, ...detail].sort((a, b) => a.x - b.x);
  const gap = Math.max(0, ...all.map((t) => labelWidth(t.label))) + 8;
  return thinTicks(all, gap, Number.POSITIVE_INFINITY);
}

export interface StackedMark<T extends TimelineItem> {
  item: T;
  /** Where it is drawn (see placeDate). */
  x: number;
  x0: number;
  x1: number;
  span: boolean;
  /** Its row above the axis, 0 the lowest. */
  row: number;
  /** Its group's index in `groups`. */
  group: number;
}

export interface MarkGroup<T extends TimelineItem> {
  /** Every fact of the group, in date order (drawn or not). */
  items: T[];
  /** Where the group is (its first mark's position). */
  x: number;
  /** The row of its count badge, or null when it has none (one fact; or, with `badge: "overflow"`, all drawn). */
  badgeRow: number | null;
  /** Facts with no row left to draw them in: counted by the badge, listed where it opens. */
  hidden: T[];
}

/**
 * Stacks marks so that none is drawn over another. Facts within `gap` pixels of each other (the same
 * day, or days that meet at this scale) form a group; its marks take rows one above the other, and a
 * group of more than one fact gets a count badge above them (`badge: "always"`, the dashboard's: the
 * reader opens it for the list) or only when some of its facts find no row (`"overflow"`, the
 * export's). A span's row is kept clear over all its days. At most `rows` rows; facts beyond them are
 * not drawn but counted by their group's badge.
 */
export function stackMarks<T extends TimelineItem>(
  items: readonly T[],
  scale: Scale,
  opts: { gap: number; rows: number; badge?: "always" | "overflow"; badgeWidth?: number },
): { marks: StackedMark<T>[]; groups: MarkGroup<T>[] } {
  const { gap, rows } = opts;
  const badge = opts.badge ?? "always";
  const half = gap / 2;
  const placed = items
    .map((item) => ({ item, ...placeDate(scale, item.date), first: dateSpan(item.date).first, last: dateSpan(item.date).last }))
    .sort((a, b) => a.x - b.x || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0) || (a.last < b.last ? -1 : a.last > b.last ? 1 : 0));
  const clusters: { x: number; members: typeof placed }[] = [];
  for (const p of placed) {
    const last = clusters[clusters.length - 1];
    if (last && p.x - last.x < gap) last.members.push(p);
    else clusters.push({ x: p.x, members: [p] });
  }
  // What each row holds: the stretches (in pixels) its marks and badges take.
  let taken: [number, number][][] = Array.from({ length: rows }, () => []);
  const lowestFree = (a: number, b: number, from: number, below: number) => {
    for (let r = from; r < below; r++) if ((taken[r] ?? []).every(([x, y]) => b + 1 <= x || a >= y + 1)) return r;
    return -1;
  };
  const extent = (m: (typeof placed)[number]): [number, number] => [Math.min(m.x0, m.x - half), Math.max(m.x1, m.x + half)];
  // Long spans first, from the left, on the lowest rows (the top one is kept for badges): placed among the
  // points around them, a span of twenty years would find no row clear over all its days.
  const longRow = new Map<(typeof placed)[number], number>();
  for (const m of placed.filter((p) => p.span && p.x1 - p.x0 > 3 * gap).sort((a, b) => a.x0 - b.x0)) {
    const [a, b] = extent(m);
    const row = lowestFree(a, b, 0, Math.max(1, rows - 1));
    if (row !== -1) {
      taken[row]?.push([a, b]);
      longRow.set(m, row);
    }
  }
  const marks: StackedMark<T>[] = [];
  const groups: MarkGroup<T>[] = [];
  clusters.forEach((cluster, g) => {
    const many = cluster.members.length > 1;
    const saved = taken.map((r) => [...r]);
    const placeAll = (limit: number) => {
      const drawn: StackedMark<T>[] = [];
      const hidden: T[] = [];
      for (const m of cluster.members) {
        const [a, b] = extent(m);
        const pre = longRow.get(m);
        const row = pre ?? lowestFree(a, b, 0, limit);
        if (row === -1) hidden.push(m.item);
        else {
          if (pre === undefined) taken[row]?.push([a, b]);
          drawn.push({ item: m.item, x: m.x, x0: m.x0, x1: m.x1, span: m.span, row, group: g });
        }
      }
      return { drawn, hidden };
    };
    // Room for the badge above the marks: always for a group of several ("always"); else only when some
    // fact finds no row, and then the marks are placed again with the top row left to the badge.
    let placedHere = placeAll(badge === "always" && many ? rows - 1 : rows);
    if (badge === "overflow" && placedHere.hidden.length > 0) {
      taken = saved;
      placedHere = placeAll(rows - 1);
    }
    const { hidden } = placedHere;
    marks.push(...placedHere.drawn);
    const top = Math.max(-1, ...placedHere.drawn.map((m) => m.row));
    let badgeRow: number | null = null;
    if ((badge === "always" && many) || hidden.length > 0) {
      // Over the group's marks, in the first row clear for it; else the top row (it then may touch a neighbour's mark).
      const w = opts.badgeWidth ?? gap;
      const found = lowestFree(cluster.x - w / 2, cluster.x + w / 2, top + 1, rows);
      badgeRow = found === -1 ? Math.min(rows - 1, top + 1) : found;
      taken[badgeRow]?.push([cluster.x - w / 2, cluster.x + w / 2]);
    }
    const inDateOrder = [...cluster.members].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.last < b.last ? -1 : 1));
    groups.push({ items: inDateOrder.map((m) => m.item), x: cluster.x, badgeRow, hidden });
  });
  return { marks, groups };
}

/** The day a fact is shown on: an exact day itself; a month, a year or a range its last day (by then it had
 * happened), never after `to`; an open interval its known end. */
export function factDay(date: string, to?: string): string {
  const { first, last, exact } = dateSpan(date);
  const day = first === OPEN_START ? last : last === OPEN_END ? first : exact ? first : last;
  return to && day > to ? to : day;
}

/** The days Play stops on: every fact's day (factDay), once each, in order. */
export function playStops(dates: readonly string[], to?: string): string[] {
  return [...new Set(dates.map((d) => factDay(d, to)))].sort();
}

/** The first stop after `date`, or null when none is left. */
export function nextStop(stops: readonly string[], date: string): string | null {
  return stops.find((s) => s > date) ?? null;
}

/** Where Play goes first from `date`: the next stop, or (past the last) the first stop again. */
export function firstStop(stops: readonly string[], date: string): string | null {
  return nextStop(stops, date) ?? stops[0] ?? null;
}

/** Play's speeds, and how long it stays on each stop at 1× (long enough to read the day's facts). */
export const PLAY_SPEEDS = [0.5, 1, 2] as const;
export const PLAY_PAUSE_MS = 2400;

/** How long Play stays on a stop at `speed`. */
export function playPause(speed: number): number {
  return Math.round(PLAY_PAUSE_MS / (speed > 0 ? speed : 1));
}
