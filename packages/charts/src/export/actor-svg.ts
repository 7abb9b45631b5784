// One actor's stance history on one topic as a standalone SVG for publication: the actor page's step
// chart (a band per category in scale order, top first; a step per stance; risers between steps;
// time ticks below) inside the publication frame. Text is set in real units: a wider export gives a
// longer time axis, not bigger letters. Pure: runs in the browser and on the server.
import { formatEdtf } from "@stancemap/core/model";
import { rangeStartEdtf, type StepCategory, type StepStance, stanceSteps, stepDates } from "../stance-steps";
import { fitText, textWidth } from "../text/metrics";
import { type FrameText, type LegendEntry, layoutFrame, wrap } from "./frame";
import { el, exportDocument, haloText, text } from "./svg";
import { categoryFill, type ExportTheme, printPattern, THEME_COLOURS } from "./themes";

export interface ActorExportInput<S extends StepStance> {
  categories: readonly StepCategory[];
  stances: readonly S[];
  actor: string;
  topic: string;
  /** The time range, YYYY-MM-DD (the actor page takes it from `stepRange`). */
  from: string;
  to: string;
  /** The categories in scale order. */
  legend: readonly LegendEntry[];
  frame: FrameText;
  width: number;
  height: number;
  theme: ExportTheme;
  /** When there is no stance: the text to show in the chart area (e.g. the "no data" note). */
  emptyMessage: string;
}

const WIDENED_NOTE = "Short steps are widened so that each can be seen: the time axis is not to scale.";
const FADED_NOTE = "A faded stretch: the start is dated only to a month or a year, or approximately.";
const ATTESTED_NOTE = "An open circle: the start is not stated; the step begins on the date a source attests it.";
const wrapTo = (content: string, width: number, size: number) => wrap(content, width, size);

/** At most `max` lines of `content` within `width`; the last one ends in "…" when text is left out. */
function clampLines(content: string, width: number, size: number, max: number): string[] {
  const all = wrapTo(content, width, size);
  if (all.length <= max) return all;
  const kept = all.slice(0, Math.max(1, max));
  kept[kept.length - 1] = fitText(`${(kept[kept.length - 1] ?? "").replace(/[\s,;:.–-]+$/, "")}…`, width, size);
  return kept;
}

