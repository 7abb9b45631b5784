// The map's export: each actor's stance at the date, coloured on the projected world.
import { describeHolding, formatEdtf, topicMapAt } from "@stancemap/core/model";
import { type MapAltInput, mapAltInput } from "../alt-text";
import type { HoldingCue } from "../cues";
import { MAX_NAMED_BADGES, type MapBadge, type MapBadgeGroup, renderMapSvg } from "../export/map-svg";
import { KIND_LABELS } from "../palette";
import type { MapGeometry, MapLayout } from "../world";
import { drawable } from "../world-shapes";
import {
  type Cell,
  citing,
  dateCells,
  dateColumns,
  type ExportData,
  type ExportModel,
  type ExportState,
  fileName,
  filterText,
  frameOf,
  pathOf,
  QUALIFIER_COLUMNS,
  qualifierCells,
  SOURCE_COLUMNS,
  sourceCells,
  tally,
  withCount,
} from "./shared";

const byName = new Intl.Collator("en").compare;

/**
 * What a map picture draws of the data at its date and filters (region, kind): everything its SVG, PNG
 * and PDF need but the data table's rows. Plain data, so it crosses to the render worker and is kept per
 * revision, and bounded by the picture rather than the dataset: the countries, the badges it names (past
 * MAX_NAMED_BADGES actors with a stance it names none: one badge per category, cue and qualifiers of each
 * kind, standing for `n` actors; past as many with no data, one badge of each kind stands for those), the
 * counts, the sources cited and the alt text's input.
 */
export interface MapPicture {
  revision: number;
  topic: ExportData["topic"];
  /** The map ids (ISO numeric) of every state in the data, for the projected world. */
  states: string[];
  categoryOf: Record<string, number | null>;
  cueOf: Record<string, HoldingCue>;
  qualifiersOf: Record<string, number[]>;
  hidden: string[];
  focus?: string[];
  badges: MapBadgeGroup[];
  legend: { key: string; label: string; colour: string }[];
  /** Actors per category key, and with no data (null). */
  counts: [string | null, number][];
  publishers: string[];
  sources: ExportModel["sources"];
  alt: MapAltInput;
}

/** The topic's map at the date over the actors the filters leave, its entries in name order. */
function mapEntries(data: ExportData, s: ExportState) {
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
  // By name, once: the badges, the alt text and the data rows list actors in this order. One collator (a
  // `localeCompare` with a locale builds one per call: most of the model's time at 20,000 actors).
  const entries = [...map.entries].sort((a, b) => byName(a.actor.name, b.actor.name));
  return { map, entries };
}

type Entries = ReturnType<typeof mapEntries>;

/** Thousands of badges a picture only counts, as one badge per category, cue and qualifiers (with `n`). */
function collapsed(list: readonly MapBadge[]): MapBadge[] {
  const alike = new Map<string, MapBadge & { n: number }>();
  for (const b of list) {
    const qualifiers = [...new Set(b.qualifiers ?? [])].sort((x, y) => x - y);
    const key = `${b.index}|${b.cue?.uncertain ? 1 : 0}${b.cue?.attested ? 1 : 0}|${qualifiers.join(",")}`;
    const same = alike.get(key);
    if (same) same.n++;
    else
      alike.set(key, {
        name: "",
        index: b.index,
        ...(b.cue ? { cue: { uncertain: b.cue.uncertain, attested: b.cue.attested } } : {}),
        ...(qualifiers.length ? { qualifiers } : {}),
        n: 1,
      });
  }
  return [...alike.values()];
}

