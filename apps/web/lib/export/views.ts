// What each view exports: its picture (drawn by packages/charts' renderers) and the data behind it,
// computed from the dashboard's data and URL state. Shared by the export dialog (in the browser) and
// the export API (on the server), so both hand the renderers the same input and get the same SVG, and
// the data download holds exactly what the picture shows.

import {
  changeMarks,
  dateSpan,
  edgeColour,
  KIND_NAMES,
  layoutMarks,
  SENTIMENT_LABELS,
  SHAPE_LEGEND,
  stepRange,
  timelineScale,
} from "@stancemap/charts";
import {
  type ExportTheme,
  type FrameText,
  type LegendEntry,
  networkPositions,
  renderActorSvg,
  renderMapSvg,
  renderNetworkSvg,
  renderTimelineSvg,
} from "@stancemap/charts/export";
import {
  buildReactionGraph,
  compareEdtf,
  countsFrom,
  describeHolding,
  formatEdtf,
  gapReason,
  reactionCountsFrom,
  stanceHistory,
  topicMapAt,
} from "@stancemap/core/model";
import { buildScene, SVG_MAX_EDGES } from "@/components/network/scene";
import type { CompactSource, DashboardData } from "@/lib/dashboard-data";
import type { MapGeometry } from "@/lib/map-geometry";
import { MAX_STANCE_MARKS, TIMELINE_START } from "@/lib/url-state";

export const EXPORT_VIEWS = ["map", "network", "timeline", "actor"] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

/** Pictures, and the data behind them as a ZIP. */
export const EXPORT_FORMATS = ["svg", "png", "pdf", "zip"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Every file the export API makes: `map.svg` … `actor.zip`. */
export const EXPORT_FILES = EXPORT_VIEWS.flatMap((v) => EXPORT_FORMATS.map((f) => `${v}.${f}`));

export const VIEW_NAMES: Record<ExportView, string> = {
  map: "map",
  network: "reaction network",
  timeline: "timeline",
  actor: "stance history",
};

export const CREDIT = "Stancemap";
export const LICENCE = "Data CC BY 4.0";
/** A network picture's actors and events, at most. */
export const MAX_EXPORT_NODES = 400;

/** The view's state, as the dashboard's URL holds it. */
export interface ExportState {
  topic: string;
  date: string;
  region?: string | null | undefined;
  kind?: readonly string[] | undefined;
  sent?: readonly string[] | undefined;
  nkind?: readonly string[] | undefined;
  /** Map: the categories highlighted in the legend. */
  cat?: readonly string[] | undefined;
  actor?: string | null | undefined;
}

export type ExportData = Pick<DashboardData, "topic" | "actors" | "stances" | "gaps" | "events" | "revision" | "sources"> & {
  reactions: DashboardData["reactions"];
};

export interface RenderOptions {
  theme: ExportTheme;
  width: number;
  height: number;
  title?: string | undefined;
  subtitle?: string | undefined;
  notes?: string | undefined;
  /** Where the app is served, for the permalink printed on the picture. */
  origin: string;
}

export interface DataColumn {
  key: string;
  description: string;
}

export type Cell = string | number | null;

export interface ExportModel {
  view: ExportView;
  /** `stancemap-posture-map-2025-07-03`: what it is, of which topic, at which date. */
  name: string;
  defaults: { title: string; subtitle: string };
  /** The dashboard's address for this view: printed on the picture and in the data's metadata. */
  path: string;
  /** Publishers cited by what is shown, sorted. */
  publishers: string[];
  /** The sources cited by what is shown, for the data download's metadata. */
  sources: CompactSource[];
  columns: DataColumn[];
  rows: Record<string, Cell>[];
  /** Why the picture cannot be drawn (the data download still can be), naming the parameter to change. */
  tooLarge: { parameter: string; message: string } | null;
  render(o: RenderOptions): string;
}

function fileName(topicSlug: string, view: string, date: string): string {
  return `stancemap-${topicSlug.split("-")[0]}-${view}-${date}`;
}

/** The state each view reads besides topic and date: the dashboard URL's keys, in the URL's order. */
const VIEW_KEYS = {
  map: ["region", "kind", "cat"],
  network: ["sent", "nkind"],
  timeline: ["actor"],
  actor: ["actor"],
} as const satisfies Record<ExportView, readonly (keyof ExportState)[]>;

/** The state cut to what `view` reads: a filter of another view left in the URL changes nothing. */
export function viewState(view: ExportView, s: ExportState): ExportState {
  const out: ExportState = { topic: s.topic, date: s.date };
  for (const key of VIEW_KEYS[view]) Object.assign(out, { [key]: s[key] });
  return out;
}

/** The export API's query for this state: the same keys as the dashboard's URL, empty ones left out. */
export function stateQuery(view: ExportView, s: ExportState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(viewState(view, s))) {
    const text = Array.isArray(value) ? value.join(",") : value;
    if (text) out[key] = text;
  }
  return out;
}

