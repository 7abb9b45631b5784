// What each view exports: its picture (drawn by the renderers in ../export) and the data behind it,
// computed from the dashboard's data and URL state. Shared by the export dialog (in the browser) and
// the export API (on the server), so both hand the renderers the same input and get the same SVG, and
// the data download holds exactly what the picture shows. This file holds what every view shares.

import { formatEdtf } from "@stancemap/core/model";
import type { MapAltInput } from "../alt-text";
import type { FrameText, LegendEntry } from "../export/frame";
import type { ExportTheme } from "../export/themes";
import { KIND_NAMES, SENTIMENT_LABELS } from "../palette";
import { publisherName, sourceLine } from "../sources";
import type { ExportData, ViewSource } from "./data";

export { MAX_STANCE_MARKS, TIMELINE_START } from "../timeline";
export type { ExportData } from "./data";

export const EXPORT_VIEWS = ["map", "network", "timeline", "actor", "change", "sequence"] as const;
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
  change: "change between two dates",
  sequence: "sequence",
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
  /** Change: the first date (ISO day), compared with `date`. */
  from?: string | null | undefined;
  /** Sequence: the reference move, `actor@YYYY-MM-DD` (default: the first move to the scale's first category). */
  reference?: string | null | undefined;
  /** A dataset revision the view is pinned to (`?revision=`): the printed link reopens that revision. */
  revision?: number | null | undefined;
}

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
  /** The source line's items (charts' sourceLine): publishers cited by what is shown, each once, those
   * found through another source marked "via" it. */
  publishers: string[];
  /** The sources cited by what is shown, for the data download's metadata. */
  sources: ViewSource[];
  columns: DataColumn[];
  rows: Record<string, Cell>[];
  /** A map's alt text input, made with its picture (a map's rows are a row per actor, thousands at scale):
   * `altTextOf` reads it when given. */
  mapAlt?: MapAltInput;
  /** Why the picture cannot be drawn (the data download still can be), naming the parameter to change. */
  tooLarge: { parameter: string; message: string } | null;
  /** Why the state names nothing to show (a change's `from` after its date, a reference that is no move):
   * neither picture nor data is made, and the parameter is named. */
  invalid?: { parameter: string; message: string } | null;
  render(o: RenderOptions): string;
}

export function fileName(topicSlug: string, view: string, date: string): string {
  return `stancemap-${topicSlug.split("-")[0]}-${view}-${date}`;
}

/** The state each view reads besides topic and date: the dashboard URL's keys, in the URL's order. */
export const VIEW_KEYS = {
  map: ["region", "kind", "cat"],
  network: ["sent", "nkind"],
  timeline: ["actor"],
  actor: ["actor"],
  change: ["from"],
  sequence: ["reference"],
} as const satisfies Record<ExportView, readonly (keyof ExportState)[]>;

/** The state cut to what `view` reads: a filter of another view left in the URL changes nothing. */
export function viewState(view: ExportView, s: ExportState): ExportState {
  const out: ExportState = { topic: s.topic, date: s.date };
  for (const key of VIEW_KEYS[view]) Object.assign(out, { [key]: s[key] });
  if (s.revision) out.revision = s.revision;
  return out;
}

/** The export API's query for this state: the same keys as the dashboard's URL, empty ones left out. */
export function stateQuery(view: ExportView, s: ExportState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(viewState(view, s))) {
    const text = Array.isArray(value) ? value.join(",") : value == null ? value : String(value);
    if (text) out[key] = text;
  }
  return out;
}

export function pathOf(view: ExportView, s: ExportState): string {
  const pin = s.revision ? `revision=${s.revision}` : "";
  // The actor page shows every topic's history to today: the link goes to this topic's chart.
  if (view === "actor") return `/actors/${s.actor}${pin ? `?${pin}` : ""}#topic-${s.topic}`;
  const q = new URLSearchParams(stateQuery(view, s));
  if (view === "network" || view === "change" || view === "sequence") q.set("view", view);
  return `/?${q}`;
}

