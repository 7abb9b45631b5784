// The timeline as a standalone SVG for publication: events and stance changes along time, with a
// cursor at the "as of" date, inside the publication frame. Pure: runs in the browser and on the server.
//
// From the bottom of the chart area up: a note on the marks and the key of unlabelled events, the
// time axis with its ticks, the stance changes as dots on lanes (coloured by category), the events as
// diamonds on lanes, then rows of event labels. Each event's title is written as a flag: a leader
// line rises from the diamond to the lowest row where the label fits, the label starting or ending at
// the line (of a few greedy placements, the one that writes out the most titles is kept). A label
// never overlaps another label nor another event's leader line. A title is written whole where a row has room for it, else shortened at a word ("…") to a third of the width.
// An event whose title finds no room gets a number instead, and the key below the axis gives its
// number, date and title; an event with no room even for a number is listed in the key by its date
// and title. When the key itself runs out of room, it says how many events it leaves out.
// Every event, with its full title, and every stance change is also in the SVG's description.
// Dates are written and placed at their precision (core's formatEdtf): an event dated "2022" is a span
// over that year labelled "2022", never a point on 1 January.
// Marks of one day are stacked on their lanes, never drawn over each other (timeline-story's
// stackMarks); where a day has more marks than lanes, the top lane says "+N" and the key and the
// description list them. Facts before the detailed segment (`split`) sit on a compact segment at the
// left, after a break in the axis; the axis may end (`end`) before the "as of" date, whose cursor then
// waits at its end, dashed.
import { formatEdtf } from "@stancemap/core/model";
import { rangeStartEdtf, thinTicks } from "../stance-steps";
import { fitText, textWidth } from "../text/metrics";
import { dateSpan } from "../timeline";
import { stackMarks, storyBreak, storyScale, storyTicks } from "../timeline-story";
import { type Box, type FrameText, type LegendEntry, layoutFrame, wrap } from "./frame";
import { el, exportDocument, haloText, text } from "./svg";
import { categoryFill, type ExportTheme, printPattern, THEME_COLOURS } from "./themes";

export interface TimelineExportInput {
  /** The range of facts drawn, YYYY-MM-DD: the axis starts at `from`. */
  from: string;
  to: string;
  /** Where the detailed segment starts, when the years from `from` to it are drawn compressed at the left. */
  split?: string | null;
  /** The axis's last day (default `to`): the last dated fact and a margin, when that is before `to`. */
  end?: string;
  /** The "as of" date (a day): a cursor line labelled with it. */
  date: string;
  /** Events; `date` is EDTF ("2025-07-03", "2022", "2024-03", "2021-08~"). */
  events: readonly { id: string; date: string; title: string }[];
  /** Stance changes (EDTF dates): dots coloured by the category's colour; index = the category's position
   * on the scale (print patterns); `ended` draws an open dot (the stance ended then). */
  stances: readonly { id: string; date: string; label: string; index: number; ended?: boolean }[];
  /** The topic's categories in scale order. */
  legend: readonly LegendEntry[];
  frame: FrameText;
  width: number;
  height: number;
  theme: ExportTheme;
}

const EVENT_LANES = 4;
const EVENT_LANE_GAP = 13;
const STANCE_LANES = 4;
const STANCE_LANE_GAP = 12;
const DIAMOND = 9;
const DOT = 5;
/** Horizontal room kept clear between two labels in a row. */
const LABEL_PAD = 5;
/** Room between a leader line and the start (or end) of its label. */
const FLAG_GAP = 3;

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const longDate = (d: string) => formatEdtf(d);
const shortDate = (d: string) => formatEdtf(d, { style: "short" });
const byDate = (a: { date: string }, b: { date: string }) => {
  const x = dateSpan(a.date);
  const y = dateSpan(b.date);
  return x.first !== y.first ? (x.first < y.first ? -1 : 1) : x.last !== y.last ? (x.last < y.last ? -1 : 1) : 0;
};