function pathOf(view: ExportView, s: ExportState): string {
  // The actor page shows every topic's history to today: the link goes to this topic's chart.
  if (view === "actor") return `/actors/${s.actor}#topic-${s.topic}`;
  const q = new URLSearchParams(stateQuery(view, s));
  if (view === "network") q.set("view", "network");
  return `/?${q}`;
}

function frameOf(model: Pick<ExportModel, "defaults" | "publishers" | "path">, revision: number, o: RenderOptions): FrameText {
  return {
    title: o.title || model.defaults.title,
    subtitle: o.subtitle || model.defaults.subtitle,
    sources: model.publishers,
    notes: o.notes || undefined,
    credit: CREDIT,
    licence: LICENCE,
    revision,
    permalink: `${o.origin}${model.path}`,
  };
}

/** The sources cited by what is shown (every piece of evidence, not only the first), and their publishers. */
function citing(data: ExportData, cited: Iterable<readonly string[]>): Pick<ExportModel, "publishers" | "sources"> {
  const ids = new Set<string>();
  for (const list of cited) for (const id of list) ids.add(id);
  const sources = data.sources.filter((s) => ids.has(s.id));
  return { publishers: [...new Set(sources.map((s) => s.publisher))].sort((a, b) => a.localeCompare(b, "en")), sources };
}

/** The cells naming a row's sources: their ids (keys in the API and in metadata.json) and publishers. */
function sourceCells(data: ExportData, ids: readonly string[]): { sources: string; publishers: string } {
  const byId = new Map(data.sources.map((s) => [s.id, s.publisher]));
  return { sources: ids.join("; "), publishers: [...new Set(ids.map((id) => byId.get(id) ?? id))].join("; ") };
}

const SOURCE_COLUMNS: DataColumn[] = [
  { key: "sources", description: "Ids of the sources cited as evidence, separated by semicolons; metadata.json lists them." },
  { key: "publishers", description: "Their publishers." },
];

/** An EDTF date and its words, as two cells: `valid_from` "2023", `valid_from_label` "2023". */
function dateCells(key: string, value: string | null | undefined): Record<string, string | null> {
  return { [key]: value ?? null, [`${key}_label`]: value ? formatEdtf(value) : null };
}

/** The columns of an EDTF date and its words. */
function dateColumns(key: string, what: string): DataColumn[] {
  return [
    {
      key,
      description: `${what}, as an EDTF date at the precision the sources give (2023, 2022-09, 2025-07-03, 2021-08~ approximate, 2023? uncertain).`,
    },
    { key: `${key}_label`, description: `The same date in words ("2023", "September 2022", "3 July 2025", "c. August 2021").` },
  ];
}

/** The topic's qualifier labels by key. */
const qualifierLabels = (data: ExportData) => new Map((data.topic.qualifiers ?? []).map((q) => [q.key, q.label]));

const QUALIFIER_COLUMNS: DataColumn[] = [
  { key: "qualifiers", description: "Keys of the topic's qualifying facts the stance carries, separated by semicolons." },
  { key: "qualifier_labels", description: "The same facts in words." },
];

function qualifierCells(data: ExportData, keys: readonly string[]): { qualifiers: string; qualifier_labels: string } {
  const labels = qualifierLabels(data);
  return { qualifiers: keys.join("; "), qualifier_labels: keys.map((k) => labels.get(k) ?? k).join("; ") };
}