export function frameOf(model: Pick<ExportModel, "defaults" | "publishers" | "path">, revision: number, o: RenderOptions): FrameText {
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
export function citing(data: ExportData, cited: Iterable<readonly string[]>): Pick<ExportModel, "publishers" | "sources"> {
  const ids = new Set<string>();
  for (const list of cited) for (const id of list) ids.add(id);
  const sources = data.sources.filter((s) => ids.has(s.id));
  // The sources that cite them (an endnote's paper) are listed too: that is where they were found.
  for (const s of sources) if (s.citedIn) ids.add(s.citedIn);
  return { publishers: sourceLine(sources, data.sources), sources: data.sources.filter((s) => ids.has(s.id)) };
}

/** The cells naming a row's sources: their ids (keys in the API and in metadata.json) and publishers. */
// Each export's sources by id, made once per export rather than once per row (5,000 rows × 200 sources).
const publishersOf = new WeakMap<ExportData["sources"], Map<string, ExportData["sources"][number]["publisher"]>>();

export function sourceCells(data: ExportData, ids: readonly string[]): { sources: string; publishers: string } {
  let byId = publishersOf.get(data.sources);
  if (!byId) {
    byId = new Map(data.sources.map((s) => [s.id, s.publisher]));
    publishersOf.set(data.sources, byId);
  }
  const names = ids.flatMap((id) => {
    const name = publisherName(byId.get(id));
    return name ? [name] : [];
  });
  return { sources: ids.join("; "), publishers: [...new Set(names)].join("; ") };
}

export const SOURCE_COLUMNS: DataColumn[] = [
  { key: "sources", description: "Ids of the sources cited as evidence, separated by semicolons; metadata.json lists them." },
  { key: "publishers", description: "Their publishers (empty for a source that names none)." },
];

/** An EDTF date and its words, as two cells: `valid_from` "2023", `valid_from_label` "2023". */
export function dateCells(key: string, value: string | null | undefined): Record<string, string | null> {
  return { [key]: value ?? null, [`${key}_label`]: value ? formatEdtf(value) : null };
}

/** The columns of an EDTF date and its words. */
export function dateColumns(key: string, what: string): DataColumn[] {
  return [
    {
      key,
      description: `${what}, as an EDTF date at the precision the sources give (2023, 2022-09, 2025-07-03, 2021-08~ approximate, 2023? uncertain).`,
    },
    { key: `${key}_label`, description: `The same date in words ("2023", "September 2022", "3 July 2025", "c. August 2021").` },
  ];
}

/** The topic's qualifier labels by key. */
export const qualifierLabels = (data: ExportData) => new Map((data.topic.qualifiers ?? []).map((q) => [q.key, q.label]));

export const QUALIFIER_COLUMNS: DataColumn[] = [
  { key: "qualifiers", description: "Keys of the topic's qualifying facts the stance carries, separated by semicolons." },
  { key: "qualifier_labels", description: "The same facts in words." },
];

export function qualifierCells(data: ExportData, keys: readonly string[]): { qualifiers: string; qualifier_labels: string } {
  const labels = qualifierLabels(data);
  return { qualifiers: keys.join("; "), qualifier_labels: keys.map((k) => labels.get(k) ?? k).join("; ") };
}

/** The topic's scale as a legend, each category with how many marks the picture draws in it. */
export const categoryLegend = (data: ExportData, counts: ReadonlyMap<string, number>): LegendEntry[] =>
  [...data.topic.categories]
    .sort((a, b) => a.order - b.order)
    .map((c, index) => ({ label: withCount(c.label, counts.get(c.key) ?? 0), colour: c.colour, index }));

export function filterText(s: ExportState): string {
  const parts: string[] = [];
  if (s.region) parts.push(`region ${s.region}`);
  if (s.kind?.length) parts.push(s.kind.map((k) => KIND_NAMES[k] ?? k).join(", "));
  if (s.sent?.length) parts.push(`${s.sent.map((k) => (SENTIMENT_LABELS[k] ?? k).toLowerCase()).join(", ")} reactions`);
  if (s.nkind?.length) parts.push(`reactions by ${s.nkind.map((k) => (KIND_NAMES[k] ?? k).toLowerCase()).join(", ")}`);
  return parts.length ? ` Showing only ${parts.join("; ")}.` : "";
}

/** "1 actor", "3 actors": a count and its noun, in the singular for one. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? noun : plural}`;
}

/** A legend label with its count, as the dashboard's legend shows it: "Formal recognition (1)". */
export function withCount(label: string, n: number): string {
  return `${label} (${n.toLocaleString("en")})`;
}

/** How many times each value occurs. */
export function tally<T>(values: Iterable<T>): Map<T, number> {
  const out = new Map<T, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}