interface EventMark {
  id: string;
  date: string;
  title: string;
  x: number;
  /** The span's ends, for a date that is not one exact day (equal to x otherwise). */
  x0: number;
  x1: number;
  lane: number;
}

interface PlacedLabel {
  mark: EventMark;
  content: string;
  row: number;
  anchor: "start" | "end";
}

/**
 * Rows of labels above the markers, each row a list of what it holds: labels, and the leader lines
 * that pass through it on their way to a label higher up. Labels keep `LABEL_PAD` apart; a leader
 * line may pass close to a label (events on nearly the same day share a line, their labels stacked
 * beside it) but never through one.
 */
class LabelRows {
  private readonly taken: { a: number; b: number; line: boolean }[][];
  constructor(
    rows: number,
    private readonly left: number,
    private readonly right: number,
  ) {
    this.taken = Array.from({ length: rows }, () => []);
  }

  private free(row: number, a: number, b: number, line: boolean): boolean {
    return (this.taken[row] ?? []).every((t) => {
      if (line && t.line) return true;
      const pad = line || t.line ? 1 : LABEL_PAD;
      return b + pad <= t.a || a >= t.b + pad;
    });
  }

  /** The lowest row where `width` fits as a flag at `x`, on the first side of `sides` that fits in some row; taken. */
  place(x: number, width: number, sides: readonly ("start" | "end")[]): { row: number; anchor: "start" | "end" } | null {
    for (const anchor of sides) {
      const [a, b] = anchor === "start" ? [x + FLAG_GAP, x + FLAG_GAP + width] : [x - FLAG_GAP - width, x - FLAG_GAP];
      if (a < this.left || b > this.right) continue;
      for (let row = 0; row < this.taken.length; row++) {
        if (this.free(row, a, b, false)) {
          this.taken[row]?.push({ a, b, line: false });
          for (let below = 0; below < row; below++) this.taken[below]?.push({ a: x - 0.5, b: x + 0.5, line: true });
          return { row, anchor };
        }
        // The leader line crosses every row below the label's own.
        if (!this.free(row, x - 0.5, x + 0.5, true)) break;
      }
    }
    return null;
  }
}

interface Arrangement {
  labels: PlacedLabel[];
  /** Events with a number on the chart, and events with no label at all, in date order. */
  keyed: { mark: EventMark; number: number | null }[];
}

/**
 * Places the labels greedily, each in the lowest row that has room. Flags that start at their line
 * never cross the lines of events to their left when placed from right to left (the rows rise to
 * the left); flags that end at their line likewise when placed from left to right. So events left
 * of `split` prefer flags that start at their line, the others flags that end at it, and events are
 * placed from `split` outwards: two staircases rising away from it.
 */
function arrangeAround(marks: readonly EventMark[], split: number, rows: number, box: Box, size: number, maxWidth: number): Arrangement {
  const slots = new LabelRows(rows, box.x, box.x + box.width);
  const order = marks
    .map((mark, i) => ({ mark, i }))
    .sort((a, b) => Math.abs(a.mark.x - split) - Math.abs(b.mark.x - split) || a.i - b.i)
    .map((o) => o.mark);
  const sides = (mark: EventMark) => (mark.x < split ? (["start", "end"] as const) : (["end", "start"] as const));
  const placed = new Map<EventMark, PlacedLabel>();
  const pending = new Set<EventMark>();
  for (const mark of order) {
    // The whole title where it finds room; else shortened to maxWidth, where that finds room.
    const short = fitText(mark.title, maxWidth, size);
    const whole = slots.place(mark.x, textWidth(mark.title, size), sides(mark));
    const spot = whole ?? (short === mark.title ? null : slots.place(mark.x, textWidth(short, size), sides(mark)));
    if (spot) placed.set(mark, { mark, content: whole ? mark.title : short, ...spot });
    else pending.add(mark);
  }
  // Numbers go in date order, so that the key reads in date order.
  const keyed: Arrangement["keyed"] = [];
  let number = 0;
  for (const mark of marks) {
    if (!pending.has(mark)) continue;
    const content = String(number + 1);
    const spot = slots.place(mark.x, textWidth(content, size), sides(mark));
    if (spot) {
      number += 1;
      placed.set(mark, { mark, content, ...spot });
      keyed.push({ mark, number });
    } else keyed.push({ mark, number: null });
  }
  return { labels: marks.flatMap((m) => placed.get(m) ?? []), keyed };
}

