// A view's alt text, from the rows its model draws (packages/charts/src/alt-text.ts says it in words).
// Shared by the export dialog, the export API (SVG <desc>, PDF metadata) and the embeds.
import {
  actorAltText,
  changeAltText,
  type MapAltRow,
  mapAltInput,
  mapAltText,
  networkAltText,
  rangeStartEdtf,
  SENTIMENT_LABELS,
  sequenceAltText,
  timelineAltText,
} from "@stancemap/charts";
import { timelineStart } from "@stancemap/charts/views";
import { TIMELINE_START } from "@/lib/url-state";
import type { Cell, ExportData, ExportModel, ExportState } from "./views";

const str = (c: Cell | undefined): string => (c === null || c === undefined ? "" : String(c));
const altRow = (r: Record<string, Cell>): MapAltRow => ({
  name: str(r.name),
  category: str(r.category),
  uncertain: r.uncertain === null || r.uncertain === undefined ? null : str(r.uncertain),
  basis: r.basis === null || r.basis === undefined ? null : str(r.basis),
});

export function altTextOf(
  model: Pick<ExportModel, "view" | "rows" | "mapAlt">,
  data: Pick<ExportData, "topic" | "actors">,
  s: ExportState,
): string {
  // Read lazily: a map's alt text comes with its picture, and its rows are a row per actor.
  const rows = model.view === "map" && model.mapAlt ? [] : model.rows;
  switch (model.view) {
    case "map":
      // The picture's own input (made with it); else from the rows, one per actor in name order.
      return mapAltText(model.mapAlt ?? mapAltInput(data.topic, s, rows.map(altRow)));
    case "network":
      return networkAltText({
        date: s.date,
        sentiments: Object.values(SENTIMENT_LABELS),
        reactions: rows.map((r) => ({
          actor: str(r.actor_name),
          target: str(r.target_name),
          sentiment: SENTIMENT_LABELS[str(r.sentiment)] ?? str(r.sentiment),
        })),
      });
    case "timeline": {
      const mark = (r: Record<string, Cell>) => ({ date: str(r.date), label: str(r.label) });
      // From where the export's axis starts: the year of its first fact when that precedes the timeline's start.
      const from = timelineStart(rows.map((r) => str(r.date)).filter(Boolean), s.date);
      return timelineAltText({
        topic: data.topic.title,
        from: from < TIMELINE_START ? rangeStartEdtf(from) : from,
        to: s.date < from ? from : s.date,
        events: rows.filter((r) => r.type === "event").map(mark),
        changes: rows.filter((r) => r.type === "stance").map(mark),
        actor: s.actor ? (data.actors.find((a) => a.slug === s.actor)?.name ?? s.actor) : undefined,
      });
    }
    case "actor":
      return actorAltText({
        actor: data.actors.find((a) => a.slug === s.actor)?.name ?? str(s.actor),
        topic: data.topic.title,
        date: s.date,
        steps: rows.map((r) => ({ label: str(r.category_label), validFrom: str(r.valid_from) || null, attested: str(r.attested) })),
      });
    case "change": {
      const changes = rows.filter((r) => r.is_change === "true");
      return changeAltText({
        topic: data.topic.title,
        from: s.from && s.from <= s.date ? s.from : s.date,
        to: s.date,
        changes: changes.map((r) => ({
          name: str(r.name),
          movement: str(r.movement),
          label: str(r.movement_label),
          before: str(r.before_category_label) || null,
          after: str(r.after_category_label) || null,
        })),
        attestedOnly: rows.filter((r) => r.movement === "attested-only").length,
        unchanged: rows.filter((r) => r.movement === "unchanged").length,
      });
    }
    case "sequence": {
      const reference = rows.find((r) => r.fact === "reference");
      return sequenceAltText({
        topic: data.topic.title,
        reference: reference
          ? `${str(reference.name)}: ${str(reference.category_label).toLowerCase()}, ${str(reference.date_label)}`
          : null,
        after: rows
          .filter((r) => r.first_after_reference === "true" && r.fact !== "reference" && r.actor !== reference?.actor)
          .map((r) => ({ name: str(r.name), kind: r.fact === "attested" ? "attested" : "move", lag: str(r.lag_label) })),
      });
    }
  }
}
