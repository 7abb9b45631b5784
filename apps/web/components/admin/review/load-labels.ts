// The names review diffs show for the keys records hold (`Pakistan` for `pakistan`, a topic's category
// labels), from the same published-plus-open-drafts lists the record forms' pickers use.
import "server-only";
import { type AnyRecord, type EntityType, formatEdtf, labelOf, type RecordOf } from "@stancemap/core";
import type { Db, Principal } from "@stancemap/db";
import { loadPickerOptions } from "../form/load-options";
import type { PickOption } from "../form/options";
import type { DiffLabels } from "./record-diff-model";

const byKey = (options: PickOption[]) => new Map(options.map((o) => [o.key, o.label]));

export async function loadDiffLabels(db: Db, who: Principal): Promise<DiffLabels> {
  const options = await loadPickerOptions(db, who);
  return {
    actors: byKey(options.actors),
    topics: byKey(options.topics),
    sources: byKey(options.sources),
    events: byKey(options.events),
    categories: new Map(options.topics.map((t) => [t.key, new Map(t.categories.map((c) => [c.key, c.label]))])),
  };
}

/**
 * A record's one-line name with the keys it holds read as labels: "Pakistan · Posture toward the Taliban
 * government → Limited engagement from 5 July 2025" rather than `pakistan · posture-… → limited-engagement`.
 * Records that hold no keys keep their own label.
 */
export function namedLabel(labels: DiffLabels, type: EntityType, record: AnyRecord | null, fallback: string): string {
  if (!record) return fallback;
  const actor = (key: string) => labels.actors.get(key) ?? key;
  const topic = (key: string) => labels.topics.get(key) ?? key;
  switch (type) {
    case "stance": {
      const s = record as RecordOf<"stance">;
      const category = labels.categories.get(s.topic)?.get(s.category) ?? s.category;
      return `${actor(s.actor)} · ${topic(s.topic)} → ${category} from ${formatEdtf(s.validFrom)}`;
    }
    case "gap": {
      const g = record as RecordOf<"gap">;
      return `No data: ${actor(g.actor)} · ${topic(g.topic)}`;
    }
    case "reaction": {
      const r = record as RecordOf<"reaction">;
      const target =
        "actor" in r.target && r.target.actor
          ? actor(r.target.actor)
          : (labels.events.get(String((r.target as { event?: string }).event)) ?? "");
      return `${actor(r.actor)} → ${target} (${r.sentiment}, ${formatEdtf(r.date)})`;
    }
    default:
      return labelOf(type, record);
  }
}