const categoryLegend = (data: ExportData): LegendEntry[] =>
  [...data.topic.categories].sort((a, b) => a.order - b.order).map((c, index) => ({ label: c.label, colour: c.colour, index }));

function filterText(s: ExportState): string {
  const parts: string[] = [];
  if (s.region) parts.push(`region ${s.region}`);
  if (s.kind?.length) parts.push(s.kind.map((k) => KIND_NAMES[k] ?? k).join(", "));
  if (s.sent?.length) parts.push(`${s.sent.map((k) => (SENTIMENT_LABELS[k] ?? k).toLowerCase()).join(", ")} reactions`);
  if (s.nkind?.length) parts.push(`reactions by ${s.nkind.map((k) => (KIND_NAMES[k] ?? k).toLowerCase()).join(", ")}`);
  return parts.length ? ` Showing only ${parts.join("; ")}.` : "";
}

function mapModel(data: ExportData, s: ExportState, geometry: MapGeometry): ExportModel {
  const kinds = s.kind ?? [];
  const visible = data.actors.filter((a) => (!s.region || a.region === s.region) && (kinds.length === 0 || kinds.includes(a.kind)));
  const map = topicMapAt({
    topic: data.topic.slug,
    categories: data.topic.categories,
    actors: visible,
    stances: data.stances,
    gaps: data.gaps.map((g) => ({ ...g, topic: data.topic.slug })),
    qualifiers: data.topic.qualifiers,
    date: s.date,
  });
  const order = new Map(map.legend.map((l, i) => [l.key, i]));
  const qualifierIndex = new Map((data.topic.qualifiers ?? []).map((q, i) => [q.key, i]));
  const categoryOf: Record<string, number | null> = {};
  const cueOf: Record<string, { uncertain: boolean; attested: boolean }> = {};
  const qualifiersOf: Record<string, number[]> = {};
  for (const e of map.entries) {
    if (!e.actor.isoNumeric) continue;
    const id = e.actor.isoNumeric;
    categoryOf[id] = e.status === "stance" ? (order.get(e.category.key) ?? null) : null;
    if (e.status !== "stance") continue;
    if (e.uncertain || e.basis === "attested") cueOf[id] = { uncertain: e.uncertain, attested: e.basis === "attested" };
    const qs = e.qualifiers.flatMap((q) => (qualifierIndex.has(q) ? [qualifierIndex.get(q) as number] : []));
    if (qs.length) qualifiersOf[id] = qs;
  }
  const hidden = data.actors.flatMap((a) => (a.isoNumeric && !(a.isoNumeric in categoryOf) ? [a.isoNumeric] : []));
  const highlighted = map.legend.filter((l) => s.cat?.includes(l.key));
  const highlight = highlighted.map((l) => order.get(l.key) as number);
  const emphasis = highlighted.length ? ` Highlighted: ${highlighted.map((l) => l.label).join(", ")}.` : "";
  const base = {
    path: pathOf("map", s),
    defaults: { title: data.topic.title, subtitle: `${data.topic.question} As of ${formatEdtf(s.date)}.${filterText(s)}${emphasis}` },
    ...citing(
      data,
      map.entries.map((e) => (e.status === "stance" ? e.stance.sources : [])),
    ),
  };
  const entries = [...map.entries].sort((a, b) => a.actor.name.localeCompare(b.actor.name, "en"));
  return {
    view: "map",
    tooLarge: null,
    name: fileName(data.topic.slug, "map", s.date),
    ...base,
    columns: [
      { key: "actor", description: "The actor's slug (its key in the API)." },
      { key: "name", description: "The actor's name." },
      { key: "kind", description: "State, organisation, group, person…" },
      { key: "iso3", description: "ISO 3166-1 alpha-3 code, for states." },
      { key: "region", description: "The actor's region." },
      { key: "category", description: `Key of the stance's category on "${data.topic.title}", or no-data.` },
      { key: "category_label", description: "The category as the legend names it." },
      {
        key: "basis",
        description:
          "began: counted from the stance's stated start; attested: its start is not stated, so it is counted from the date a source attests it.",
      },
      {
        key: "uncertain",
        description:
          "true when the date falls inside the uncertainty of the stance's start or end (e.g. 1 June 2023 for a stance from 2023).",
      },
      ...dateColumns("since", "The date the stance is counted from: its start, or its attestation when the start is not stated"),
      ...dateColumns("valid_from", "When the stance began; empty when the sources do not say"),
      ...dateColumns("attested", "The date of the earliest evidence that attests the stance"),
      ...dateColumns("valid_until", "When the stance ended; empty while it holds"),
      {
        key: "holding",
        description: 'How the stance holds at the date, in words ("since 2023", "held by 3 July 2025 (start not stated)").',
      },
      ...QUALIFIER_COLUMNS,
      { key: "confidence", description: "How sure the sources make the stance: high, medium or low." },
      {
        key: "reason",
        description: "For no data: why there is no stance at the date (an editor's note, or that none is recorded before the first one).",
      },
      { key: "reason_kind", description: "note, before-first, after-end or none-recorded." },
      ...SOURCE_COLUMNS,
    ],
    rows: entries.map((e) => ({
      actor: e.actor.slug,
      name: e.actor.name,
      kind: e.actor.kind,
      iso3: e.actor.iso3,
      region: e.actor.region,
      category: e.status === "stance" ? e.category.key : "no-data",
      category_label: e.status === "stance" ? e.category.label : "No data",
      basis: e.status === "stance" ? e.basis : null,
      uncertain: e.status === "stance" ? String(e.uncertain) : null,
      ...dateCells("since", e.status === "stance" ? e.since : null),
      ...dateCells("valid_from", e.status === "stance" ? e.stance.validFrom : null),
      ...dateCells("attested", e.status === "stance" ? e.stance.attested : null),
      ...dateCells("valid_until", e.status === "stance" ? e.stance.validUntil : null),
      holding:
        e.status === "stance"
          ? describeHolding(
              {
                stance: e.stance,
                basis: e.basis,
                uncertain: e.uncertain,
                ...(e.uncertainBecause ? { uncertainBecause: e.uncertainBecause } : {}),
                since: e.since,
                ageDays: e.ageDays,
              },
              s.date,
            )
          : null,
      ...qualifierCells(data, e.status === "stance" ? e.qualifiers : []),
      confidence: e.status === "stance" ? e.stance.confidence : null,
      reason: e.status === "no-data" ? e.reason : null,
      reason_kind: e.status === "no-data" ? e.reasonKind : null,
      ...sourceCells(data, e.status === "stance" ? e.stance.sources : []),
    })),
    render: (o) =>
      renderMapSvg({
        world: geometry,
        categoryOf,
        cueOf,
        qualifiersOf,
        qualifiers: (data.topic.qualifiers ?? []).map((q) => q.label),
        hidden,
        highlight,
        legend: map.legend.map((l, i) => ({ label: l.label, colour: l.colour, index: i })),
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
      }),
  };
}

