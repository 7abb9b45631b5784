// The change between two dates: who moved between `from` and `date` along the topic's ordered scale
// (core's changesBetween), as a map coloured by movement with the list of changes beside it. A stance
// known only from its attestation (start not stated) is never drawn or listed as a change.
import { CHANGE_MOVEMENTS, changeRange, changesBetween, formatEdtf, MOVEMENTS, type Movement } from "@stancemap/core/model";
import { type ChangeList, renderChangeSvg } from "../export/change-svg";
import type { LegendEntry } from "../export/frame";
import { MOVEMENT_COLOURS, movementLabel } from "../movement";
import type { MapGeometry, MapLayout } from "../world";
import { drawable } from "../world-shapes";
import {
  citing,
  counted,
  dateCells,
  dateColumns,
  type ExportData,
  type ExportModel,
  type ExportState,
  fileName,
  frameOf,
  pathOf,
  SOURCE_COLUMNS,
  sourceCells,
  withCount,
} from "./shared";

/** "Formal recognition" → "formal recognition", in a sentence. */
const lower = (label: string) => (/^[A-Z][a-z]/.test(label) ? `${label[0]?.toLowerCase()}${label.slice(1)}` : label);

/** On a dark ground the greys of what is no change are darker, so that they do not outshine the moves. */
function movementColour(m: Movement, theme: string): string {
  if (theme === "dark" && m === "unchanged") return "#74787f";
  if (theme === "dark" && m === "attested-only") return "#4a4e55";
  return MOVEMENT_COLOURS[m];
}

/** The movements' order in the legend and the list: moves, then the uncertain, then what is no change. */
const ORDER: readonly Movement[] = [
  "toward-first",
  "toward-last",
  "requalified",
  "new",
  "ended",
  "uncertain",
  "unchanged",
  "attested-only",
];

