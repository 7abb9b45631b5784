// Who followed whom, as a standalone SVG: a row per actor (in the order they moved after the reference),
// each row's category over time as coloured bars from each stated start, stances known only from their
// attestation as open circles (never bars: the sources do not say when they began), reactions to the
// reference as small arrowheads pointing back at it, the reference as a vertical rule, and each row's
// lag after the reference written at its end. The time axis is broken when the history is long: the
// years before the reference on the left, the days around it on the right. Pure: runs in the browser
// and on the server.
import { toUtcMs } from "@stancemap/core/model";
import { fitText, textWidth } from "../text/metrics";
import { type FrameText, type LegendEntry, layoutFrame } from "./frame";
import { el, exportDocument, round, text } from "./svg";
import { categoryFill, type ExportTheme, printPattern, THEME_COLOURS } from "./themes";

export interface SequenceSegment {
  /** ISO days: the first day it may have begun, the last day of its start's date, and where it ends
   * (exclusive; null while it holds). */
  from: string;
  fromLast: string;
  to: string | null;
  /** The category's position on the scale (colour, print pattern). */
  index: number;
}

export interface SequenceExportRow {
  id: string;
  name: string;
  segments: readonly SequenceSegment[];
  /** Stances known only from their attestation: the first day of their attestation, and the category. */
  attested: readonly { date: string; index: number }[];
  /** Reactions to the reference: the first day of their date. */
  reactions: readonly string[];
  /** "reference", "moved +0–2 days", "attested +3 days", "nothing after it". */
  lag: string;
  isReference?: boolean;
}

export interface SequenceExportInput {
  /** The reference: where the rule goes (ISO days, first and last of its date) and its words. */
  reference: { first: string; last: string; label: string } | null;
  rows: readonly SequenceExportRow[];
  /** The axis: its first and last day. */
  start: string;
  end: string;
  /** Said when there is nothing to draw. */
  empty: string;
  /** The topic's categories in scale order, then the marks' entries. */
  legend: readonly LegendEntry[];
  frame: FrameText;
  width: number;
  height: number;
  theme: ExportTheme;
}

const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const dayLabel = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};

/** A time scale over [x0, x1]: linear, or broken in two (history compressed on the left, the days
 * around the reference on the right) when the history is much longer than the reference's window. */
function timeScale(start: string, end: string, reference: SequenceExportInput["reference"], x0: number, x1: number) {
  const s = toUtcMs(start);
  const e = toUtcMs(end) + DAY;
  const focusStart = reference ? toUtcMs(reference.first) - 7 * DAY : s;
  const broken = reference !== null && focusStart - s > 120 * DAY && e - focusStart < (focusStart - s) / 4;
  if (!broken) {
    const k = (x1 - x0) / Math.max(DAY, e - s);
    return { x: (ms: number) => x0 + (Math.min(Math.max(ms, s), e) - s) * k, broken: null, s, e };
  }
  const split = x0 + (x1 - x0) * 0.42;
  const gap = 10;
  const kh = (split - gap / 2 - x0) / (focusStart - s);
  const kf = (x1 - (split + gap / 2)) / (e - focusStart);
  const x = (ms: number) => {
    const t = Math.min(Math.max(ms, s), e);
    return t < focusStart ? x0 + (t - s) * kh : split + gap / 2 + (t - focusStart) * kf;
  };
  return { x, broken: { split, gap, focusStart }, s, e };
}

