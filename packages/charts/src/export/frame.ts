// The publication frame every export carries: title and subtitle above; legend, source line, notes,
// credit and licence, dataset revision and permalink below. The chart draws in the box left between.
import { type FontWeight, fitText, textWidth, wrapText } from "../text/metrics";
import { el, round, text } from "./svg";
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
  /** A square with this fill (a pattern's url) instead of the category's, and optionally a dashed outline. */
  | { kind: "fill"; fill: string; outline?: string; dash?: string }
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

/** The fonts named in every export, the embedded Noto Sans first, then fonts most systems have with
 * close metrics, so a tool that ignores @font-face still sets the text at nearly the same width. */
export const FONT_FAMILIES = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

/** Breaks text into lines that fit `width` at `size`, measured with the font (text/metrics). */
export function wrap(content: string, width: number, size: number, weight: FontWeight = 400): string[] {
  return wrapText(content, width, size, weight);
}

/** At most `max` of `all` (lines wrapped for `width` at `size`); the last one kept ends in "…" when lines are left out. */
function clampLines(all: readonly string[], max: number, width: number, size: number, weight: FontWeight = 400): string[] {
  if (all.length <= max) return [...all];
  const kept = all.slice(0, Math.max(1, max));
  const last = (kept[kept.length - 1] ?? "").replace(/[\s,;:.–-]+$/, "");
  kept[kept.length - 1] = fitText(`${last}…`, width, size, weight);
  return kept;
}

function lines(content: readonly string[], x: number, y: number, size: number, attrs: Record<string, string | number>) {
  const out = content.map((l, i) => text(l, { x, y: y + i * size * 1.3, "font-size": size, ...attrs }));
  return { svg: out.join(""), height: out.length * size * 1.3 };
}

function swatch(e: LegendEntry & { fill: string }, sw: number, muted: string, shapeScale?: number): string {
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
      transform: `translate(${sw / 2},${sw / 2})${shapeScale ? ` scale(${round(shapeScale)})` : ""}`,
      fill: e.colour,
      stroke: e.swatch.stroke ?? muted,
      "stroke-width": 1,
    });
  if (e.swatch?.kind === "fill")
    return el("rect", {
      width: sw,
      height: sw,
      fill: e.swatch.fill,
      stroke: e.swatch.outline ?? muted,
      "stroke-width": e.swatch.outline ? 1.2 : 0.6,
      "stroke-dasharray": e.swatch.dash,
    });
  return el("rect", { width: sw, height: sw, fill: e.fill, stroke: muted, "stroke-width": 0.6 });
}

/** The frame's base font size for a page `width` wide, also the legend swatches' size; layoutFrame sets
 * both smaller on a page too small for the frame's text (FrameLayout.fontSize). */
export function frameFontSize(width: number): number {
  return Math.max(11, Math.min(16, Math.round(width / 80)));
}

export interface FrameLayout {
  body: Box;
  header: string;
  footer: string;
  style: string;
  /** Where the legend (and below it the footer) starts: the body ends above it. */
  legendTop: number;
  /** The frame's base font size: frameFontSize(width), or less on a page too small for the frame's text. */
  fontSize: number;
}

/** Least share of the page's height the frame leaves to the chart: below it, the frame's text gets smaller, then shorter. */
export const FRAME_MIN_BODY_SHARE = 0.35;
/** Smallest base font size the frame's text is reduced to. */
export const FRAME_MIN_FONT_SIZE = 8;

/** How compact the frame is: its base font size, and at most how many lines of each text (all when absent). */
interface Fit {
  size: number;
  /** Margins no wider than a short page needs, when the designed ones (a share of the width) are wider. */
  tight?: boolean;
  title?: number;
  subtitle?: number;
  sources?: number;
  notes?: number;
}

/** The fits to try in turn, from the frame as designed to the most compact: margins for the page's
 * height, smaller text down to FRAME_MIN_FONT_SIZE, then fewer lines of subtitle, then one line of
 * title, then one of sources and notes. */
function fits(base: number): Fit[] {
  const out: Fit[] = [{ size: base }];
  for (let size = base; size > FRAME_MIN_FONT_SIZE; size--) out.push({ size, tight: true });
  const size = Math.min(base, FRAME_MIN_FONT_SIZE);
  const tight = true;
  out.push({ size, tight }, { size, tight, subtitle: 3 }, { size, tight, subtitle: 2 }, { size, tight, subtitle: 1 });
  out.push({ size, tight, subtitle: 1, title: 1 }, { size, tight, subtitle: 1, title: 1, sources: 1, notes: 1 });
  return out;
}

