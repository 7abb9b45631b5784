// The publication frame every export carries: title and subtitle above; legend, source line, notes,
// credit and licence, dataset revision and permalink below. The chart draws in the box left between.
import { el, text } from "./svg";
import { categoryFill, type ExportTheme, THEME_COLOURS } from "./themes";

export interface FrameText {
  title: string;
  subtitle: string;
  /** Publishers cited by what is shown, in the order to name them. */
  sources: readonly string[];
  notes?: string;
  credit: string;
  licence: string;
  revision: number;
  permalink: string;
}

/** How a legend entry's swatch is drawn, besides the default filled square: a short line (an edge's
 * colour and dashes) or a shape (a node's outline, filled with the entry's colour). */
export type LegendSwatch =
  | { kind: "line" /** stroke-dasharray, none for a solid line */; dash?: string }
  | { kind: "shape" /** An SVG path centred on 0,0, within frameFontSize(width) / 2 of it. */; d: string; stroke?: string };

export interface LegendEntry {
  label: string;
  colour: string;
  /** Position on the scale (0 first): picks the print theme's pattern. */
  index: number;
  /** Drawn as a filled square (with the print pattern in the print theme) when absent. */
  swatch?: LegendSwatch;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const FONT = "'Noto Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";
/** Average advance of a character as a share of the font size: enough to wrap lines, not to typeset. */
const CHAR = 0.56;

/** Breaks text into lines that fit `width` at `size`, at spaces; a word longer than a line stays whole. */
export function wrap(content: string, width: number, size: number): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * CHAR)));
  const lines: string[] = [];
  let line = "";
  for (const word of content.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function lines(content: string, x: number, y: number, width: number, size: number, attrs: Record<string, string | number>) {
  const out = wrap(content, width, size).map((l, i) => text(l, { x, y: y + i * size * 1.3, "font-size": size, ...attrs }));
  return { svg: out.join(""), height: out.length * size * 1.3 };
}

function swatch(e: LegendEntry & { fill: string }, sw: number, muted: string): string {
  if (e.swatch?.kind === "line")
    return el("line", {
      x1: 0,
      y1: sw / 2,
      x2: sw * 2,
      y2: sw / 2,
      stroke: e.colour,
      "stroke-width": 2,
      "stroke-dasharray": e.swatch.dash,
    });
  if (e.swatch?.kind === "shape")
    return el("path", {
      d: e.swatch.d,
      transform: `translate(${sw / 2},${sw / 2})`,
      fill: e.colour,
      stroke: e.swatch.stroke ?? muted,
      "stroke-width": 1,
    });
  return el("rect", { width: sw, height: sw, fill: e.fill, stroke: muted, "stroke-width": 0.6 });
}

/** The frame's base font size for a page `width` wide; also the legend swatches' size. */
export function frameFontSize(width: number): number {
  return Math.max(11, Math.min(16, Math.round(width / 80)));
}

export interface FrameLayout {
  body: Box;
  header: string;
  footer: string;
  style: string;
}

/** Lays out the frame for a page of `width` × `height`; the chart gets what is left. */
export function layoutFrame(
  width: number,
  height: number,
  frame: FrameText,
  legend: readonly LegendEntry[],
  theme: ExportTheme,
  noDataLabel?: string,
): FrameLayout {
  const c = THEME_COLOURS[theme];
  const pad = Math.max(16, Math.round(width * 0.025));
  const inner = width - 2 * pad;
  const base = frameFontSize(width);
  const title = lines(frame.title, pad, pad + base * 1.6, inner, base * 1.6, { "font-weight": 700, fill: c.text });
  const subtitle = lines(frame.subtitle, pad, pad + base * 1.6 + title.height + base * 0.2, inner, base, { fill: c.muted });
  const headerHeight = pad + title.height + subtitle.height + base;

  // Legend: swatches in scale order, wrapped into rows.
  const entries = [...legend.map((l) => ({ ...l, fill: categoryFill(theme, l.index, l.colour) }))];
  if (noDataLabel) entries.push({ label: noDataLabel, colour: c.noData, index: -1, fill: "url(#no-data)" });
  const sw = base;
  const legendItems: string[] = [];
  let lx = pad;
  let ly = 0;
  for (const e of entries) {
    // A line swatch is longer than a square, so that its dashes show.
    const swWidth = e.swatch?.kind === "line" ? sw * 2 : sw;
    const w = swWidth + 6 + e.label.length * base * 0.9 * CHAR + 18;
    if (lx + w > width - pad && lx > pad) {
      lx = pad;
      ly += base * 1.6;
    }
    legendItems.push(
      el("g", { transform: `translate(${lx},${ly})` }, [
        swatch(e, sw, c.muted),
        text(e.label, { x: swWidth + 6, y: sw * 0.85, "font-size": base * 0.9, fill: c.text }),
      ]),
    );
    lx += w;
  }
  const legendHeight = entries.length ? ly + base * 1.6 : 0;

  const small = Math.max(9, base * 0.75);
  const source = `Source: ${frame.sources.length ? frame.sources.join("; ") : "no source cited by what is shown"}`;
  const stamp = `${frame.credit} · ${frame.licence} · Dataset revision ${frame.revision} · ${frame.permalink}`;
  const sourceLines = wrap(source, inner, small);
  const noteLines = frame.notes ? wrap(`Note: ${frame.notes}`, inner, small) : [];
  const stampLines = wrap(stamp, inner, small);
  const footerText = [...sourceLines, ...noteLines, ...stampLines];
  const footerHeight = legendHeight + base * 0.6 + footerText.length * small * 1.35 + pad;
  const legendTop = height - footerHeight;
  const footer = [
    el("g", { class: "legend", transform: `translate(0,${legendTop})` }, legendItems),
    ...footerText.map((l, i) =>
      text(l, {
        x: pad,
        y: legendTop + legendHeight + base * 0.6 + (i + 0.8) * small * 1.35,
        "font-size": small,
        fill: i < sourceLines.length ? c.text : c.muted,
        class: i < sourceLines.length ? "source" : i < sourceLines.length + noteLines.length ? "notes" : "stamp",
      }),
    ),
  ].join("");
  return {
    body: { x: pad, y: headerHeight, width: inner, height: Math.max(40, legendTop - headerHeight - base * 0.5) },
    header: title.svg + subtitle.svg,
    footer,
    style: `text{font-family:${FONT}}`,
  };
}
