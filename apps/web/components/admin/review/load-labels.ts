// The names review diffs show for the keys records hold (`Pakistan` for `pakistan`, a topic's category
// labels), from the same published-plus-open-drafts lists the record forms' pickers use.
import "server-only";
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