/** The best of a few splits: the most titles written out, then the most numbers; the first on a tie. */
function arrange(marks: readonly EventMark[], rows: number, box: Box, size: number, maxWidth: number): Arrangement {
  // Splits: past the right end (every flag starts at its line), then between neighbouring events
  // (at most 24 of those gaps, evenly spread), then before the left end.
  const gaps = marks.slice(1).map((m, i) => (m.x + (marks[i] as EventMark).x) / 2);
  const step = Math.max(1, gaps.length / 24);
  const picked = Array.from({ length: Math.min(gaps.length, 24) }, (_, k) => gaps[Math.floor(k * step)] as number);
  const splits = [box.x + box.width + 1, ...picked.reverse(), box.x - 1];
  const tries = splits.map((split) => arrangeAround(marks, split, rows, box, size, maxWidth));
  const score = (a: Arrangement) => {
    const numbered = a.keyed.filter((k) => k.number !== null).length;
    return [a.labels.length - numbered, numbered] as const;
  };
  return tries.reduce((best, a) => {
    const [t, n] = score(a);
    const [bt, bn] = score(best);
    return t > bt || (t === bt && n > bn) ? a : best;
  });
}

/** The key's lines: as many entries as fit in `maxLines`, then a line saying how many are left out. */
function keyLines(keyed: Arrangement["keyed"], width: number, size: number, maxLines: number): string[] {
  if (keyed.length === 0 || maxLines <= 0) return [];
  // Numbered events first (their numbers are on the chart), then the others in date order.
  const entries = [...keyed.filter((k) => k.number !== null), ...keyed.filter((k) => k.number === null)].map(
    (k) => `${k.number === null ? "" : `(${k.number}) `}${shortDate(k.mark.date)} – ${k.mark.title}`,
  );
  const wrapTo = (content: string) => wrap(content, width, size);
  const linesFor = (shown: number) => {
    const rest = entries.length - shown;
    const head = shown ? `Events not labelled above: ${entries.slice(0, shown).join("; ")}.` : "";
    const tail = rest ? `${shown ? "And" : "Events not labelled above:"} ${rest} more, listed in the description.` : "";
    return [...(head ? wrapTo(head) : []), ...(tail ? wrapTo(tail) : [])];
  };
  const all = linesFor(entries.length);
  if (all.length <= maxLines) return all;
  // The most entries that fit: lines grow with the entries written out, so a binary search over how many
  // (each try wraps the key once; trying every count wrapped it hundreds of times for hundreds of events).
  let fits = -1;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (linesFor(mid).length <= maxLines) {
      fits = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return fits < 0 ? [] : linesFor(fits);
}

export function renderTimelineSvg(input: TimelineExportInput): string {
  const { from, to, width, height, theme } = input;
  const c = THEME_COLOURS[theme];
  const layout = layoutFrame(width, height, input.frame, input.legend, theme);
  const body = layout.body;
  const right = body.x + body.width;
  const bottom = body.y + body.height;
  const base = Math.max(11, Math.min(16, Math.round(width / 80)));
  const size = Math.max(10, Math.round(base * 0.85 * 10) / 10);
  const small = Math.max(9, base * 0.75);
  const rowHeight = size * 1.5;
  const keyLineHeight = small * 1.35;

  // The time scale over the chart area, inset so that tick labels at the ends stay inside it.
  const margin = Math.ceil(size * 2.6);
  const axisRange = { start: from, split: input.split ?? null, end: input.end && input.end < to ? input.end : to };
  const scale = storyScale(axisRange, body.width, margin);
  // A date is in range when any day it covers is.
  const inRange = (d: string) => {
    const { first, last } = dateSpan(d);
    return last >= from && first <= to;
  };
  const events = input.events.filter((e) => inRange(e.date));
  const stances = input.stances.filter((s) => inRange(s.date));
  // Stacked, none over another: a day with more marks than lanes gets "+N" on its top lane.
  const place = <T extends { id: string; date: string }>(items: readonly T[], gap: number, lanes: number) => {
    const byId = new Map(items.map((i) => [i.id, i]));
    const stacked = stackMarks(
      items.map((i) => ({ id: i.id, date: i.date, kind: "event" as const, label: "" })),
      scale,
      { gap, rows: lanes, badge: "overflow", badgeWidth: gap * 1.6 },
    );
    return {
      marks: stacked.marks.map((m) => ({
        item: byId.get(m.item.id) as T,
        x: body.x + m.x,
        x0: body.x + m.x0,
        x1: body.x + m.x1,
        lane: m.row,
      })),
      more: stacked.groups.flatMap((g) =>
        g.badgeRow === null ? [] : [{ x: body.x + g.x, lane: g.badgeRow, hidden: g.hidden.map((h) => byId.get(h.id) as T) }],
      ),
    };
  };
  const placedEvents = place(events, DIAMOND + 3, EVENT_LANES);
  const eventMarks: EventMark[] = placedEvents.marks.map((m) => ({ ...m.item, x: m.x, x0: m.x0, x1: m.x1, lane: m.lane }));
  const placedStances = place(stances, DOT * 2 + 2, STANCE_LANES);
  const stanceMarks = placedStances.marks;
  const lanesOf = (p: { marks: { lane: number }[]; more: { lane: number }[] }) =>
    p.marks.length + p.more.length ? Math.max(...p.marks.map((m) => m.lane), ...p.more.map((m) => m.lane)) + 1 : 0;
  const eventLanes = lanesOf(placedEvents);
  const stanceLanes = lanesOf(placedStances);
  // Events with no lane left on their day: in the key, as events without a label are.
  const unplaced: EventMark[] = placedEvents.more
    .flatMap((m) => m.hidden.map((e) => ({ ...e, x: m.x, x0: m.x, x1: m.x, lane: m.lane })))
    .sort(byDate);

  const colourAt = new Map(input.legend.map((l) => [l.index, l.colour]));
  const maxWidth = Math.max(size * 6, Math.min(body.width / 3, 320));
  const marksNote = eventMarks.length > 0 || stanceMarks.length > 0;
  const maxKeyLines = Math.floor((body.height * 0.3) / keyLineHeight);

  // The vertical plan, from the bottom up, given the number of key lines below the axis.
  const plan = (keys: number) => {
    const axisY = bottom - keys * keyLineHeight - (marksNote ? rowHeight : 0) - size * 1.9;
    const stanceY = (lane: number) => axisY - 4 - DOT - 2 - lane * STANCE_LANE_GAP;
    const stanceTop = stanceLanes ? stanceY(stanceLanes - 1) - DOT - 4 : axisY - 4;
    const eventY = (lane: number) => stanceTop - DIAMOND * 0.71 - 2 - lane * EVENT_LANE_GAP;
    const eventTop = eventLanes ? eventY(eventLanes - 1) - DIAMOND * 0.71 : stanceTop;
    // Rows below the cursor's label, which takes the top row of the chart area.
    const room = eventTop - 8 - size * 0.8 - (body.y + rowHeight);
    const rows = Math.max(0, Math.floor(room / rowHeight) + 1);
    /** Where row `row` is written once `used` rows are taken: spread out a little when there is room to spare. */
    const rowY = (row: number, used: number) => eventTop - 8 - row * Math.min(size * 2, Math.max(rowHeight, room / Math.max(1, used - 1)));
    return { axisY, stanceY, eventY, rowY, rows };
  };

  let keys = 0;
  let p = plan(keys);
  const arrangeAll = (rows: number): Arrangement => {
    const a = arrange(eventMarks, rows, body, size, maxWidth);
    return { ...a, keyed: [...a.keyed, ...unplaced.map((mark) => ({ mark, number: null }))] };
  };
  let arrangement = arrangeAll(p.rows);
  for (let attempt = 0; attempt < 8; attempt++) {
    const needed = Math.min(maxKeyLines, keyLines(arrangement.keyed, body.width, small, maxKeyLines).length);
    if (needed <= keys) break;
    keys = needed;
    p = plan(keys);
    arrangement = arrangeAll(p.rows);
  }
  const key = keyLines(arrangement.keyed, body.width, small, keys);
  const { axisY, stanceY, eventY } = p;
  const used = Math.max(0, ...arrangement.labels.map((l) => l.row + 1));
  const rowY = (row: number) => p.rowY(row, used);

  // Axis and ticks, dropping ticks whose labels would collide or leave the chart area.
  const axisX0 = body.x + margin;
  const axisX1 = right - margin;
  const allTicks = storyTicks(scale, axisRange, (l) => textWidth(l, size), Math.max(2, Math.round(body.width / 90))).map((t) => ({
    ...t,
    x: body.x + t.x,
  }));
  const tickGap = Math.max(0, ...allTicks.map((t) => textWidth(t.label, size))) + 10;
  const shownTicks = thinTicks(allTicks, tickGap, Number.POSITIVE_INFINITY).filter(
    (t) => t.x - textWidth(t.label, size) / 2 >= body.x && t.x + textWidth(t.label, size) / 2 <= right,
  );
  // With an earlier segment: the axis in two, a break between them, the compressed years on a faint band.
  const split = storyBreak(scale, axisRange);
  const breakX = split === null ? null : body.x + split;
  const axisLine = (x1: number, x2: number) =>
    el("line", { class: "axis", x1, x2, y1: axisY, y2: axisY, stroke: c.muted, "stroke-width": 1 });
  const axis = [
    ...(breakX === null
      ? [axisLine(axisX0, axisX1)]
      : [
          el("rect", {
            class: "earlier",
            x: axisX0,
            y: body.y + size * 1.6,
            width: Math.max(0, breakX - 4 - axisX0),
            height: Math.max(0, axisY - body.y - size * 1.6),
            fill: c.muted,
            "fill-opacity": theme === "dark" ? 0.12 : 0.07,
          }),
          axisLine(axisX0, breakX - 4),
          axisLine(breakX + 4, axisX1),
          el("path", {
            class: "axis-break",
            d: `M${breakX - 7},${axisY + 5}l5,-10M${breakX + 2},${axisY + 5}l5,-10`,
            fill: "none",
            stroke: c.muted,
            "stroke-width": 1.2,
          }),
        ]),
    ...shownTicks.map((t) =>
      el("g", { class: "tick", transform: `translate(${t.x},${axisY})` }, [
        el("line", { y2: 5, stroke: c.muted, "stroke-width": 1 }),
        text(t.label, { y: 5 + size * 1.15, "text-anchor": "middle", "font-size": size, fill: c.muted }),
      ]),
    ),
  ];

  // The cursor and its label, kept inside the chart area.
  const cursorX = body.x + scale(parse(input.date));
  const offAxis = input.date > axisRange.end || input.date < from;
  const cursorLabel = `As of ${longDate(input.date)}`;
  const cursorHalf = textWidth(cursorLabel, size, 700) / 2;
  const cursorLabelX = Math.min(Math.max(cursorX, body.x + cursorHalf), right - cursorHalf);
  const cursor = [
    el("line", {
      class: "cursor",
      x1: cursorX,
      x2: cursorX,
      y1: body.y + size * 1.35,
      y2: axisY + 5,
      stroke: c.text,
      "stroke-width": 1.5,
      // Past the end of the axis (nothing dated after it): the cursor waits at the end, dashed.
      ...(offAxis ? { "stroke-dasharray": "4 3" } : {}),
    }),
  ];
  const cursorText = text(cursorLabel, {
    class: "cursor-label",
    x: cursorLabelX,
    y: body.y + size,
    "text-anchor": "middle",
    "font-size": size,
    "font-weight": 700,
    fill: c.text,
  });

  const leaders = arrangement.labels.map((l) =>
    el("line", {
      x1: l.mark.x,
      x2: l.mark.x,
      y1: eventY(l.mark.lane) - DIAMOND * 0.71,
      y2: rowY(l.row) - size * 0.85,
      stroke: c.muted,
      "stroke-width": 0.8,
    }),
  );
  const labels = arrangement.labels.map((l) =>
    haloText(
      l.content,
      {
        class: "event-label",
        x: l.anchor === "start" ? l.mark.x + FLAG_GAP : l.mark.x - FLAG_GAP,
        y: rowY(l.row),
        "text-anchor": l.anchor,
        "font-size": size,
        fill: c.text,
      },
      { colour: c.background, width: 3 },
    ),
  );
  const diamond = (x: number, y: number, a: Record<string, string> = {}) =>
    el("rect", {
      ...a,
      x: -DIAMOND / 2,
      y: -DIAMOND / 2,
      width: DIAMOND,
      height: DIAMOND,
      transform: `translate(${x},${y}) rotate(45)`,
      fill: c.text,
      stroke: c.background,
      "stroke-width": 1,
    });
  const dot = (x: number, y: number, index: number, a: Record<string, string> = {}, ended = false) =>
    el("circle", {
      ...a,
      cx: x,
      cy: y,
      r: DOT,
      fill: ended ? c.background : categoryFill(theme, index, colourAt.get(index) ?? c.muted),
      stroke: ended ? (theme === "print" ? "#000000" : (colourAt.get(index) ?? c.muted)) : theme === "print" ? "#000000" : c.background,
      "stroke-width": ended ? 1.8 : theme === "print" ? 0.8 : 1,
    });
  // A date that is not one exact day: a bar over the days it covers, the mark at its middle. Fainter than
  // the marks; on a dark ground less faint, or the category colours sink into it.
  const spanOpacity = theme === "dark" ? 0.6 : 0.35;
  const spanBar = (m: { x0: number; x1: number }, y: number, fill: string, a: Record<string, string> = {}) =>
    m.x1 - m.x0 > 0.5
      ? [el("rect", { ...a, x: m.x0, y: y - 2, width: Math.max(2, m.x1 - m.x0), height: 4, rx: 2, fill, "fill-opacity": spanOpacity })]
      : [];
  const diamonds = eventMarks.flatMap((m) => [
    ...spanBar(m, eventY(m.lane), c.text, { class: "event-span", "data-id": m.id }),
    diamond(m.x, eventY(m.lane), { class: "event", "data-id": m.id, "data-date": m.date }),
  ]);
  // "+N": the marks of a day that found no lane (listed in the key and the description).
  const more = (list: { x: number; lane: number; hidden: unknown[] }[], y: (lane: number) => number, cls: string) =>
    list
      .filter((m) => m.hidden.length > 0)
      .map((m) =>
        text(`+${m.hidden.length}`, {
          class: cls,
          x: m.x,
          y: y(m.lane) + small * 0.35,
          "text-anchor": "middle",
          "font-size": small,
          "font-weight": 700,
          fill: c.text,
        }),
      );
  const moreMarks = [...more(placedEvents.more, eventY, "event-more"), ...more(placedStances.more, stanceY, "stance-more")];
  const dots = stanceMarks.flatMap((m) => [
    ...spanBar(m, stanceY(m.lane), theme === "print" ? "#000000" : (colourAt.get(m.item.index) ?? c.muted), {
      class: "stance-span",
      "data-id": m.item.id,
    }),
    dot(m.x, stanceY(m.lane), m.item.index, { class: "stance", "data-id": m.item.id, "data-date": m.item.date }, m.item.ended),
  ]);

  // What the marks mean, and the key of unlabelled events, below the axis.
  const noteY = axisY + size * 1.9 + rowHeight * 0.7;
  const note: string[] = [];
  let nx = body.x;
  if (eventMarks.length) {
    note.push(diamond(nx + 6, noteY - size * 0.35), text("Event", { x: nx + 15, y: noteY, "font-size": small, fill: c.text }));
    nx += 15 + textWidth("Event", small) + 18;
  }
  if (stanceMarks.length) {
    const label = theme === "print" ? "Stance change, patterned by category" : "Stance change, coloured by category";
    note.push(
      el("circle", { cx: nx + 6, cy: noteY - size * 0.35, r: DOT, fill: c.muted, stroke: c.background, "stroke-width": 1 }),
      text(label, { x: nx + 15, y: noteY, "font-size": small, fill: c.text }),
    );
    nx += 15 + textWidth(label, small) + 18;
  }
  const spanLabel = "Dated only to a month, a year or a range: a bar over it";
  if ([...eventMarks, ...stanceMarks].some((m) => m.x1 - m.x0 > 0.5) && nx + 30 + textWidth(spanLabel, small) <= right) {
    note.push(
      el("rect", { x: nx, y: noteY - size * 0.35 - 2, width: 22, height: 4, rx: 2, fill: c.text, "fill-opacity": spanOpacity }),
      text(spanLabel, { x: nx + 28, y: noteY, "font-size": small, fill: c.text }),
    );
  }
  const keyTop = axisY + size * 1.9 + (marksNote ? rowHeight : 0);
  const keyText = key.map((line, i) =>
    text(line, { class: "event-key", x: body.x, y: keyTop + (i + 0.8) * keyLineHeight, "font-size": small, fill: c.muted }),
  );
  const empty = marksNote
    ? []
    : [
        text(`No events or stance changes between ${longDate(from)} and ${longDate(to)}.`, {
          x: body.x + body.width / 2,
          y: (body.y + axisY) / 2,
          "text-anchor": "middle",
          "font-size": size,
          fill: c.muted,
        }),
      ];

  const defs = [el("style", {}, layout.style), ...(theme === "print" ? input.legend.map((l) => printPattern(l.index)) : [])];
  const desc = [
    `${input.frame.subtitle.replace(/\.$/, "")}.`,
    `Timeline from ${longDate(input.split ? rangeStartEdtf(from) : from)} to ${longDate(to)}, as of ${longDate(input.date)}.`,
    ...(breakX !== null && input.split ? [`The years before ${longDate(input.split)} are drawn compressed, at the left.`] : []),
    events.length
      ? `Events: ${[...events]
          .sort(byDate)
          .map((e) => `${longDate(e.date)}, ${e.title}`)
          .join("; ")}.`
      : "No events.",
    stances.length
      ? `Stance changes: ${[...stances]
          .sort(byDate)
          .map((s) => `${longDate(s.date)}, ${s.label}`)
          .join("; ")}.`
      : "No stance changes.",
    `Legend: ${input.legend.map((l) => l.label).join(", ")}.`,
    `Source: ${input.frame.sources.join("; ")}.`,
  ].join(" ");

  return exportDocument({
    width,
    height,
    title: input.frame.title,
    desc,
    defs: defs,
    background: c.background,
    header: layout.header,
    chart: el("g", { class: "chart" }, [
      ...axis,
      ...leaders,
      ...cursor,
      ...diamonds,
      ...dots,
      ...moreMarks,
      ...labels,
      cursorText,
      ...note,
      ...keyText,
      ...empty,
    ]),
    footer: layout.footer,
  });
}
