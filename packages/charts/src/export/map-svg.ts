// The map as a standalone SVG for publication: the same projected world as the dashboard, the topic's
// colours (or print patterns) per country, the frame around it. Pure: runs in the browser and on the server.
import { type FrameText, type LegendEntry, layoutFrame } from "./frame";
import { el, exportDocument } from "./svg";
import { categoryFill, type ExportTheme, noDataPattern, printPattern, THEME_COLOURS } from "./themes";

/** The projected map as the dashboard has it: the same shapes, in the same order. */
export interface MapShapes {
  width: number;
  height: number;
  sphere: string;
  graticule: string;
  features: readonly { id: string; d: string }[];
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
  /** The scale in order; `index` is the position used by `categoryOf`. */
  legend: readonly LegendEntry[];
  frame: FrameText;
  width: number;
  height: number;
  theme: ExportTheme;
}

export function renderMapSvg(input: MapExportInput): string {
  const { world, width, height, theme } = input;
  const c = THEME_COLOURS[theme];
  const layout = layoutFrame(width, height, input.frame, input.legend, theme, "No data");
  const k = Math.min(layout.body.width / world.width, layout.body.height / world.height);
  const dx = layout.body.x + (layout.body.width - world.width * k) / 2;
  const dy = layout.body.y + (layout.body.height - world.height * k) / 2;
  const colourAt = new Map(input.legend.map((l) => [l.index, l.colour]));
  const hidden = new Set(input.hidden ?? []);
  const fillOf = (id: string) => {
    if (hidden.has(id)) return theme === "dark" ? "#26292e" : "#f2f2f2";
    const index = input.categoryOf[id];
    if (index === null || index === undefined) return "url(#no-data)";
    return categoryFill(theme, index, colourAt.get(index) ?? c.noData);
  };
  const stroke = 0.5 / k;
  const highlight = input.highlight?.length ? new Set(input.highlight) : null;
  const faint = (id: string) => {
    const index = input.categoryOf[id];
    return highlight && !hidden.has(id) && !(typeof index === "number" && highlight.has(index)) ? 0.25 : undefined;
  };
  const countries = world.features.map((f) => el("path", { d: f.d, fill: fillOf(f.id), "fill-opacity": faint(f.id), "data-id": f.id }));
  const markers = world.markers.map((p) =>
    el("circle", {
      cx: p.x,
      cy: p.y,
      r: 3.2 / k,
      fill: fillOf(p.id),
      "fill-opacity": faint(p.id),
      stroke: c.text,
      "stroke-width": 0.8 / k,
    }),
  );
  const defs = [
    el("style", {}, layout.style),
    noDataPattern(theme),
    ...(theme === "print" ? input.legend.map((l) => printPattern(l.index)) : []),
  ];
  const desc = [
    input.frame.subtitle,
    `Legend: ${input.legend.map((l) => l.label).join(", ")}, No data`,
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
    ]),
    footer: layout.footer,
  });
}