export function renderSequenceSvg(input: SequenceExportInput): string {
  const { width, height, theme } = input;
  const c = THEME_COLOURS[theme];
  const layout = layoutFrame(width, height, input.frame, input.legend, theme);
  const body = layout.body;
  const right = body.x + body.width;
  const bottom = body.y + body.height;
  const base = layout.fontSize;
  const colourAt = new Map(input.legend.map((l) => [l.index, l.colour]));
  const fill = (index: number) => categoryFill(theme, index, colourAt.get(index) ?? c.muted);

  // Rows as tall as fit, text as large as fits (down to 7 px); rows left over are counted below.
  const headH = base * 1.6;
  const axisH = base * 2.9;
  let size = Math.max(8, Math.round(base * 0.85 * 10) / 10);
  let rowH = size * 2;
  const room = () => bottom - body.y - headH - axisH;
  while (size > 7 && input.rows.length * size * 1.5 > room()) size -= 0.5;
  rowH = Math.min(size * 2.8, Math.max(size * 1.4, room() / Math.max(1, input.rows.length)));
  const fits = Math.max(0, Math.floor(room() / rowH));
  const shown = input.rows.length > fits ? input.rows.slice(0, Math.max(0, fits - 1)) : input.rows;
  const left = input.rows.length - shown.length;

  const nameW = Math.min(body.width * 0.36, Math.max(...input.rows.map((r) => textWidth(r.name, size)), 40) + size);
  const lagW = Math.min(body.width * 0.3, Math.max(...input.rows.map((r) => textWidth(r.lag, size)), 40) + size);
  const x0 = body.x + nameW;
  const x1 = right - lagW;
  const scale = timeScale(input.start, input.end, input.reference, x0 + size * 0.5, x1 - size * 0.5);
  // On a tall page the rows and their axis are centred in the chart's box.
  const used = headH + Math.max(1, Math.min(input.rows.length, fits)) * rowH + axisH;
  const y0 = body.y + Math.max(0, (body.height - used) / 2);
  const top = y0 + headH;
  const rowY = (i: number) => top + i * rowH + rowH / 2;
  const rulesBottom = top + Math.max(1, shown.length) * rowH;
  const rowsBottom = top + Math.max(1, shown.length + (left ? 1 : 0)) * rowH;
  const axisY = rowsBottom + size * 0.4;

  const out: string[] = [];
  // Row guides, names, lags.
  shown.forEach((r, i) => {
    const y = rowY(i);
    out.push(el("line", { x1: round(x0), x2: round(x1), y1: round(y), y2: round(y), stroke: c.line, "stroke-width": 0.6 }));
    out.push(
      text(fitText(r.name, nameW - size * 0.6, size, r.isReference ? 700 : 400), {
        class: "row-name",
        x: round(body.x),
        y: round(y + size * 0.35),
        "font-size": size,
        "font-weight": r.isReference ? 700 : undefined,
        fill: c.text,
      }),
    );
    out.push(
      text(fitText(r.lag, lagW - size * 0.5, size), {
        class: "row-lag",
        x: round(right),
        y: round(y + size * 0.35),
        "text-anchor": "end",
        "font-size": size,
        fill: r.isReference ? c.text : c.muted,
        "font-weight": r.isReference ? 700 : undefined,
      }),
    );
  });
  // Written last, over the axis break's gap.
  const more: string[] = [];
  if (left > 0)
    more.push(
      text(`${left} more ${left === 1 ? "actor" : "actors"}: every row is in the data download.`, {
        x: round(body.x),
        y: round(rowY(shown.length) + size * 0.35),
        "font-size": size,
        fill: c.muted,
      }),
    );

  // The reference: a rule (a band when its date is not one day) and its label above the rows.
  if (input.reference) {
    const a = scale.x(toUtcMs(input.reference.first));
    const b = scale.x(toUtcMs(input.reference.last) + DAY);
    // One day: a rule through its middle, where the marks of that day are drawn. A longer date: a band over it.
    const oneDay = input.reference.first === input.reference.last;
    const ra = oneDay ? (a + b) / 2 : a;
    if (!oneDay && b - a > 2)
      out.push(
        el("rect", {
          x: round(a),
          y: round(top),
          width: round(b - a),
          height: round(rulesBottom - top),
          fill: c.text,
          "fill-opacity": 0.08,
        }),
      );
    out.push(
      el("line", {
        class: "reference",
        x1: round(ra),
        x2: round(ra),
        y1: round(top - size * 0.3),
        y2: round(rulesBottom),
        stroke: c.text,
        "stroke-width": 1.5,
      }),
    );
    const label = fitText(input.reference.label, body.width, size, 700);
    const w = textWidth(label, size, 700);
    const lx = Math.min(Math.max(ra - w / 2, body.x), right - w);
    out.push(
      text(label, { class: "reference-label", x: round(lx), y: round(y0 + size), "font-size": size, "font-weight": 700, fill: c.text }),
    );
  }

  // Bars, attestations, reactions.
  const barH = Math.max(4, rowH * 0.42);
  const r0 = Math.max(3, Math.min(barH / 2, size * 0.42));
  shown.forEach((r, i) => {
    const y = rowY(i);
    for (const seg of r.segments) {
      // A start on one day is placed at its middle, where that day's marks and rule are; a longer one
      // (a month, a year, a range) is a fainter bar over it.
      const exact = seg.from === seg.fromLast;
      const a = scale.x(toUtcMs(seg.from) + (exact ? DAY / 2 : 0));
      const sure = exact ? a : scale.x(toUtcMs(seg.fromLast) + DAY);
      const b = seg.to ? scale.x(toUtcMs(seg.to) + DAY / 2) : scale.x(scale.e);
      if (b <= a) continue;
      // While the start is imprecise, the bar is fainter: the stance may not have begun yet.
      if (sure > a + 0.5)
        out.push(
          el("rect", {
            class: "segment-uncertain",
            x: round(a),
            y: round(y - barH / 2),
            width: round(Math.min(sure, b) - a),
            height: round(barH),
            fill: fill(seg.index),
            "fill-opacity": 0.4,
          }),
        );
      if (b > sure)
        out.push(
          el("rect", {
            class: "segment",
            x: round(Math.max(a, sure)),
            y: round(y - barH / 2),
            width: round(b - Math.max(a, sure)),
            height: round(barH),
            fill: fill(seg.index),
            stroke: theme === "print" ? "#000000" : undefined,
            "stroke-width": theme === "print" ? 0.6 : undefined,
          }),
        );
      // The move itself: a tick at the start.
      out.push(
        el("line", {
          x1: round(a),
          x2: round(a),
          y1: round(y - barH / 2 - 2),
          y2: round(y + barH / 2 + 2),
          stroke: c.text,
          "stroke-width": 1,
        }),
      );
    }
    // Marks of the same row never cover one another: each is moved right until it is clear of the others.
    const taken: number[] = [];
    const clear = (x: number) => {
      let at = x;
      while (taken.some((t) => Math.abs(t - at) < r0 * 2.2)) at += r0 * 0.6;
      taken.push(at);
      return at;
    };
    for (const at of r.attested) {
      const x = clear(scale.x(toUtcMs(at.date) + DAY / 2));
      out.push(
        el("circle", {
          class: "attested",
          cx: round(x),
          cy: round(y),
          r: round(r0),
          fill: c.background,
          stroke: theme === "print" ? "#000000" : (colourAt.get(at.index) ?? c.muted),
          "stroke-width": 2,
        }),
      );
    }
    // A reaction to the reference: an arrowhead pointing back at it, on the row, after the row's other marks.
    for (const day of r.reactions) {
      const x = clear(scale.x(toUtcMs(day) + DAY / 2));
      out.push(
        el("path", {
          class: "reaction",
          d: `M${round(x - r0)},${round(y)} L${round(x + r0 * 0.7)},${round(y - r0 * 0.85)} L${round(x + r0 * 0.7)},${round(y + r0 * 0.85)} Z`,
          fill: c.text,
          stroke: c.background,
          "stroke-width": 0.8,
        }),
      );
    }
  });

  // The axis: years on the history's side, days around the reference, a break between them.
  out.push(
    el("line", { class: "axis", x1: round(x0), x2: round(x1), y1: round(axisY), y2: round(axisY), stroke: c.muted, "stroke-width": 1 }),
  );
  const tickSets: { ms: number; label: string }[][] = [];
  const yearTicks = (from: number, to: number, span: number) => {
    const a = new Date(from).getUTCFullYear() + 1;
    const b = new Date(to).getUTCFullYear();
    const n = Math.max(1, Math.floor(span / (textWidth("2025", size) + 14)));
    const step = [1, 2, 5, 10, 20, 25, 50].find((s) => Math.ceil((b - a + 1) / s) <= n) ?? 100;
    const out: { ms: number; label: string }[] = [];
    for (let y = Math.ceil(a / step) * step; y <= b; y += step) out.push({ ms: Date.UTC(y, 0, 1), label: String(y) });
    return out;
  };
  const dayTicks = (from: number, to: number, span: number) => {
    const n = Math.max(1, Math.floor(span / (textWidth("30 Sep", size) + 12)));
    const days = Math.round((to - from) / DAY);
    const step = [1, 2, 3, 7, 14, 30, 61, 91, 183].find((s) => Math.ceil(days / s) <= n) ?? 365;
    const out: { ms: number; label: string }[] = [];
    for (let d = from; d <= to; d += step * DAY) out.push({ ms: d + DAY / 2, label: dayLabel(d) });
    return out;
  };
  if (scale.broken) {
    const { split, gap, focusStart } = scale.broken;
    tickSets.push(yearTicks(scale.s, focusStart, split - x0));
    tickSets.push(dayTicks(focusStart + DAY, scale.e - DAY, x1 - split));
    out.push(
      el("rect", { x: round(split - gap / 2), y: round(top), width: round(gap), height: round(axisY - top + 6), fill: c.background }),
    );
    for (const dx of [-gap / 2, gap / 2])
      out.push(
        el("line", {
          class: "axis-break",
          x1: round(split + dx - 3),
          x2: round(split + dx + 3),
          y1: round(axisY + 5),
          y2: round(axisY - 5),
          stroke: c.muted,
          "stroke-width": 1,
        }),
      );
  } else {
    const span = scale.e - scale.s;
    tickSets.push(span > 400 * DAY ? yearTicks(scale.s, scale.e, x1 - x0) : dayTicks(scale.s, scale.e - DAY, x1 - x0));
  }
  let lastRight = Number.NEGATIVE_INFINITY;
  for (const t of tickSets.flat()) {
    const x = scale.x(t.ms);
    const w = textWidth(t.label, size);
    if (x - w / 2 < lastRight + 6 || x - w / 2 < body.x || x + w / 2 > right) continue;
    lastRight = x + w / 2;
    out.push(el("line", { x1: round(x), x2: round(x), y1: round(axisY), y2: round(axisY + 4), stroke: c.muted, "stroke-width": 1 }));
    out.push(
      text(t.label, {
        class: "tick",
        x: round(x),
        y: round(axisY + 4 + size * 1.1),
        "text-anchor": "middle",
        "font-size": size,
        fill: c.muted,
      }),
    );
  }
  if (scale.broken) {
    const note = fitText(
      `Time axis broken: years before ${dayLabel(scale.broken.focusStart)} ${new Date(scale.broken.focusStart).getUTCFullYear()} on the left, days around the reference on the right.`,
      body.width,
      size * 0.9,
    );
    if (axisY + 4 + size * 2.5 <= bottom)
      out.push(
        text(note, { class: "axis-note", x: round(body.x), y: round(axisY + 4 + size * 2.4), "font-size": size * 0.9, fill: c.muted }),
      );
  }
  out.push(...more);
  if (input.rows.length === 0)
    out.push(
      text(input.empty, {
        x: round(body.x + body.width / 2),
        y: round((body.y + bottom) / 2),
        "text-anchor": "middle",
        "font-size": size,
        fill: c.muted,
      }),
    );

  const defs = [
    el("style", {}, layout.style),
    ...(theme === "print" ? input.legend.filter((l) => l.index >= 0).map((l) => printPattern(l.index)) : []),
  ];
  const desc = [
    input.frame.subtitle,
    input.reference ? `Reference: ${input.reference.label}.` : input.empty,
    `Rows: ${input.rows.map((r) => `${r.name}, ${r.lag}`).join("; ")}.`,
    `Legend: ${input.legend.map((l) => l.label).join(", ")}.`,
    `Source: ${input.frame.sources.join("; ")}.`,
  ].join(" ");
  return exportDocument({
    width,
    height,
    title: input.frame.title,
    desc,
    defs,
    background: c.background,
    header: layout.header,
    chart: el("g", { class: "chart" }, out),
    footer: layout.footer,
  });
}
