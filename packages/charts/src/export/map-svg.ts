// The map as a standalone SVG for publication: the same projected world as the dashboard, the topic's
// colours (or print patterns) per country, the frame around it. Pure: runs in the browser and on the server.
// The cues of the dashboard's map are drawn too (charts' cues.ts): stripes over a faded fill where a
// stance is uncertain at the date, dots where its start is not stated, a marker per qualifying fact; in
// the print theme, where fills are grey patterns already, a dashed outline and a dotted one instead.
import { CUE_TEXT, type CuePattern, cuePattern, type HoldingCue, qualifierShape } from "../cues";
import { type FrameText, type LegendEntry, layoutFrame } from "./frame";
import { el, exportDocument } from "./svg";
import { categoryFill, type ExportTheme, noDataPattern, printPattern, THEME_COLOURS } from "./themes";

/** The projected map as the dashboard has it: the same shapes, in the same order. */
export interface MapShapes {
  width: number;
  height: number;
  sphere: string;
  graticule: string;
  features: readonly { id: string; d: string; centroid?: readonly [number, number] }[];
  /** Small or missing states drawn as dots at their centroids. */
  markers: readonly { id: string; x: number; y: number }[];
}

export interface MapExportInput {
  world: MapShapes;
  /** Per map feature id (ISO numeric): the category's position on the scale, or null for no data. */
  categoryOf: Readonly<Record<string, number | null>>;
  /** Feature ids of actors left out by the view's filters (region, kind): drawn plain, neither a category nor no data. */
  hidden?: readonly string[];
  /** Positions on the scale highlighted, as the dashboard's legend does: the other categories are drawn faint. */
  highlight?: readonly number[];
  /** Per feature id: how the stance shown holds (absent: a plain, certain stance with a stated start). */
  cueOf?: Readonly<Record<string, HoldingCue>>;
  /** Per feature id: the positions (in `qualifiers`) of the qualifying facts its stance carries. */
  qualifiersOf?: Readonly<Record<string, readonly number[]>>;
  /** The topic's qualifying facts, in order: each gets a marker shape and a legend entry. */
  qualifiers?: readonly string[];
  /** The scale in order; `index` is the position used by `categoryOf`. */
  legend: readonly LegendEntry[];
  frame: FrameText;
  width: number;
  height: number;
  theme: ExportTheme;
}

/** A cue pattern as SVG text; "fg" dots take the theme's text colour, the ground its background. */
function cuePatternSvg(p: CuePattern, fg: string, ground: string, id = p.id): string {
  return el("pattern", { id, width: p.size, height: p.size, patternUnits: "userSpaceOnUse" }, [
    el("rect", { width: p.size, height: p.size, fill: ground }),
    el("rect", { width: p.size, height: p.size, fill: p.base.colour, "fill-opacity": p.base.opacity }),
    p.stripes ? el("path", { d: p.stripes.d, stroke: p.stripes.colour, "stroke-width": p.stripes.width, fill: "none" }) : "",
    ...(p.dots?.points.map(([cx, cy]) => el("circle", { cx, cy, r: p.dots?.r, fill: p.dots?.colour === "fg" ? fg : p.dots?.colour })) ??
      []),
  ]);
}

/** The legend entries that explain the cues present (with the same neutral sample as the dashboard). */
function cueLegend(input: MapExportInput, sample: string): { entries: LegendEntry[]; defs: string[] } {
  const c = THEME_COLOURS[input.theme];
  const cues = Object.values(input.cueOf ?? {});
  const print = input.theme === "print";
  const entries: LegendEntry[] = [];
  const defs: string[] = [];
  const add = (kind: "uncertain" | "attested") => {
    const p = cuePattern(sample, { uncertain: kind === "uncertain", attested: kind === "attested" });
    if (!p) return;
    const id = `legend-${p.id}`;
    if (!print) defs.push(cuePatternSvg(p, c.text, c.background, id));
    entries.push({
      label: CUE_TEXT[kind],
      colour: sample,
      index: -1,
      swatch: print
        ? {
            kind: "fill",
            fill: kind === "uncertain" ? "#e6e6e6" : "#ffffff",
            outline: "#000000",
            dash: kind === "uncertain" ? "3 2" : "1 1.5",
          }
        : { kind: "fill", fill: `url(#${id})` },
    });
  };
  if (cues.some((q) => q.uncertain)) add("uncertain");
  if (cues.some((q) => q.attested)) add("attested");
  const used = new Set(Object.values(input.qualifiersOf ?? {}).flat());
  (input.qualifiers ?? []).forEach((label, i) => {
    if (used.has(i))
      entries.push({ label, colour: c.background, index: -1, swatch: { kind: "shape", d: qualifierShape(i).d, stroke: c.text } });
  });
  return { entries, defs };
}