function networkModel(data: ExportData, s: ExportState): ExportModel {
  const reactions = (data.reactions ?? []).filter((r) => reactionCountsFrom(r) <= s.date);
  const graph = buildReactionGraph({
    actors: data.actors,
    events: data.events,
    reactions,
    filter: { to: s.date, sentiments: s.sent ?? [], kinds: s.nkind ?? [] },
  });
  const scene = buildScene(graph, new Map(data.events.map((e) => [e.slug, e.date])));
  const shown = new Set(graph.edges.map((e) => e.id));
  const edges = reactions.filter((r) => shown.has(r.id));
  const names = new Map(data.actors.map((a) => [a.slug, a.name]));
  const titles = new Map(data.events.map((e) => [e.slug, e.title]));
  const actorCount = scene.nodes.filter((n) => n.type === "actor").length;
  const base = {
    path: pathOf("network", s),
    defaults: {
      title: "Who reacted to whom",
      subtitle: `${actorCount} actors and ${scene.nodes.length - actorCount} events, ${scene.edges.length} reactions up to ${formatEdtf(s.date)}. Arrows point from the reacting actor to its target.${filterText(s)}`,
    },
    ...citing(
      data,
      edges.map((r) => r.sources),
    ),
  };
  // A picture draws at most as many reactions as the dashboard draws as SVG, among at most 400 actors
  // and events: past that, the layout takes seconds and the drawing stops being readable.
  const tooLarge =
    scene.edges.length > SVG_MAX_EDGES || scene.nodes.length > MAX_EXPORT_NODES
      ? {
          parameter: "date",
          message: `the network up to ${s.date} has ${scene.edges.length} reactions among ${scene.nodes.length} actors and events; a picture draws at most ${SVG_MAX_EDGES} reactions among ${MAX_EXPORT_NODES}: choose an earlier date, or fewer sentiments (sent) or kinds of actor (nkind). The data download holds them all.`,
        }
      : null;
  // Laid out once per model: a new title, size or theme redraws without a new layout.
  let positions: { x: number; y: number }[] | undefined;
  const layout = () => {
    positions ??= networkPositions({ nodes: scene.nodes, edges: scene.edges });
    return positions;
  };
  return {
    view: "network",
    name: fileName(data.topic.slug, "network", s.date),
    ...base,
    tooLarge,
    columns: [
      { key: "id", description: "The reaction's key in the API." },
      ...dateColumns("date", "When the reaction was made; empty when the sources do not say"),
      ...dateColumns("attested", "When a source first reports it (an undated reaction counts from this date)"),
      { key: "actor", description: "Slug of the reacting actor." },
      { key: "actor_name", description: "Name of the reacting actor." },
      { key: "target_type", description: "actor or event." },
      { key: "target", description: "Slug of the actor or event reacted to." },
      { key: "target_name", description: "Its name or title." },
      { key: "sentiment", description: "supportive, neutral, concerned or critical." },
      { key: "summary", description: "What the reaction said, in brief." },
      ...SOURCE_COLUMNS,
    ],
    rows: edges.map((r) => {
      const isActor = "actor" in r.target;
      const target = "actor" in r.target ? r.target.actor : r.target.event;
      return {
        id: r.id,
        ...dateCells("date", r.date),
        ...dateCells("attested", r.attested),
        actor: r.actor,
        actor_name: names.get(r.actor) ?? r.actor,
        target_type: isActor ? "actor" : "event",
        target,
        target_name: (isActor ? names.get(target) : titles.get(target)) ?? target,
        sentiment: r.sentiment,
        summary: r.summary,
        ...sourceCells(data, r.sources),
      };
    }),
    render: (o) =>
      renderNetworkSvg({
        nodes: scene.nodes,
        edges: scene.edges,
        positions: layout(),
        sentiments: Object.keys(SENTIMENT_LABELS).map((key) => ({ key, label: SENTIMENT_LABELS[key] as string, colour: edgeColour(key) })),
        shapes: SHAPE_LEGEND,
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
        arrowLength: scene.arrowLength,
        arrowWidth: scene.arrowWidth,
        emptyMessage: `No reactions up to ${formatEdtf(s.date)}${filterText(s) ? " with these filters" : ""}.`,
      }),
  };
}