export function renderActorSvg<S extends StepStance>(input: ActorExportInput<S>): string {
  const { width, height, theme, from, to } = input;
  const c = THEME_COLOURS[theme];
  const layout = layoutFrame(width, height, input.frame, input.legend, theme);
  const body = layout.body;
  const base = Math.max(11, Math.min(16, Math.round(width / 80)));
  const size = Math.max(10, Math.round(base * 0.85 * 10) / 10);
  const small = Math.max(9, base * 0.75);

  // Columns: category labels and their swatches at the left, the plot to the right of them. The label
  // column is as wide as the widest label, up to 30% of the width; where labels need more, it widens
  // (up to 45%) until each label wraps into the lines its band holds, and only past that are labels cut.
  const categories = [...input.categories].sort((a, b) => a.order - b.order);
  const swatch = Math.round(size * 0.9);
  const lineHeight = size * 1.15;
  const widest = Math.max(0, ...categories.map((cat) => textWidth(cat.label, size)));
  const labelColumn = (bandHeight: number) => {
    if (widest <= body.width * 0.3) return widest;
    const lines = Math.max(1, Math.floor((bandHeight - 2) / lineHeight));
    for (let w = body.width * 0.3; w < body.width * 0.45; w += 2)
      if (categories.every((cat) => wrapTo(cat.label, w, size).length <= lines)) return w;
    return Math.min(widest, body.width * 0.45);
  };
  const plotRight = body.x + body.width;
  const tickArea = 5 + size * 1.6;
  const plotY = body.y + size * 0.5;
  const columns = (labelWidth: number) => {
    const labelRight = body.x + labelWidth;
    const plotX = labelRight + 6 + swatch + 10;
    return { labelWidth, labelRight, plotX, plotWidth: Math.max(40, plotRight - plotX) };
  };

  // Rows: the plot, then the tick labels, then the note when the time axis is not to scale.
  const steps = (plotWidth: number, plotHeight: number) =>
    stanceSteps({
      categories,
      stances: input.stances,
      actor: input.actor,
      topic: input.topic,
      from,
      to,
      width: plotWidth,
      height: plotHeight,
      minStepWidth: plotWidth * 0.05,
      minTickGap: textWidth("15 Aug 2021", size) + 12,
    });
  const rows = (plotWidth: number) => {
    const draft = steps(plotWidth, 100);
    const notes = [
      draft.widened ? WIDENED_NOTE : "",
      draft.segments.some((s) => s.xSure > s.x0) ? FADED_NOTE : "",
      draft.segments.some((s) => s.basis === "attested") ? ATTESTED_NOTE : "",
    ].filter(Boolean);
    const noteLines = notes.length ? wrapTo(notes.join(" "), body.width, small) : [];
    const noteHeight = noteLines.length * small * 1.35 + (noteLines.length ? small * 0.4 : 0);
    return { notes, noteLines, plotHeight: Math.max(20, body.y + body.height - plotY - tickArea - noteHeight) };
  };
  // The band height depends on the notes, which depend (a little) on the plot's width: settled in two passes.
  const first = rows(columns(Math.min(widest, body.width * 0.3)).plotWidth);
  const { labelWidth, labelRight, plotX, plotWidth } = columns(labelColumn(first.plotHeight / Math.max(1, categories.length)));
  const { notes, noteLines, plotHeight } = rows(plotWidth);
  const chart = steps(plotWidth, plotHeight);
  const plotBottom = plotY + plotHeight;

  // The pattern (print) and legend position of each category: its legend entry, else its place on the scale.
  const indexOf = new Map(categories.map((cat, i) => [cat.key, input.legend.find((l) => l.label === cat.label)?.index ?? i]));
  const fillOf = (cat: { key: string; colour: string }) => categoryFill(theme, indexOf.get(cat.key) ?? 0, cat.colour);
  const stripe = theme === "print" ? "#f2f2f2" : c.sphere;

  const bands = chart.bands.map((b, i) =>
    el("rect", {
      class: "band",
      "data-category": b.key,
      x: plotX,
      y: plotY + b.y,
      width: plotWidth,
      height: b.height,
      fill: i % 2 === 0 ? stripe : "none",
    }),
  );
  const bandLabels = chart.bands.flatMap((b) => {
    const lines = clampLines(b.label, labelWidth, size, Math.max(1, Math.floor((b.height - 2) / lineHeight)));
    const middle = plotY + b.y + b.height / 2;
    const first = middle - ((lines.length - 1) * lineHeight) / 2 + size * 0.35;
    return [
      ...lines.map((line, i) =>
        text(line, {
          class: "band-label",
          x: labelRight,
          y: first + i * lineHeight,
          "text-anchor": "end",
          "font-size": size,
          fill: c.text,
        }),
      ),
      el("rect", {
        x: labelRight + 6,
        y: middle - swatch / 2,
        width: swatch,
        height: swatch,
        fill: fillOf(b),
        stroke: c.muted,
        "stroke-width": 0.6,
      }),
    ];
  });

  // Ticks: none so close to the left end that its label would run into the category labels, none
  // under the end date's label at the right.
  const endLabel = formatEdtf(to, { style: "short" });
  const endWidth = textWidth(endLabel, size, 700);
  const ticks = chart.ticks.filter((t) => {
    const half = textWidth(t.label, size) / 2;
    return t.x - half >= -6 && plotX + t.x + half <= plotRight - endWidth - 10;
  });
  const grid = ticks.map((t) =>
    el("line", {
      x1: plotX + t.x,
      x2: plotX + t.x,
      y1: plotY,
      y2: plotBottom,
      stroke: c.line,
      "stroke-width": 1,
      "stroke-dasharray": "2 3",
    }),
  );
  const axis = [
    el("line", { class: "axis", x1: plotX, x2: plotRight, y1: plotBottom, y2: plotBottom, stroke: c.muted, "stroke-width": 1 }),
    el("line", { class: "end", x1: plotRight, x2: plotRight, y1: plotY, y2: plotBottom + 5, stroke: c.text, "stroke-width": 1.5 }),
    ...ticks.map((t) =>
      el("g", { class: "tick", transform: `translate(${plotX + t.x},${plotBottom})` }, [
        el("line", { y2: 5, stroke: c.muted, "stroke-width": 1 }),
        text(t.label, { y: 5 + size * 1.15, "text-anchor": "middle", "font-size": size, fill: c.muted }),
      ]),
    ),
    text(endLabel, {
      class: "end-label",
      x: plotRight,
      y: plotBottom + 5 + size * 1.15,
      "text-anchor": "end",
      "font-size": size,
      "font-weight": 700,
      fill: c.text,
    }),
  ];

  const bar = Math.max(6, Math.min(16, (chart.bands[0]?.height ?? 30) * 0.34));
  const outline = theme === "print" ? { stroke: "#000000", "stroke-width": 0.8 } : {};
  const risers = chart.risers.map((r) =>
    el("line", {
      class: "riser",
      x1: plotX + r.x,
      x2: plotX + r.x,
      y1: plotY + r.y0,
      y2: plotY + r.y1,
      stroke: c.muted,
      "stroke-width": 1.5,
      "stroke-dasharray": "3 2",
    }),
  );
  // A step: its uncertain stretch (the start's window) faded, the rest solid; its start a dot, or an
  // open circle when the start is not stated.
  const segments = chart.segments.flatMap((s) => [
    ...(s.xSure > s.x0
      ? [
          el("rect", {
            class: "step-uncertain",
            "data-category": s.category.key,
            x: plotX + s.x0,
            y: plotY + s.y - bar / 2,
            width: Math.max(1, s.xSure - s.x0),
            height: bar,
            fill: fillOf(s.category),
            "fill-opacity": 0.4,
            ...outline,
          }),
        ]
      : []),
    el("rect", {
      class: "step",
      "data-category": s.category.key,
      x: plotX + s.xSure,
      y: plotY + s.y - bar / 2,
      width: Math.max(1, s.x1 - s.xSure),
      height: bar,
      fill: fillOf(s.category),
      ...outline,
    }),
    el("circle", {
      class: s.basis === "attested" ? "step-start attested" : "step-start",
      cx: plotX + s.x0,
      cy: plotY + s.y,
      r: bar * 0.6,
      fill: s.basis === "attested" ? c.background : fillOf(s.category),
      stroke: s.basis === "attested" ? (theme === "print" ? "#000000" : s.category.colour) : theme === "print" ? "#000000" : c.background,
      "stroke-width": s.basis === "attested" ? 2 : theme === "print" ? 0.8 : 2,
    }),
  ]);

  const note = noteLines.map((line, i) =>
    text(line, {
      class: "note",
      x: body.x,
      y: plotBottom + tickArea + small * 0.4 + (i + 0.8) * small * 1.35,
      "font-size": small,
      fill: c.muted,
    }),
  );
  const empty =
    chart.segments.length === 0
      ? wrapTo(input.emptyMessage, plotWidth * 0.8, size).map((line, i, all) =>
          haloText(
            line,
            {
              class: "empty",
              x: plotX + plotWidth / 2,
              y: plotY + plotHeight / 2 + (i - (all.length - 1) / 2) * lineHeight + size * 0.35,
              "text-anchor": "middle",
              "font-size": size,
              fill: c.text,
            },
            { colour: c.background, width: 3 },
          ),
        )
      : [];

  const defs = [el("style", {}, layout.style), ...(theme === "print" ? input.legend.map((l) => printPattern(l.index)) : [])];
  const history = chart.segments.length
    ? `Steps: ${chart.segments.map((s) => `${s.category.label}, ${stepDates(s)}`).join("; ")}.`
    : `${input.emptyMessage}`;
  const desc = [
    `${input.frame.subtitle.replace(/\.$/, "")}.`,
    `Stance history from ${formatEdtf(rangeStartEdtf(from))} to ${formatEdtf(to)}, one band per category.`,
    history,
    ...notes,
    `Legend: ${input.legend.map((l) => l.label).join(", ")}.`,
    `Source: ${input.frame.sources.join("; ")}.`,
  ]
    .filter(Boolean)
    .join(" ");

  return exportDocument({
    width,
    height,
    title: input.frame.title,
    desc,
    defs: defs,
    background: c.background,
    header: layout.header,
    chart: el("g", { class: "chart" }, [...bands, ...grid, ...axis, ...risers, ...segments, ...bandLabels, ...note, ...empty]),
    footer: layout.footer,
  });
}