export function renderMapSvg(input: MapExportInput): string {
  const { world, width, height, theme } = input;
  const c = THEME_COLOURS[theme];
  const print = theme === "print";
  const cueKey = cueLegend(input, "#7a7f87");
  const noData: LegendEntry = { label: "No data", colour: c.noData, index: -1, swatch: { kind: "fill", fill: "url(#no-data)" } };
  const layout = layoutFrame(width, height, input.frame, [...input.legend, noData, ...cueKey.entries], theme);
  const k = Math.min(layout.body.width / world.width, layout.body.height / world.height);
  const dx = layout.body.x + (layout.body.width - world.width * k) / 2;
  const dy = layout.body.y + (layout.body.height - world.height * k) / 2;
  const colourAt = new Map(input.legend.map((l) => [l.index, l.colour]));
  const hidden = new Set(input.hidden ?? []);
  const patterns = new Map<string, CuePattern>();
  const cueAt = (id: string): HoldingCue => input.cueOf?.[id] ?? { uncertain: false, attested: false };
  const fillOf = (id: string) => {
    if (hidden.has(id)) return theme === "dark" ? "#26292e" : "#f2f2f2";
    const index = input.categoryOf[id];
    if (index === null || index === undefined) return "url(#no-data)";
    const colour = colourAt.get(index) ?? c.noData;
    const p = print ? null : cuePattern(colour, cueAt(id));
    if (p) {
      patterns.set(p.id, p);
      return `url(#${p.id})`;
    }
    return categoryFill(theme, index, colour);
  };
  // Print: the cue as the outline (dashed: uncertain, dotted: start not stated), the uncertain fill lighter.
  const printCue = (id: string): Record<string, string | number | undefined> => {
    const cue = cueAt(id);
    const index = input.categoryOf[id];
    if (!print || hidden.has(id) || index === null || index === undefined || (!cue.uncertain && !cue.attested)) return {};
    return {
      stroke: "#000000",
      "stroke-width": 1.2 / k,
      "stroke-dasharray": cue.uncertain ? `${3 / k} ${2 / k}` : `${1 / k} ${1.5 / k}`,
      "fill-opacity": cue.uncertain ? 0.45 : undefined,
    };
  };
  const stroke = 0.5 / k;
  const highlight = input.highlight?.length ? new Set(input.highlight) : null;
  const faint = (id: string) => {
    const index = input.categoryOf[id];
    return highlight && !hidden.has(id) && !(typeof index === "number" && highlight.has(index)) ? 0.25 : undefined;
  };
  const countries = world.features.map((f) =>
    el("path", { d: f.d, fill: fillOf(f.id), "fill-opacity": faint(f.id), "data-id": f.id, ...printCue(f.id) }),
  );
  const markers = world.markers.map((p) =>
    el("circle", {
      cx: p.x,
      cy: p.y,
      r: 3.2 / k,
      fill: fillOf(p.id),
      "fill-opacity": faint(p.id),
      stroke: c.text,
      "stroke-width": 0.8 / k,
      ...printCue(p.id),
    }),
  );
  // A marker per qualifying fact at the country's centre (beside a small state's dot).
  const centre = new Map<string, readonly [number, number]>();
  for (const f of world.features) if (f.centroid) centre.set(f.id, f.centroid);
  for (const p of world.markers) centre.set(p.id, [p.x + 7, p.y - 5]);
  const qualifierMarks = Object.entries(input.qualifiersOf ?? {}).flatMap(([id, list]) => {
    const at = centre.get(id);
    if (!at || hidden.has(id)) return [];
    return list.map((q, i) =>
      el("path", {
        class: "qualifier",
        "data-id": id,
        d: qualifierShape(q).d,
        transform: `translate(${at[0] + (i * 10) / k},${at[1]}) scale(${1 / k})`,
        fill: c.background,
        stroke: c.text,
        "stroke-width": 1.4,
        "fill-opacity": faint(id),
      }),
    );
  });
  const defs = [
    el("style", {}, layout.style),
    noDataPattern(theme),
    ...(theme === "print" ? input.legend.map((l) => printPattern(l.index)) : []),
    ...[...patterns.values()].map((p) => cuePatternSvg(p, c.text, c.background)),
    ...cueKey.defs,
  ];
  const desc = [
    input.frame.subtitle,
    `Legend: ${[...input.legend, noData, ...cueKey.entries].map((l) => l.label).join(", ")}`,
    `Source: ${input.frame.sources.join("; ")}`,
  ].join(". ");
  return exportDocument({
    width,
    height,
    title: input.frame.title,
    desc,
    defs: defs,
    background: c.background,
    header: layout.header,
    chart: el("g", { transform: `translate(${dx},${dy}) scale(${k})` }, [
      el("path", { d: world.sphere, fill: c.sphere }),
      el("path", { d: world.graticule, fill: "none", stroke: c.line, "stroke-width": stroke }),
      el("g", { stroke: c.stroke, "stroke-width": stroke, "stroke-linejoin": "round" }, countries),
      el("g", {}, markers),
      el("g", {}, qualifierMarks),
    ]),
    footer: layout.footer,
  });
}
