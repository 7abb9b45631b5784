// The timeline's export: events and stance changes up to the date, as the dashboard's timeline draws
// them: from TIMELINE_START, with the facts before it on a compact segment at the left (from the new
// year of the first of them), and the axis ending at the last dated fact plus a margin.
import { formatEdtf } from "@stancemap/core/model";
import { renderTimelineSvg } from "../export/timeline-svg";
import { changeMarks } from "../stance-changes";
import { rangeStartEdtf } from "../stance-steps";
import { dateSpan, layoutMarks, timelineScale } from "../timeline";
import { storyAxis, storyStart } from "../timeline-story";
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

/** A fact's first known day ("../2025-07-03" is known by 3 July 2025). */
const known = (d: string) => {
  const { first, last } = dateSpan(d);
  return /^\d/.test(first) ? first : last;
};

/** The first day of the timeline for facts up to `date` (the new year of the first fact before
 * TIMELINE_START, else TIMELINE_START), for the export and its alt text alike. */
export function timelineStart(dates: readonly string[], date: string): string {
  return storyStart(
    dates.filter((d) => known(d) <= date),
    TIMELINE_START,
  );
}
export function timelineModel(data: ExportData, s: ExportState): ExportModel {
  const names = new Map(data.actors.map((a) => [a.slug, a.name]));
  const categories = [...data.topic.categories].sort((a, b) => a.order - b.order);
  const index = new Map(categories.map((c, i) => [c.key, i]));
  const label = new Map(categories.map((c) => [c.key, c.label]));
  // Stance changes by core's rule: a stance known only from its attestation is no change.
  const changes = changeMarks(data.stances, data.topic.slug, {
    actor: (slug) => names.get(slug) ?? slug,
    category: label,
    qualifier: qualifierLabels(data),
  });
  const scoped = changes.filter((c) => !s.actor || c.actor === s.actor);
  const from = timelineStart([...data.events.map((e) => e.date), ...scoped.map((c) => c.date)], s.date);
  const to = s.date < from ? from : s.date;
  // A date is in the range when any day it covers is.
  const inRange = (d: string) => {
    const { first, last } = dateSpan(d);
    return last >= from && first <= to;
  };
  const events = data.events.filter((e) => inRange(e.date));
  // The latest stance changes when there are more than a picture can mark; the subtitle says so.
  const inView = scoped.filter((c) => inRange(c.date)).reverse();
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
  // The axis: its compact earlier segment, and its end at the last fact drawn plus a margin.
  const axisOf = () => {
    const axis = storyAxis([...events.map((e) => e.date), ...stances.map((c) => c.date)], TIMELINE_START, to);
    return { split: axis.split, end: axis.end };
  };
  const eventBySlug = new Map(events.map((e) => [`e:${e.slug}`, e]));
  const changeById = new Map(stances.map((c) => [c.id, c]));
  const who = s.actor ? (names.get(s.actor) ?? s.actor) : null;
  const base = {
    path: pathOf("timeline", s),
    defaults: {
      title: who ? `${who}: events and stance changes` : "Events and stance changes",
      subtitle: `${data.topic.title}, ${formatEdtf(from < TIMELINE_START ? rangeStartEdtf(from) : from)} to ${formatEdtf(to)}.${cut}`,
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
        ...axisOf(),
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