export function changeModel(data: ExportData, s: ExportState, geometry: MapGeometry | MapLayout): ExportModel {
  // The dashboard's two dates: the link's, or its default (the day before the latest dated move).
  const { from, to } = changeRange({ from: s.from ?? null, to: s.date, stances: data.stances, topic: data.topic.slug });
  const categories = [...data.topic.categories].sort((a, b) => a.order - b.order);
  const categoryLabel = (key: string | null | undefined) => (key ? (categories.find((c) => c.key === key)?.label ?? key) : "No stance");
  const result = changesBetween({ stances: data.stances, topic: data.topic.slug, categories, from, to });
  const actors = new Map(data.actors.map((a) => [a.slug, a]));
  const nameOf = (slug: string) => actors.get(slug)?.name ?? slug;
  const label = (m: Movement) => movementLabel(m, categories);
  const isChange = (m: Movement) => CHANGE_MOVEMENTS.includes(m);
  const index = new Map(ORDER.map((m, i) => [m, i]));
  const cited = (m: (typeof result.actors)[number]): string[] => {
    if (!isChange(m.movement)) return [];
    const ids = [...(m.after ? [m.after.stance] : []), ...m.steps.flatMap((st) => [st.to ?? st.from ?? []].flat())];
    return [...new Set(ids.flatMap((st) => st.sources))];
  };
  const changes = result.actors.filter((m) => isChange(m.movement));
  const notChanges = result.actors.filter((m) => !isChange(m.movement));
  const attestedOnly = notChanges.filter((m) => m.movement === "attested-only");
  const unchanged = notChanges.filter((m) => m.movement === "unchanged");

  // The map: each country by its movement; countries of the dataset with no stance on either date as no data.
  const categoryOf: Record<string, number | null> = {};
  for (const a of data.actors) if (a.isoNumeric) categoryOf[a.isoNumeric] = null;
  for (const m of result.actors) {
    const iso = actors.get(m.actor)?.isoNumeric;
    if (iso) categoryOf[iso] = index.get(m.movement) ?? null;
  }
  const noDataCount = data.actors.filter((a) => a.isoNumeric && categoryOf[a.isoNumeric] === null).length;
  // Every movement present, and both directions along the scale always (a zero says nobody moved that way).
  const legend = (theme: string): LegendEntry[] =>
    ORDER.flatMap((m) =>
      result.counts[m] > 0 || m === "toward-first" || m === "toward-last"
        ? [{ label: withCount(label(m), result.counts[m]), colour: movementColour(m, theme), index: index.get(m) ?? 0 }]
        : [],
    );

  const stepText = (m: (typeof result.actors)[number]) =>
    m.steps
      .map((st) => `${formatEdtf(st.date)}${st.straddles ? " (dated imprecisely)" : ""}: ${categoryLabel(st.to?.category ?? null)}`)
      .join("; ");
  const period = `${formatEdtf(from)} to ${formatEdtf(to)}`;
  const names = (list: typeof notChanges) =>
    list
      .map((m) => nameOf(m.actor))
      .sort((a, b) => a.localeCompare(b, "en"))
      .join(", ");
  const list = (theme: string): ChangeList => ({
    heading: `Changes, ${period} (${changes.length})`,
    empty: `No stance changed between ${formatEdtf(from)} and ${formatEdtf(to)}, as far as the sources date it.`,
    entries: changes.map((m) => {
      const last = m.steps.at(-1);
      const publishers = sourceCells(data, cited(m)).publishers;
      return {
        index: index.get(m.movement) ?? 0,
        colour: movementColour(m.movement, theme),
        name: nameOf(m.actor),
        what:
          m.movement === "uncertain"
            ? `May have changed: ${m.because}`
            : `From ${lower(categoryLabel(m.before?.stance.category))} to ${lower(categoryLabel(m.after?.stance.category))}`,
        detail: [last ? formatEdtf(last.date) : "", publishers ? `Source: ${publishers}` : ""].filter(Boolean).join(" · "),
      };
    }),
    notes: [
      ...(attestedOnly.length ? [`Attested only, start not stated, so not changes (${attestedOnly.length}): ${names(attestedOnly)}.`] : []),
      ...(unchanged.length ? [`Unchanged (${unchanged.length}): ${names(unchanged)}.`] : []),
    ],
    shortNotes:
      attestedOnly.length || unchanged.length
        ? [
            `Not changes: ${[
              ...(attestedOnly.length ? [`${attestedOnly.length} attested only (start not stated)`] : []),
              ...(unchanged.length ? [`${unchanged.length} unchanged`] : []),
            ].join(", ")}.`,
          ]
        : [],
  });

  const summary = [
    counted(changes.filter((m) => m.movement !== "uncertain").length, "change"),
    ...(result.counts.uncertain ? [`${result.counts.uncertain} uncertain (dates too imprecise to say)`] : []),
    ...(attestedOnly.length ? [`${attestedOnly.length} attested only (start not stated), not changes`] : []),
  ].join("; ");
  const base = {
    path: pathOf("change", { ...s, from }),
    defaults: {
      title: `${data.topic.title}: who moved, ${period}`,
      subtitle: `${data.topic.question} Stances on ${formatEdtf(from)} and on ${formatEdtf(to)} compared: ${summary}.`,
    },
    ...citing(data, changes.map(cited)),
  };
  const holdingCells = (key: "before" | "after", h: (typeof result.actors)[number]["before"]) => ({
    [`${key}_category`]: h?.stance.category ?? null,
    [`${key}_category_label`]: h ? categoryLabel(h.stance.category) : null,
    [`${key}_basis`]: h?.basis ?? null,
    ...dateCells(`${key}_since`, h?.since ?? null),
  });
  const holdingColumns = (key: "before" | "after", when: string) => [
    { key: `${key}_category`, description: `Key of the category that held on ${when}; empty when none did.` },
    { key: `${key}_category_label`, description: "The category as the legend names it." },
    {
      key: `${key}_basis`,
      description: "began: counted from the stance's stated start; attested: its start is not stated, counted from its attestation.",
    },
    ...dateColumns(`${key}_since`, "The date that stance counts from"),
  ];
  return {
    view: "change",
    tooLarge: null,
    name: fileName(data.topic.slug, "change", `${from}-to-${to}`),
    ...base,
    columns: [
      { key: "actor", description: "The actor's slug (its key in the API)." },
      { key: "name", description: "The actor's name." },
      { key: "iso3", description: "ISO 3166-1 alpha-3 code, for states." },
      {
        key: "movement",
        description: `How the stance moved between the two dates: ${MOVEMENTS.join(", ")}. Changes: ${CHANGE_MOVEMENTS.join(", ")}; unchanged and attested-only (start not stated) are not changes.`,
      },
      { key: "movement_label", description: "The movement as the legend names it." },
      { key: "is_change", description: "true for a change (or a possible one: uncertain); false for unchanged and attested-only." },
      { key: "because", description: "Why the movement is what it is, in words." },
      { key: "shift", description: "Positions moved on the scale (negative: toward its first category); empty without both dates." },
      ...holdingColumns("before", "the first date"),
      ...holdingColumns("after", "the second date"),
      { key: "steps", description: "The dated steps between the two dates, in order: date and the category after it." },
      ...SOURCE_COLUMNS,
    ],
    rows: [...changes, ...notChanges].map((m) => ({
      actor: m.actor,
      name: nameOf(m.actor),
      iso3: actors.get(m.actor)?.iso3 ?? null,
      movement: m.movement,
      movement_label: label(m.movement),
      is_change: String(isChange(m.movement)),
      because: m.because,
      shift: m.shift,
      ...holdingCells("before", m.before),
      ...holdingCells("after", m.after),
      steps: stepText(m) || null,
      ...sourceCells(data, cited(m)),
    })),
    render: (o) =>
      renderChangeSvg({
        world: drawable(geometry),
        categoryOf,
        noDataCount,
        noDataLabel: "No stance on either date",
        legend: legend(o.theme),
        list: list(o.theme),
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
      }),
  };
}
