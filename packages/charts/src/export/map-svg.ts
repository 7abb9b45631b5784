// The map as a standalone SVG for publication: the same projected world as the dashboard, the topic's
// colours (or print patterns) per country, the frame around it. Pure: runs in the browser and on the server.
// The cues of the dashboard's map are drawn too (charts' cues.ts): stripes over a faded fill where a
// stance is uncertain at the date, dots where its start is not stated, a marker per qualifying fact; in
// the print theme, where fills are grey patterns already, a dashed outline and a dotted one instead.
import { CUE_TEXT, type CuePattern, cuePattern, type HoldingCue, qualifierShape } from "../cues";
import { textOn } from "../palette";
import { textWidth } from "../text/metrics";
import { type Box, type FrameText, type LegendEntry, layoutFrame } from "./frame";
import { el, exportDocument, round, text } from "./svg";
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

/** An actor without territory (an organisation, a group, a person…), drawn as a badge beside the map. */
export interface MapBadge {
  name: string;
  /** The category's position on the scale, or null for no data. */
  index: number | null;
  cue?: HoldingCue;
  /** Positions (in `qualifiers`) of the qualifying facts its stance carries. */
  qualifiers?: readonly number[];
  /** How many actors alike (category, cue, qualifiers) it stands for; 1 when absent. A picture of thousands
   * of actors, which only counts them per category, carries one such badge per kind of badge (charts'
   * views/map.ts), so that it grows with what it draws and not with the dataset. */
  n?: number;
}

/** The actors a badge stands for. */
const weight = (b: MapBadge): number => b.n ?? 1;
/** The actors the badges stand for. */
const sum = (badges: readonly MapBadge[]): number => badges.reduce((n, b) => n + weight(b), 0);

/** Badges of one kind of actor, under its heading ("International organisations"), as the dashboard groups them. */
export interface MapBadgeGroup {
  label: string;
  badges: readonly MapBadge[];
}

export interface MapExportInput {
  world: MapShapes;
  /** The categories' names in scale order, without counts: the badges' counts per category say them. */
  categoryNames?: readonly string[];
  /** Actors without territory, by kind: drawn beside (or below) the map, within the frame. */
  badges?: readonly MapBadgeGroup[];
  /** Feature and marker ids to fit the map to (a region's countries): the rest of the world is cut at the frame. */
  focus?: readonly string[];
  /** How many actors in the view have no data: the "No data" legend entry says so when given. */
  noDataCount?: number;
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
  /** Drawn beside the map (below it on a narrow page), in a box of its own: the change view's list. */
  aside?: MapAside;
  /** The "No data" legend entry's words, when they differ (the change view: no stance on either date). */
  noDataLabel?: string;
  frame: FrameText;
  width: number;
  height: number;
  theme: ExportTheme;
}

/** What a view draws beside the map: `height` says how tall it is at a width (to size it below the
 * map), `render` draws it inside the box it is given, at the font size given. */
export interface MapAside {
  height(width: number, size: number): number;
  render(box: Box, size: number): string;
}

/** The box beside the map (a third of a landscape page) or below it (on a narrow or tall one) for an
 * aside, and the box left to the map. */
