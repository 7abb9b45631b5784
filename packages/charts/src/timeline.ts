// The timeline's scale and marks: events and stance changes placed along time at the precision their
// dates have. A day is a point; a month, a year or an approximate date is a span over the days it
// covers, so "2022" reads as the year it is and not as 1 January.
import { formatEdtf, OPEN_END, OPEN_START, parseEdtf } from "@stancemap/core/model";
import { scaleUtc } from "d3-scale";

/** The timeline's first day (the dashboard's and its export's). */
export const TIMELINE_START = "2021-08-15";
/** The timeline's stance marks, at most (the dashboard's and its export's). */
export const MAX_STANCE_MARKS = 400;

export interface TimelineItem {
  id: string;
  /** EDTF: "2025-07-03", "2022", "2024-03", "2021-08~". */
  date: string;
  kind: "event" | "stance";
  label: string;
}

export interface TimelineMark extends TimelineItem {
  /** Where the mark is drawn: a point's position, a span's middle. */
  x: number;
  /** A span's ends (equal to x for a point). */
  x0: number;
  x1: number;
  /** True when the date is not one exact day: drawn as a span over the days it covers. */
  span: boolean;
  /** Row, so that marks close in time do not overlap. */
  lane: number;
}

const DAY_MS = 86_400_000;
const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const nextDay = (d: string) => new Date(parse(d).getTime() + DAY_MS);

/** "3 Jul 2025", as an ISO day reads on a narrow axis. */
export const formatDay = (d: Date) => formatEdtf(d.toISOString().slice(0, 10), { style: "short" });
/** "Jul 2025". */
export const formatMonth = (d: Date) => formatEdtf(d.toISOString().slice(0, 7), { style: "short" });

export function timelineScale(from: string, to: string, width: number, margin = 16) {
  return scaleUtc()
    .domain([parse(from), parse(to)])
    .range([margin, width - margin])
    .clamp(true);
}

export function dateAt(scale: ReturnType<typeof timelineScale>, x: number): string {
  return scale.invert(x).toISOString().slice(0, 10);
}

/** The days an EDTF date covers (first and last ISO day), and whether it is one exact day. */
export function dateSpan(date: string): { first: string; last: string; exact: boolean } {
  const b = parseEdtf(date);
  return { first: b.first, last: b.last, exact: b.exact };
}

/** Where an EDTF date lies on the scale: a point for an exact day, else from its first day to the end of
 * its last. An interval open at one end ("../2025-07-03", "2021-08-15/..") is a point at its known end:
 * a bar to the edge of the chart would claim a span the sources do not give. */
export function placeDate(scale: ReturnType<typeof timelineScale>, date: string): { x: number; x0: number; x1: number; span: boolean } {
  const { first, last, exact } = dateSpan(date);
  if (first === OPEN_START || last === OPEN_END) {
    const x = scale(parse(first === OPEN_START ? last : first));
    return { x, x0: x, x1: x, span: false };
  }
  const x0 = scale(parse(first));
  if (exact) return { x: x0, x0, x1: x0, span: false };
  const x1 = scale(nextDay(last));
  return { x: (x0 + x1) / 2, x0, x1, span: true };
}

const byDate = (a: TimelineItem, b: TimelineItem) => {
  const x = dateSpan(a.date);
  const y = dateSpan(b.date);
  return x.first !== y.first ? (x.first < y.first ? -1 : 1) : x.last !== y.last ? (x.last < y.last ? -1 : 1) : 0;
};

/**
 * Places marks on lanes so that none is within `gap` pixels of the previous one in its lane: a point
 * takes its position, a span the stretch it covers. In time order (by first day, then last day).
 */
export function layoutMarks<T extends TimelineItem>(
  items: readonly T[],
  scale: ReturnType<typeof timelineScale>,
  gap = 10,
  lanes = 4,
): (T & TimelineMark)[] {
  const ends: number[] = [];
  return [...items].sort(byDate).map((item) => {
    const place = placeDate(scale, item.date);
    let lane = ends.findIndex((end) => place.x0 - end >= gap);
    if (lane === -1) lane = ends.length < lanes ? ends.length : ends.indexOf(Math.min(...ends));
    ends[lane] = place.x1;
    return { ...item, ...place, lane };
  });
}

/** Axis ticks, labelled by the one formatter: "2024" on a new year, "Mar 2024" on a month. */
export function ticks(scale: ReturnType<typeof timelineScale>, count = 8) {
  return scale.ticks(count).map((d) => ({ x: scale(d), label: d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : formatMonth(d) }));
}
