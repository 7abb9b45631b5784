// The timeline's export: events and stance changes from the timeline's start to the date.
import { formatEdtf } from "@stancemap/core/model";
import { renderTimelineSvg } from "../export/timeline-svg";
import { changeMarks } from "../stance-changes";
import { dateSpan, layoutMarks, timelineScale } from "../timeline";
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
  MAX_STANCE_MARKS,
  pathOf,
  QUALIFIER_COLUMNS,
  qualifierCells,
  qualifierLabels,
  SOURCE_COLUMNS,
  sourceCells,
  TIMELINE_START,
  tally,
} from "./shared";

export function timelineModel(data: ExportData, s: ExportState): ExportModel {
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
        legend: categoryLegend(data, tally(stances.map((c) => c.category))),
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
      }),
  };
}
