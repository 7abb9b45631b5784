// The timeline's scale and marks: events and stance changes placed along time.
import { scaleUtc } from "d3-scale";
import { utcFormat } from "d3-time-format";

export interface TimelineMark {
  id: string;
  date: string;
  x: number;
  kind: "event" | "stance";
  label: string;
  /** Row, so that marks close in time do not overlap. */
  lane: number;
}

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
export const formatDay = utcFormat("%-d %b %Y");
export const formatMonth = utcFormat("%b %Y");

export function timelineScale(from: string, to: string, width: number, margin = 16) {
  return scaleUtc()
    .domain([parse(from), parse(to)])
    .range([margin, width - margin])
    .clamp(true);
}

export function dateAt(scale: ReturnType<typeof timelineScale>, x: number): string {
  return scale.invert(x).toISOString().slice(0, 10);
}

/** Places marks on lanes so that none is within `gap` pixels of the previous one in its lane. */
export function layoutMarks(
  items: readonly { id: string; date: string; kind: "event" | "stance"; label: string }[],
  scale: ReturnType<typeof timelineScale>,
  gap = 10,
  lanes = 4,
): TimelineMark[] {
  const ends: number[] = [];
  return [...items]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((item) => {
      const x = scale(parse(item.date));
      let lane = ends.findIndex((end) => x - end >= gap);
      if (lane === -1) lane = ends.length < lanes ? ends.length : ends.indexOf(Math.min(...ends));
      ends[lane] = x;
      return { ...item, x, lane };
    });
}

export function ticks(scale: ReturnType<typeof timelineScale>, count = 8) {
  return scale.ticks(count).map((d) => ({ x: scale(d), label: d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : formatMonth(d) }));
}
