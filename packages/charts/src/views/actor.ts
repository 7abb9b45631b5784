// An actor's stance history export: its stances on the topic up to the date, as steps.
import { compareEdtf, countsFrom, formatEdtf, gapReason, stanceHistory } from "@stancemap/core/model";
import { renderActorSvg } from "../export/actor-svg";
import { stepRange } from "../stance-steps";
import {
  categoryLegend,
  citing,
  dateCells,
  dateColumns,
  type ExportData,
  type ExportModel,
  type ExportState,
  fileName,
  frameOf,
  pathOf,
  QUALIFIER_COLUMNS,
  qualifierCells,
  SOURCE_COLUMNS,
  sourceCells,
  tally,
} from "./shared";

export function actorModel(data: ExportData, s: ExportState): ExportModel {
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
        quote: st.quote ?? null,
        speaker: st.speaker ?? null,
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
        legend: categoryLegend(data, tally(stances.map((st) => st.category))),
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
        emptyMessage: `No data. ${why.reason}`,
      }),
  };
}