export function asideBoxes(
  body: Box,
  aside: MapAside,
  fontSize: number,
): { map: Box; aside: Box; size: number; below: boolean; gap: number } {
  const size = Math.max(8, Math.round(fontSize * 0.85 * 10) / 10);
  const gap = Math.max(8, fontSize);
  // Beside the map on a landscape page (the map is wider than tall), below it otherwise.
  if (body.width >= 560 && body.width >= body.height * 1.45) {
    const w = Math.round(Math.min(400, Math.max(200, body.width * 0.36)));
    return {
      map: { ...body, width: body.width - w - gap },
      aside: { x: body.x + body.width - w, y: body.y, width: w, height: body.height },
      size,
      below: false,
      gap,
    };
  }
  const h = Math.min(body.height * 0.5, aside.height(body.width, size));
  return {
    map: { ...body, height: body.height - h - gap },
    aside: { x: body.x, y: body.y + body.height - h, width: body.width, height: h },
    size,
    below: true,
    gap,
  };
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

/** Every badge drawn, in order. */
const allBadges = (input: MapExportInput): MapBadge[] => (input.badges ?? []).flatMap((g) => g.badges);

/** The legend entries that explain the cues present, with how many actors show each (countries and
 * badges), and the same neutral sample as the dashboard. */
function cueLegend(input: MapExportInput, sample: string): { entries: LegendEntry[]; defs: string[] } {
  const c = THEME_COLOURS[input.theme];
  const badges = allBadges(input).filter((b) => b.index !== null);
  const cues = [
    ...Object.values(input.cueOf ?? {}).map((cue) => ({ cue, n: 1 })),
    ...badges.flatMap((b) => (b.cue ? [{ cue: b.cue, n: weight(b) }] : [])),
  ];
  const print = input.theme === "print";
  const entries: LegendEntry[] = [];
  const defs: string[] = [];
  const add = (kind: "uncertain" | "attested", n: number) => {
    const p = cuePattern(sample, { uncertain: kind === "uncertain", attested: kind === "attested" });
    if (!p || n === 0) return;
    const id = `legend-${p.id}`;
    if (!print) defs.push(cuePatternSvg(p, c.text, c.background, id));
    entries.push({
      label: `${CUE_TEXT[kind]} (${n})`,
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
  add(
    "uncertain",
    cues.reduce((n, q) => n + (q.cue.uncertain ? q.n : 0), 0),
  );
  add(
    "attested",
    cues.reduce((n, q) => n + (q.cue.attested ? q.n : 0), 0),
  );
  const used = new Map<number, number>();
  for (const [list, n] of [
    ...Object.values(input.qualifiersOf ?? {}).map((list) => [list, 1] as const),
    ...badges.map((b) => [b.qualifiers ?? [], weight(b)] as const),
  ])
    for (const q of new Set(list)) used.set(q, (used.get(q) ?? 0) + n);
  (input.qualifiers ?? []).forEach((label, i) => {
    const n = used.get(i);
    if (n)
      entries.push({
        label: `${label} (${n})`,
        colour: c.background,
        index: -1,
        swatch: { kind: "shape", d: qualifierShape(i).d, stroke: c.text },
      });
  });
  return { entries, defs };
}

interface PlacedBadge {
  x: number;
  y: number;
  w: number;
  badge: MapBadge | null;
  /** The label drawn: the name, or for collapsed badges "12 with no data". */
  label: string;
}

/** How far the badges are shortened: every actor named; per group, the actors with no data counted;
 * only the groups with a stance, and one count of the rest; per group, one count per category (for
 * thousands of actors, which no page can name). */
type Collapse = "none" | "no-data" | "groups" | "counts";

/** Past this many actors with a stance, no page names them all: the badges count them per category. Past
 * this many with no data, the badges count those (and name the actors with a stance if they fit). */
export const MAX_NAMED_BADGES = 400;

interface BadgeLayout {
  width: number;
  height: number;
  size: number;
  headings: { x: number; y: number; label: string }[];
  badges: PlacedBadge[];
  /** Whether a badge carries a swatch (a cue, a print pattern, no data) before its name. */
  swatch: (b: MapBadge) => boolean;
  /** Whether a name or heading is wider than the rows (drawn past them, so cut at the chart's box). */
  wide: boolean;
}

/** The badges flowed into rows `width` wide at font `size`, under a heading per group. With `collapse`,
 * a group's actors with no data become one "N with no data" badge, so a small page still names every
 * actor with a stance. */
function layoutBadges(
  all: readonly MapBadgeGroup[],
  width: number,
  size: number,
  level: Collapse,
  swatch: (b: MapBadge) => boolean,
  inline = false,
  categories: readonly string[] = [],
): BadgeLayout {
  const collapse = level !== "none";
  // Tightest: only the groups with a stance, and one count of all the actors with no data.
  const withStance = all.filter((g) => g.badges.some((b) => b.index !== null));
  const rest = all.reduce((n, g) => n + sum(g.badges.filter((b) => b.index === null)), 0);
  type Shown = MapBadgeGroup & { total?: number; more?: number };
  const groups: readonly Shown[] =
    level === "groups"
      ? [
          ...withStance.map((g) => ({ ...g, badges: g.badges.filter((b) => b.index !== null), total: sum(g.badges) })),
          ...(rest ? [{ label: "", badges: [], total: 0, more: rest }] : []),
        ]
      : all;
  const h = size * 1.7;
  const gap = Math.max(3, size * 0.4);
  const sw = size * 0.9;
  const headings: BadgeLayout["headings"] = [];
  const badges: PlacedBadge[] = [];
  let wide = false;
  let y = 0;
  for (const g of groups) {
    let x = 0;
    if (g.label) {
      const label = `${g.label} (${(g.total ?? sum(g.badges)).toLocaleString("en")})`;
      if (inline) {
        // Below the map: the heading opens its group's row, the badges follow it.
        headings.push({ x: 0, y: y + h / 2 + size * 0.35, label });
        x = textWidth(label, size, 700) + gap * 2;
        wide ||= x > width;
      } else {
        headings.push({ x: 0, y: y + size, label });
        wide ||= textWidth(label, size, 700) > width;
        y += size * 1.5;
      }
    }
    const noData = sum(g.badges.filter((b) => b.index === null));
    const shown: { badge: MapBadge | null; label: string }[] = g.more
      ? [{ badge: null, label: `${g.more.toLocaleString("en")} more with no data` }]
      : level === "counts"
        ? [
            ...countsByCategory(g.badges).map(([index, n]) => {
              const label = `${n.toLocaleString("en")} ${categories[index] ?? ""}`.trim();
              return { badge: { name: label, index }, label };
            }),
            ...(noData ? [{ badge: null, label: `${noData.toLocaleString("en")} with no data` }] : []),
          ]
        : collapse
          ? [
              ...g.badges.filter((b) => b.index !== null).map((b) => ({ badge: b, label: b.name })),
              ...(noData ? [{ badge: null, label: `${noData.toLocaleString("en")} with no data` }] : []),
            ]
          : g.badges.map((b) => ({ badge: b, label: b.name }));
    for (const item of shown) {
      const marks = item.badge?.qualifiers?.length ?? 0;
      const space = item.badge && swatch(item.badge) ? sw + size * 0.4 : 0;
      const natural = size * 0.5 + space + textWidth(item.label, size) + marks * size * 1.1 + size * 0.5;
      wide ||= natural > width;
      const w = Math.min(width, natural);
      if (x > 0 && x + w > width) {
        x = 0;
        y += h + gap;
      }
      badges.push({ x, y, w, ...item });
      x += w + gap;
    }
    y += h + (inline ? gap : size * 0.9);
  }
  return { width, height: Math.max(0, y - (inline ? gap : size * 0.9) + size * 0.2), size, headings, badges, swatch, wide };
}

/** How many badges hold each category, in scale order. */
function countsByCategory(badges: readonly MapBadge[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const b of badges) if (b.index !== null) counts.set(b.index, (counts.get(b.index) ?? 0) + weight(b));
  return [...counts].sort(([a], [b]) => a - b);
}

/** The bounding box, in map units, of the focused features' paths and markers. */
function focusBox(world: MapShapes, focus: readonly string[] | undefined): Box {
  const all = { x: 0, y: 0, width: world.width, height: world.height };
  if (!focus?.length) return all;
  const ids = new Set(focus);
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const add = (x: number, y: number) => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  };
  for (const f of world.features) {
    if (!ids.has(f.id)) continue;
    const n = f.d.match(/-?\d*\.?\d+(?:e-?\d+)?/g)?.map(Number) ?? [];
    for (let i = 0; i + 1 < n.length; i += 2) add(n[i] as number, n[i + 1] as number);
  }
  for (const m of world.markers) if (ids.has(m.id)) add(m.x, m.y);
  if (!Number.isFinite(x0)) return all;
  // A margin around the region, and never closer than a twelfth of the world's width (a single small state).
  const min = world.width / 12;
  const w = Math.max(x1 - x0, min) * 1.1;
  const h = Math.max(y1 - y0, min * 0.5) * 1.1;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { x: cx - w / 2, y: cy - h / 2, width: w, height: h };
}

/** Where the map and the badges go in the chart's box: beside the map when that leaves the map larger,
 * else below it; text as large as fits, the no-data badges collapsed into a count when they do not. */
export function placeMap(
  body: Box,
  view: Box,
  groups: readonly MapBadgeGroup[],
  fontSize: number,
  swatch: (b: MapBadge) => boolean = () => true,
  categories: readonly string[] = [],
): { map: Box; badges: (BadgeLayout & { x: number; y: number }) | null; k: number } {
  const scaleFor = (w: number, h: number) => Math.max(0, Math.min(w / view.width, h / view.height));
  const alone = { map: body, badges: null, k: scaleFor(body.width, body.height) };
  if (!groups.some((g) => g.badges.length)) return alone;
  const gap = Math.max(8, fontSize);
  type Option = { map: Box; badges: BadgeLayout & { x: number; y: number }; k: number };
  let last: Option | null = null;
  // Thousands of actors with a stance cannot be named on any page (and measuring every name at every
  // size and level would cost seconds): straight to the counts per category.
  // Past MAX_NAMED_BADGES of either, the actors with a stance, or those with no data, are counted. Badges
  // that stand for several actors (n) can only be counted too.
  const withStance = groups.flatMap((g) => g.badges.filter((b) => b.index !== null));
  const noData = groups.flatMap((g) => g.badges.filter((b) => b.index === null));
  const levels =
    sum(withStance) > MAX_NAMED_BADGES || withStance.some((b) => weight(b) !== 1)
      ? (["counts"] as const)
      : sum(noData) > MAX_NAMED_BADGES || noData.some((b) => weight(b) !== 1)
        ? (["no-data", "groups", "counts"] as const)
        : (["none", "no-data", "groups", "counts"] as const);
  for (let size = Math.max(8, fontSize * 0.85); size >= 7; size -= 1)
    for (const collapse of levels) {
      const options: Option[] = [];
      const sideWidth = Math.min(280, Math.max(120, body.width * 0.3));
      const side = layoutBadges(groups, sideWidth, size, collapse, swatch, false, categories);
      if (side.height <= body.height && body.width - sideWidth - gap > body.width * 0.4) {
        const mapWidth = body.width - sideWidth - gap;
        options.push({
          map: { x: body.x, y: body.y, width: mapWidth, height: body.height },
          badges: { ...side, x: body.x + mapWidth + gap, y: body.y + Math.max(0, (body.height - side.height) / 2) },
          k: scaleFor(mapWidth, body.height),
        });
      }
      const below = layoutBadges(groups, body.width, size, collapse, swatch, true, categories);
      const mapHeight = body.height - below.height - gap;
      if (mapHeight > body.height * 0.3) {
        // The map as tall as it is drawn, the badges right under it, the pair centred in the box.
        const k = scaleFor(body.width, mapHeight);
        const drawn = view.height * k;
        const top = body.y + Math.max(0, (body.height - drawn - gap - below.height) / 2);
        options.push({
          map: { x: body.x, y: top, width: body.width, height: drawn },
          badges: { ...below, x: body.x, y: top + drawn + gap },
          k,
        });
      }
      const best = options.sort((a, b) => b.k - a.k)[0];
      if (best) last = best;
      // Good enough: the map keeps at least 55% of the scale it has alone.
      if (best && best.k >= alone.k * 0.55) return best;
    }
  if (last) return last;
  // Nothing fits: the badges below at the smallest size, cut at the chart's box (drawn clipped).
  const below = layoutBadges(groups, body.width, 7, "counts", swatch, true, categories);
  const mapHeight = Math.max(body.height * 0.3, body.height - below.height - gap);
  return {
    map: { x: body.x, y: body.y, width: body.width, height: mapHeight },
    badges: { ...below, x: body.x, y: body.y + mapHeight + gap },
    k: scaleFor(body.width, mapHeight),
  };
}

export function renderMapSvg(input: MapExportInput): string {
  const { world, width, height, theme } = input;
  const c = THEME_COLOURS[theme];
  const print = theme === "print";
  const cueKey = cueLegend(input, "#7a7f87");
  const noDataWords = input.noDataLabel ?? "No data";
  const noDataLabel = input.noDataCount === undefined ? noDataWords : `${noDataWords} (${input.noDataCount.toLocaleString("en")})`;
  const noData: LegendEntry = { label: noDataLabel, colour: c.noData, index: -1, swatch: { kind: "fill", fill: "url(#no-data)" } };
  const layout = layoutFrame(width, height, input.frame, [...input.legend, noData, ...cueKey.entries], theme);
  const view = focusBox(world, input.focus);
  const swatch = (b: MapBadge) => print || b.index === null || Boolean(b.cue?.uncertain || b.cue?.attested);
  const boxes = input.aside ? asideBoxes(layout.body, input.aside, layout.fontSize) : null;
  const categories = input.categoryNames ?? [];
  const placed = placeMap(boxes?.map ?? layout.body, view, input.badges ?? [], layout.fontSize, swatch, categories);
  // An aside below the map goes right under it, the pair centred in the chart's box.
  if (boxes?.below && !placed.badges) {
    const drawn = view.height * placed.k;
    const top = layout.body.y + Math.max(0, (layout.body.height - drawn - boxes.gap - boxes.aside.height) / 2);
    placed.map = { ...placed.map, y: top, height: drawn };
    boxes.aside = { ...boxes.aside, y: top + drawn + boxes.gap };
  }
  const asideSvg = boxes && input.aside ? el("g", { class: "aside" }, input.aside.render(boxes.aside, boxes.size)) : "";
  const k = placed.k;
  const dx = placed.map.x + (placed.map.width - view.width * k) / 2 - view.x * k;
  const dy = placed.map.y + (placed.map.height - view.height * k) / 2 - view.y * k;
  const colourAt = new Map(input.legend.map((l) => [l.index, l.colour]));
  const hidden = new Set(input.hidden ?? []);
  const patterns = new Map<string, CuePattern>();
  const cueAt = (id: string): HoldingCue => input.cueOf?.[id] ?? { uncertain: false, attested: false };
  /** The fill of a category (or no data) with a cue, as countries and badges draw it. */
  const fillFor = (index: number | null | undefined, cue: HoldingCue) => {
    if (index === null || index === undefined) return "url(#no-data)";
    const colour = colourAt.get(index) ?? c.noData;
    const p = print ? null : cuePattern(colour, cue);
    if (p) {
      patterns.set(p.id, p);
      return `url(#${p.id})`;
    }
    return categoryFill(theme, index, colour);
  };
  const fillOf = (id: string) => {
    if (hidden.has(id)) return theme === "dark" ? "#26292e" : "#f2f2f2";
    return fillFor(input.categoryOf[id], cueAt(id));
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
  const faintIndex = (index: number | null | undefined) =>
    highlight && !(typeof index === "number" && highlight.has(index)) ? 0.25 : undefined;
  const faint = (id: string) => (hidden.has(id) ? undefined : faintIndex(input.categoryOf[id]));
  // Patterns are drawn at the page's scale: a zoomed map (a region) uses copies scaled back by 1/k.
  const focused = Boolean(input.focus?.length);
  const onMap = (fill: string) => (focused ? fill.replace(/^url\(#(.+)\)$/, "url(#$1-zoom)") : fill);
  const countries = world.features.map((f) =>
    el("path", { d: f.d, fill: onMap(fillOf(f.id)), "fill-opacity": faint(f.id), "data-id": f.id, ...printCue(f.id) }),
  );
  const markers = world.markers.map((p) =>
    el("circle", {
      cx: p.x,
      cy: p.y,
      r: 3.2 / k,
      fill: onMap(fillOf(p.id)),
      "fill-opacity": faint(p.id),
      stroke: c.text,
      "stroke-width": 0.8 / k,
      ...printCue(p.id),
    }),
  );
  // A marker per qualifying fact at the country's centre (beside a small state's dot).
  const centre = new Map<string, readonly [number, number]>();
  for (const f of world.features) if (f.centroid) centre.set(f.id, f.centroid);
  for (const p of world.markers) centre.set(p.id, [p.x + 7 / k, p.y - 5 / k]);
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
  // Clipped to the chart's box when they run past it: on a page too small for them, badges are cut rather
  // than drawn over the legend. Only then: resvg draws a clip as a mask of the whole page (a tenth of a 2x
  // map's rasterising).
  const b = placed.badges;
  const body = layout.body;
  const overflows =
    b && (b.wide || b.x < body.x || b.y < body.y || b.x + b.width > body.x + body.width || b.y + b.height > body.y + body.height);
  const badgeSvg = b
    ? overflows
      ? el("g", { "clip-path": "url(#chart-box)" }, drawBadges(b, fillFor, faintIndex, theme))
      : drawBadges(b, fillFor, faintIndex, theme)
    : "";
  const defs = [
    el("style", {}, layout.style),
    noDataPattern(theme),
    ...(theme === "print" ? input.legend.map((l) => printPattern(l.index)) : []),
    el("clipPath", { id: "chart-box" }, el("rect", { ...layout.body })),
    el("clipPath", { id: "map-box" }, el("rect", { x: placed.map.x, y: placed.map.y, width: placed.map.width, height: placed.map.height })),
    ...[...patterns.values()].map((p) => cuePatternSvg(p, c.text, c.background)),
    ...cueKey.defs,
  ];
  if (focused) defs.push(...defs.flatMap((d) => (d.startsWith("<pattern") ? [zoomedPattern(d, 1 / k)] : [])));
  const desc = [
    input.frame.subtitle,
    `Legend: ${[...input.legend, noData, ...cueKey.entries].map((l) => l.label).join(", ")}`,
    `Source: ${input.frame.sources.join("; ")}`,
  ].join(". ");
  const map = el("g", { transform: `translate(${dx},${dy}) scale(${k})` }, [
    el("path", { d: world.sphere, fill: c.sphere }),
    // The graticule is projected inside the globe already; its edge meridians outline it, as on the
    // dashboard. A clip to the globe cost resvg a mask of the whole page: a third of a 2x map's rasterising.
    el("path", { d: world.graticule, fill: "none", stroke: c.line, "stroke-width": stroke }),
    el("g", { stroke: c.stroke, "stroke-width": stroke, "stroke-linejoin": "round" }, countries),
    el("g", {}, markers),
    el("g", {}, qualifierMarks),
  ]);
  return exportDocument({
    width,
    height,
    title: input.frame.title,
    desc,
    defs: defs,
    background: c.background,
    header: layout.header,
    // A region's map is cut at its box; the whole world fits it as it is.
    chart: (focused ? el("g", { "clip-path": "url(#map-box)" }, map) : map) + badgeSvg + asideSvg,
    footer: layout.footer,
  });
}

/** A copy of a `<pattern>` (id suffixed "-zoom") scaled by `s`, for a map drawn at scale 1/s. */
function zoomedPattern(pattern: string, s: number): string {
  const open = pattern.slice(0, pattern.indexOf(">"));
  const existing = /patternTransform="([^"]*)"/.exec(open)?.[1];
  const transform = `scale(${s})${existing ? ` ${existing}` : ""}`;
  const head = existing
    ? open.replace(/patternTransform="[^"]*"/, `patternTransform="${transform}"`)
    : `${open.replace(/\/$/, "")} patternTransform="${transform}"${open.endsWith("/") ? "/" : ""}`;
  return head.replace(/ id="([^"]+)"/, ' id="$1-zoom"') + pattern.slice(open.length);
}

/** The badges as the dashboard draws them: a chip in the category's colour (faded when uncertain, a
 * swatch with the cue's pattern when there is a cue), a dashed one for no data; in print a white chip
 * with the category's pattern as a swatch and the cue as its outline. */
function drawBadges(
  layout: BadgeLayout & { x: number; y: number },
  fillFor: (index: number | null | undefined, cue: HoldingCue) => string,
  faintIndex: (index: number | null | undefined) => number | undefined,
  theme: ExportTheme,
): string {
  const c = THEME_COLOURS[theme];
  const print = theme === "print";
  const { size } = layout;
  const h = size * 1.7;
  const sw = size * 0.9;
  const out: string[] = layout.headings.map((t) =>
    text(t.label, { x: layout.x + t.x, y: layout.y + t.y, "font-size": size, "font-weight": 700, fill: c.muted, class: "badge-group" }),
  );
  for (const b of layout.badges) {
    const badge = b.badge;
    const cue = badge?.cue ?? { uncertain: false, attested: false };
    const index = badge?.index ?? null;
    const colour = index === null ? null : fillFor(index, { uncertain: false, attested: false });
    const x = layout.x + b.x;
    const y = layout.y + b.y;
    const stance = badge && index !== null;
    // The chip: filled with the category's colour on screen (faded when uncertain); white with an
    // outline in print, where the swatch carries the pattern.
    const filled = stance && !print && colour && !colour.startsWith("url(");
    const chipFill = filled ? (colour as string) : c.background;
    const ink = filled && !cue.uncertain ? textOn(colour as string) : stance ? c.text : c.muted;
    const dash = !stance ? "3 2" : print && cue.uncertain ? "3 2" : print && cue.attested ? "1 1.5" : undefined;
    const parts: string[] = [
      el("rect", {
        width: round(b.w),
        height: round(h),
        rx: round(h / 2.5),
        fill: chipFill,
        "fill-opacity": filled && cue.uncertain ? 0.4 : undefined,
        stroke: stance && !print ? "none" : print ? "#000000" : c.muted,
        "stroke-width": stance && !print ? undefined : print && (cue.uncertain || cue.attested) ? 1.2 : 0.8,
        "stroke-dasharray": dash,
      }),
    ];
    let tx = size * 0.5;
    // A swatch: the cue's pattern on screen, the category's pattern in print, the hatching for no data.
    if (badge && layout.swatch(badge)) {
      parts.push(
        el("rect", {
          x: round(tx),
          y: round((h - sw) / 2),
          width: round(sw),
          height: round(sw),
          fill: fillFor(index, cue),
          stroke: c.muted,
          "stroke-width": 0.5,
        }),
      );
      tx += sw + size * 0.4;
    }
    parts.push(text(b.label, { x: round(tx), y: round(h / 2 + size * 0.35), "font-size": size, fill: ink }));
    tx += textWidth(b.label, size) + size * 0.3;
    for (const q of badge?.qualifiers ?? []) {
      parts.push(
        el("path", {
          d: qualifierShape(q).d,
          transform: `translate(${round(tx + size * 0.45)},${round(h / 2)}) scale(${round(size / 10)})`,
          fill: c.background,
          stroke: c.text,
          "stroke-width": 1.4,
        }),
      );
      tx += size * 1.1;
    }
    out.push(el("g", { class: "badge", transform: `translate(${round(x)},${round(y)})`, "fill-opacity": faintIndex(index) }, parts));
  }
  return el("g", { class: "badges" }, out);
}
