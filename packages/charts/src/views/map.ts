// The map's export: each actor's stance at the date, coloured on the projected world.
import { describeHolding, formatEdtf, topicMapAt } from "@stancemap/core/model";
import { type MapBadge, renderMapSvg } from "../export/map-svg";
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

export function mapModel(data: ExportData, s: ExportState, geometry: MapGeometry | MapLayout): ExportModel {
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
  // By name, once: the badges, the alt text and the data rows list actors in this order. One collator (a
  // `localeCompare` with a locale builds one per call: most of the model's time at 20,000 actors).
  const entries = [...map.entries].sort((a, b) => byName(a.actor.name, b.actor.name));
  // Actors without territory, as the dashboard's badges: grouped by kind, in its order, by name.
  const groups = new Map<string, MapBadge[]>();
  for (const e of entries) {
    if (e.actor.isoNumeric) continue;
    const list = groups.get(e.actor.kind) ?? [];
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
  const badges = [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, list]) => ({ label: KIND_LABELS[kind] ?? kind, badges: list }));
  // A region's map shows its countries: the projection fits them.
  const focus = s.region
    ? map.entries.flatMap((e) => (e.actor.isoNumeric && e.actor.region === s.region ? [e.actor.isoNumeric] : []))
    : undefined;
  const counts = tally(map.entries.map((e) => (e.status === "stance" ? e.category.key : null)));
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
  let rows: Record<string, Cell>[] | undefined;
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
    // The cells the alt text reads, without the dates and sources that make a full row costly.
    get altRows() {
      return entries.map((e) => ({
        name: e.actor.name,
        category: e.status === "stance" ? e.category.key : "no-data",
        uncertain: e.status === "stance" ? String(e.uncertain) : null,
        basis: e.status === "stance" ? e.basis : null,
      }));
    },
    // The data table's rows (a row per actor: thousands at scale) are made only for the data files that
    // list them, not for every picture; once.
    get rows() {
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
    },
    render: (o) =>
      renderMapSvg({
        world: drawable(geometry),
        categoryOf,
        cueOf,
        qualifiersOf,
        qualifiers: (data.topic.qualifiers ?? []).map((q) => q.label),
        hidden,
        highlight,
        badges,
        focus,
        noDataCount: counts.get(null) ?? 0,
        legend: map.legend.map((l, i) => ({ label: withCount(l.label, counts.get(l.key) ?? 0), colour: l.colour, index: i })),
        categoryNames: map.legend.map((l) => l.label),
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
      }),
  };
}