function timelineModel(data: ExportData, s: ExportState): ExportModel {
  const from = TIMELINE_START;
  const to = s.date < from ? from : s.date;
  const names = new Map(data.actors.map((a) => [a.slug, a.name]));
  const categories = [...data.topic.categories].sort((a, b) => a.order - b.order);
  const index = new Map(categories.map((c, i) => [c.key, i]));
  const label = new Map(categories.map((c) => [c.key, c.label]));
  // A date is in the range when any day it covers is.
  const inRange = (d: string) => {
    const { first, last } = dateSpan(d);
    return last >= from && first <= to;
  };
  const events = data.events.filter((e) => inRange(e.date));
  // Stance changes by core's rule: a stance known only from its attestation is no change.
  const changes = changeMarks(data.stances, data.topic.slug, {
    actor: (slug) => names.get(slug) ?? slug,
    category: label,
    qualifier: qualifierLabels(data),
  });
  // The latest stance changes when there are more than a picture can mark; the subtitle says so.
  const inView = changes.filter((c) => inRange(c.date) && (!s.actor || c.actor === s.actor)).reverse();
  const stances = inView.slice(0, MAX_STANCE_MARKS).reverse();
  const cut =
    inView.length > MAX_STANCE_MARKS
      ? ` The latest ${MAX_STANCE_MARKS} of ${inView.length} stance changes are marked (from ${formatEdtf(stances[0]?.date ?? from)}).`
      : "";
  // Sorted as the dashboard's timeline places them, so the rows read in time order.
  const order = layoutMarks(
    [
      ...events.map((e) => ({ id: `e:${e.slug}`, date: e.date, kind: "event" as const, label: e.title })),
      ...stances.map((c) => ({ id: c.id, date: c.date, kind: "stance" as const, label: "" })),
    ],
    timelineScale(from, to, 1000),
  ).map((m) => m.id);
  const eventBySlug = new Map(events.map((e) => [`e:${e.slug}`, e]));
  const changeById = new Map(stances.map((c) => [c.id, c]));
  const who = s.actor ? (names.get(s.actor) ?? s.actor) : null;
  const base = {
    path: pathOf("timeline", s),
    defaults: {
      title: who ? `${who}: events and stance changes` : "Events and stance changes",
      subtitle: `${data.topic.title}, ${formatEdtf(from)} to ${formatEdtf(to)}.${cut}`,
    },
    ...citing(data, [...events.map((e) => e.sources), ...stances.map((c) => (c.change.to ?? c.change.from)?.sources ?? [])]),
  };
  return {
    view: "timeline",
    tooLarge: null,
    name: fileName(data.topic.slug, "timeline", to),
    ...base,
    columns: [
      ...dateColumns("date", "When the event happened, or when the stance changed"),
      { key: "type", description: "event, or stance (an actor's stance on the topic changed)." },
      {
        key: "change",
        description: "For a stance: began (its first stance), changed (another category or other qualifying facts), or ended.",
      },
      { key: "id", description: "The event's slug or the stance's key in the API." },
      { key: "label", description: "The event's title, or the change in words." },
      { key: "actor", description: "For a stance: the actor's slug." },
      { key: "category", description: "For a stance: the category's key (for an end, the category that ended)." },
      { key: "category_label", description: "For a stance: the category as the legend names it." },
      ...QUALIFIER_COLUMNS,
      ...SOURCE_COLUMNS,
    ],
    rows: order.map((id) => {
      const e = eventBySlug.get(id);
      if (e)
        return {
          ...dateCells("date", e.date),
          type: "event",
          change: null,
          id: e.slug,
          label: e.title,
          actor: null,
          category: null,
          category_label: null,
          qualifiers: null,
          qualifier_labels: null,
          ...sourceCells(data, e.sources),
        };
      const c = changeById.get(id);
      const stance = c ? (c.change.to ?? c.change.from) : null;
      return {
        ...dateCells("date", c?.date ?? null),
        type: "stance",
        change: c?.kind ?? null,
        id: stance?.id ?? null,
        label: c?.label ?? null,
        actor: c?.actor ?? null,
        category: c?.category ?? null,
        category_label: label.get(c?.category ?? "") ?? null,
        ...qualifierCells(data, c?.change.to?.qualifiers ?? []),
        ...sourceCells(data, stance?.sources ?? []),
      };
    }),
    render: (o) =>
      renderTimelineSvg({
        from,
        to,
        date: to,
        events: events.map((e) => ({ id: e.slug, date: e.date, title: e.title })),
        stances: stances.map((c) => ({
          id: c.id,
          date: c.date,
          label: c.label,
          index: index.get(c.category) ?? 0,
          ended: c.kind === "ended",
        })),
        legend: categoryLegend(data),
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
      }),
  };
}