/**
 * Lays out the frame for a page of `width` × `height`; the chart gets what is left. On a page too small
 * for the frame's text to leave FRAME_MIN_BODY_SHARE of the height to the chart, the text is set
 * smaller and the longest texts are shortened ("…"), until it does (or nothing more can be cut).
 */
export function layoutFrame(
  width: number,
  height: number,
  frame: FrameText,
  legend: readonly LegendEntry[],
  theme: ExportTheme,
  noDataLabel?: string,
): FrameLayout {
  const tries = fits(frameFontSize(width));
  for (const fit of tries) {
    const layout = layoutWith(fit, width, height, frame, legend, theme, noDataLabel);
    if (layout.body.height >= height * FRAME_MIN_BODY_SHARE) return layout;
  }
  return layoutWith(tries[tries.length - 1] as Fit, width, height, frame, legend, theme, noDataLabel);
}

function layoutWith(
  fit: Fit,
  width: number,
  height: number,
  frame: FrameText,
  legend: readonly LegendEntry[],
  theme: ExportTheme,
  noDataLabel?: string,
): FrameLayout {
  const c = THEME_COLOURS[theme];
  const designedPad = Math.max(16, Math.round(width * 0.025));
  const pad = fit.tight ? Math.min(designedPad, Math.max(16, Math.round(height * 0.04))) : designedPad;
  const inner = width - 2 * pad;
  const base = fit.size;
  const designed = frameFontSize(width);
  const at = (content: string, size: number, max = Number.POSITIVE_INFINITY, weight: FontWeight = 400) =>
    clampLines(wrap(content, inner, size, weight), max, inner, size, weight);
  const title = lines(at(frame.title, base * 1.6, fit.title, 700), pad, pad + base * 1.6, base * 1.6, { "font-weight": 700, fill: c.text });
  const subtitle = lines(at(frame.subtitle, base, fit.subtitle), pad, pad + base * 1.6 + title.height + base * 0.2, base, {
    fill: c.muted,
  });
  const headerHeight = pad + title.height + subtitle.height + base;

  // Legend: swatches in scale order, wrapped into rows.
  const entries = [...legend.map((l) => ({ ...l, fill: categoryFill(theme, l.index, l.colour) }))];
  if (noDataLabel) entries.push({ label: noDataLabel, colour: c.noData, index: -1, fill: "url(#no-data)" });
  const sw = base;
  // Labels at 0.9 of the base size, never below the smallest size.
  const legendBase = Math.max(FRAME_MIN_FONT_SIZE / 0.9, base);
  const legendItems: string[] = [];
  let lx = pad;
  let ly = 0;
  for (const e of entries) {
    // A line swatch is longer than a square, so that its dashes show.
    const swWidth = e.swatch?.kind === "line" ? sw * 2 : sw;
    // A label wider than the page (one print column) is shortened to the page.
    const label = fitText(e.label, inner - swWidth - 6, legendBase * 0.9);
    const w = swWidth + 6 + textWidth(label, legendBase * 0.9) + 18;
    if (lx + w - 18 > width - pad && lx > pad) {
      lx = pad;
      ly += base * 1.6;
    }
    legendItems.push(
      el("g", { transform: `translate(${lx},${ly})` }, [
        // A shape is drawn for the designed size: scaled with the text when that is smaller.
        swatch(e, sw, c.muted, base === designed ? undefined : base / designed),
        text(label, { x: swWidth + 6, y: sw * 0.85, "font-size": legendBase * 0.9, fill: c.text }),
      ]),
    );
    lx += w;
  }
  const legendHeight = entries.length ? ly + base * 1.6 : 0;

  const small = Math.max(Math.min(9, base), base * 0.75);
  const source = `Source: ${frame.sources.length ? frame.sources.join("; ") : "no source cited by what is shown"}`;
  const stamp = `${frame.credit} · ${frame.licence} · Dataset revision ${frame.revision} · ${frame.permalink}`;
  const sourceLines = at(source, small, fit.sources);
  const noteLines = frame.notes ? at(`Note: ${frame.notes}`, small, fit.notes) : [];
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
    body: { x: pad, y: headerHeight, width: inner, height: Math.max(0, legendTop - headerHeight - base * 0.5) },
    header: title.svg + subtitle.svg,
    footer,
    style: `text{font-family:${FONT_FAMILIES}}`,
    legendTop,
    fontSize: base,
  };
}
