// How the admin names record types and records in headings: with names and titles, not bare keys.
import { type AnyRecord, type EntityType, formatEdtf, labelOf } from "@stancemap/core";
import type { PickerOptions } from "./options";

export const TYPE_LABELS: Record<EntityType, string> = {
  actor: "actor",
  topic: "topic",
  source: "source",
  stance: "stance",
  reaction: "reaction",
  event: "event",
  gap: "no-data note",
};

export function recordTitle(type: EntityType, record: AnyRecord, options: PickerOptions): string {
  const r = record as Record<string, unknown>;
  const name = (key: unknown) => options.actors.find((a) => a.key === key)?.label ?? String(key);
  const topic = options.topics.find((t) => t.key === r.topic);
  switch (type) {
    case "stance": {
      const category = topic?.categories.find((c) => c.key === r.category)?.label ?? String(r.category);
      const when = r.validFrom ? `from ${formatEdtf(String(r.validFrom))}` : `held by ${formatEdtf(String(r.attested))} (start not stated)`;
      return `${name(r.actor)} · ${topic?.label ?? String(r.topic)} → ${category}, ${when}`;
    }
    case "reaction": {
      const t = (r.target ?? {}) as { actor?: string; event?: string };
      const target = t.actor ? name(t.actor) : (options.events.find((e) => e.key === t.event)?.label ?? String(t.event));
      return `${name(r.actor)} → ${target} (${String(r.sentiment)}, ${formatEdtf(String(r.date))})`;
    }
    case "gap":
      return `${name(r.actor)} · ${topic?.label ?? String(r.topic)}`;
    default:
      return labelOf(type, record);
  }
}