function pictureOf(data: ExportData, s: ExportState, { map, entries }: Entries): MapPicture {
  const order = new Map(map.legend.map((l, i) => [l.key, i]));
  const qualifierIndex = new Map((data.topic.qualifiers ?? []).map((q, i) => [q.key, i]));
  const categoryOf: Record<string, number | null> = {};
  const cueOf: Record<string, HoldingCue> = {};
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
  // Actors without territory, as the dashboard's badges: grouped by kind, in its order, by name.
  const groups = new Map<string, MapBadge[]>();
  let named = 0;
  let unnamed = 0;
  for (const e of entries) {
    if (e.actor.isoNumeric) continue;
    const list = groups.get(e.actor.kind) ?? [];
    if (e.status === "stance") named++;
    else unnamed++;
    list.push(
      e.status === "stance"
        ? {
            name: e.actor.name,
            index: order.get(e.category.key) ?? null,
            cue: { uncertain: e.uncertain, attested: e.basis === "attested" },
            qualifiers: e.qualifiers.flatMap((q) => (qualifierIndex.has(q) ? [qualifierIndex.get(q) as number] : [])),
          }
        : { name: e.actor.name, index: null },
    );
    groups.set(e.actor.kind, list);
  }
  const kindOrder = Object.keys(KIND_LABELS);
  const rank = (kind: string) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length);
  // Past MAX_NAMED_BADGES actors with a stance, or with no data, the picture counts them (renderMapSvg): it
  // carries what it counts, not every name.
  const counted = named > MAX_NAMED_BADGES;
  const noDataCounted = !counted && unnamed > MAX_NAMED_BADGES;
  const badges = [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, list]) => ({
      label: KIND_LABELS[kind] ?? kind,
      badges: counted
        ? collapsed(list)
        : noDataCounted
          ? [...list.filter((b) => b.index !== null), ...collapsed(list.filter((b) => b.index === null))]
          : list,
    }));
  const states = data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : []));
  // A region's map shows its countries: the projection fits them.
  const focus = s.region
    ? map.entries.flatMap((e) => (e.actor.isoNumeric && e.actor.region === s.region ? [e.actor.isoNumeric] : []))
    : undefined;
  return {
    revision: data.revision,
    topic: data.topic,
    states,
    categoryOf,
    cueOf,
    qualifiersOf,
    hidden,
    ...(focus ? { focus } : {}),
    badges,
    legend: map.legend.map((l) => ({ key: l.key, label: l.label, colour: l.colour })),
    counts: [...tally(map.entries.map((e) => (e.status === "stance" ? e.category.key : null)))],
    ...citing(
      data,
      map.entries.map((e) => (e.status === "stance" ? e.stance.sources : [])),
    ),
    alt: mapAltInput(
      data.topic,
      s,
      entries.map((e) => ({
        name: e.actor.name,
        category: e.status === "stance" ? e.category.key : "no-data",
        uncertain: e.status === "stance" ? String(e.uncertain) : null,
        basis: e.status === "stance" ? e.basis : null,
      })),
    ),
  };
}

/** The map picture of `data` in state `s` (exportPicture applies the view's state). */
export function mapPicture(data: ExportData, s: ExportState): MapPicture {
  return pictureOf(data, s, mapEntries(data, s));
}

/** The map's export from its picture alone: the SVG, PNG and PDF. Its data rows are not there (the data
 * download reads the whole map: mapModel). */
export function mapPictureModel(picture: MapPicture, s: ExportState, geometry: MapGeometry | MapLayout): ExportModel {
  return pictureModel(picture, s, geometry, () => {
    throw new Error("a map picture carries no data rows: the data download is made from the whole map (mapModel)");
  });
}

export function mapModel(data: ExportData, s: ExportState, geometry: MapGeometry | MapLayout): ExportModel {
  const mapped = mapEntries(data, s);
  const { entries } = mapped;
  let rows: Record<string, Cell>[] | undefined;
  // The data table's rows (a row per actor: thousands at scale) are made only for the data files that
  // list them, not for every picture; once.
  return pictureModel(pictureOf(data, s, mapped), s, geometry, () => {
    rows ??= entries.map((e) => ({
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
    }));
    return rows;
  });
}

function mapColumns(topicTitle: string): ExportModel["columns"] {
  return [
    { key: "actor", description: "The actor's slug (its key in the API)." },
    { key: "name", description: "The actor's name." },
    { key: "kind", description: "State, organisation, group, person…" },
    { key: "iso3", description: "ISO 3166-1 alpha-3 code, for states." },
    { key: "region", description: "The actor's region." },
    { key: "category", description: `Key of the stance's category on "${topicTitle}", or no-data.` },
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
  ];
}

function pictureModel(
  picture: MapPicture,
  s: ExportState,
  geometry: MapGeometry | MapLayout,
  rows: () => Record<string, Cell>[],
): ExportModel {
  const { topic } = picture;
  const counts = new Map(picture.counts);
  const highlighted = picture.legend.filter((l) => s.cat?.includes(l.key));
  const highlight = highlighted.map((l) => picture.legend.indexOf(l));
  const emphasis = highlighted.length ? ` Highlighted: ${highlighted.map((l) => l.label).join(", ")}.` : "";
  const base = {
    path: pathOf("map", s),
    defaults: { title: topic.title, subtitle: `${topic.question} As of ${formatEdtf(s.date)}.${filterText(s)}${emphasis}` },
    publishers: picture.publishers,
    sources: picture.sources,
  };
  return {
    view: "map",
    tooLarge: null,
    name: fileName(topic.slug, "map", s.date),
    ...base,
    columns: mapColumns(topic.title),
    mapAlt: picture.alt,
    get rows() {
      return rows();
    },
    render: (o) =>
      renderMapSvg({
        world: drawable(geometry),
        categoryOf: picture.categoryOf,
        cueOf: picture.cueOf,
        qualifiersOf: picture.qualifiersOf,
        qualifiers: (topic.qualifiers ?? []).map((q) => q.label),
        hidden: picture.hidden,
        highlight,
        badges: picture.badges,
        focus: picture.focus,
        noDataCount: counts.get(null) ?? 0,
        legend: picture.legend.map((l, i) => ({ label: withCount(l.label, counts.get(l.key) ?? 0), colour: l.colour, index: i })),
        categoryNames: picture.legend.map((l) => l.label),
        frame: frameOf(base, picture.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
      }),
  };
}