function actorModel(data: ExportData, s: ExportState): ExportModel {
  const slug = s.actor ?? "";
  const actor = data.actors.find((a) => a.slug === slug);
  const name = actor?.name ?? slug;
  // The stances counted by the date (from their start, or their attestation when the start is not stated).
  const stances = data.stances.filter((st) => st.actor === slug && countsFrom(st) <= s.date);
  const steps = new Map(stanceHistory(stances, slug, data.topic.slug).map((h) => [h.stance.id, h]));
  const range = stepRange(stances.map(countsFrom), s.date);
  const gap = data.gaps.find((g) => g.actor === slug);
  const label = new Map(data.topic.categories.map((c) => [c.key, c.label]));
  const base = {
    path: pathOf("actor", s),
    defaults: { title: `${name}: ${data.topic.title}`, subtitle: `${data.topic.question} Stance history to ${formatEdtf(s.date)}.` },
    ...citing(
      data,
      stances.map((st) => st.sources),
    ),
  };
  const why = gapReason({
    actor: slug,
    topic: data.topic.slug,
    date: s.date,
    stances: data.stances.filter((st) => st.actor === slug),
    gap,
  });
  return {
    view: "actor",
    tooLarge: null,
    name: fileName(data.topic.slug, `history-${slug}`, s.date),
    ...base,
    columns: [
      { key: "id", description: "The stance's key in the API." },
      { key: "actor", description: "The actor's slug." },
      { key: "category", description: "The category's key." },
      { key: "category_label", description: "The category as the legend names it." },
      {
        key: "basis",
        description:
          "began: the stance has a stated start; attested: its start is not stated, so it is drawn from the date a source attests it.",
      },
      ...dateColumns("valid_from", "When the stance began; empty when the sources do not say"),
      ...dateColumns("attested", "The date of the earliest evidence that attests the stance"),
      ...dateColumns("valid_until", "When it ended, when the sources say; empty while it holds or until the next stance"),
      ...QUALIFIER_COLUMNS,
      { key: "confidence", description: "high, medium or low." },
      { key: "quote", description: "The start of the first quote given as evidence." },
      { key: "speaker", description: "Who said it." },
      ...SOURCE_COLUMNS,
    ],
    rows: [...stances]
      .sort((a, b) => compareEdtf(a.validFrom || a.attested, b.validFrom || b.attested))
      .map((st) => ({
        id: st.id,
        actor: st.actor,
        category: st.category,
        category_label: label.get(st.category) ?? st.category,
        basis: steps.get(st.id)?.basis ?? (st.validFrom ? "began" : "attested"),
        ...dateCells("valid_from", st.validFrom),
        ...dateCells("attested", st.attested),
        ...dateCells("valid_until", st.validUntil),
        ...qualifierCells(data, st.qualifiers ?? []),
        confidence: st.confidence,
        quote: st.quote,
        speaker: st.speaker,
        ...sourceCells(data, st.sources),
      })),
    render: (o) =>
      renderActorSvg({
        categories: data.topic.categories,
        stances,
        actor: slug,
        topic: data.topic.slug,
        from: range.from,
        to: range.to,
        legend: categoryLegend(data),
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
        emptyMessage: `No data. ${why.reason}`,
      }),
  };
}

/** The data cut to what an actor's export reads (the actor page sends no more to the browser):
 * the actor, its stances and note, the sources they cite. The model gives the same file. */
export function actorData(data: ExportData, actor: string): ExportData {
  const stances = data.stances.filter((s) => s.actor === actor);
  const cited = new Set(stances.flatMap((s) => s.sources));
  return {
    revision: data.revision,
    topic: data.topic,
    actors: data.actors.filter((a) => a.slug === actor),
    stances,
    gaps: data.gaps.filter((g) => g.actor === actor),
    events: [],
    reactions: null,
    sources: data.sources.filter((s) => cited.has(s.id)),
  };
}

/** The export of `view` in state `s`. The map needs the projected world; the network needs the reactions. */
export function exportModel(view: ExportView, data: ExportData, state: ExportState, geometry?: MapGeometry): ExportModel {
  const s = viewState(view, state);
  switch (view) {
    case "map":
      if (!geometry) throw new Error("the map export needs the map's geometry");
      return mapModel(data, s, geometry);
    case "network":
      return networkModel(data, s);
    case "timeline":
      return timelineModel(data, s);
    case "actor":
      return actorModel(data, s);
  }
}
