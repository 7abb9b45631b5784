// What the record forms' pickers offer: every published actor, source, event and topic, paged through
// the read queries (not the whole dataset: stances and reactions are not needed), plus the records of
// open drafts: reviewers see all open drafts, editors their own.
import "server-only";
import { type AnyRecord, formatEdtf, roleAtLeast } from "@stancemap/core";
import { type Db, listActors, listDrafts, listEvents, listSources, listTopics, type Principal } from "@stancemap/db";
import type { PickerOptions, PickOption, TopicOption } from "./options";

const PAGE = 1000;

async function all<T>(page: (cursor: string | undefined) => Promise<{ data: T[]; page: { nextCursor: string | null } }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const res = await page(cursor);
    out.push(...res.data);
    cursor = res.page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

type R = Record<string, unknown>;
const actorOption = (a: R): PickOption => ({
  key: String(a.slug),
  label: String(a.name),
  hint: [a.kind, a.role].filter(Boolean).join(" · "),
});
const sourceOption = (s: R): PickOption => ({
  key: String(s.id),
  label: `${s.publisher}: ${s.title}`,
  hint: [s.author, s.publishedOn ? formatEdtf(String(s.publishedOn)) : s.dateNote].filter(Boolean).join(" · "),
});
const eventOption = (e: R): PickOption => ({ key: String(e.slug), label: String(e.title), hint: formatEdtf(String(e.date)) });
const topicOption = (t: R): TopicOption => ({
  key: String(t.slug),
  label: String(t.title),
  categories: ((t.categories ?? []) as R[]).map((c) => ({
    key: String(c.key),
    label: String(c.label),
    colour: String(c.colour),
    order: Number(c.order),
  })),
  qualifiers: ((t.qualifiers ?? []) as R[]).map((q) => ({
    key: String(q.key),
    label: String(q.label),
    ...(q.description ? { description: String(q.description) } : {}),
  })),
});

export async function loadPickerOptions(db: Db, who: Principal): Promise<PickerOptions> {
  const [actors, sources, events, topics, drafts] = await Promise.all([
    all((cursor) => listActors(db, { limit: PAGE, cursor })),
    all((cursor) => listSources(db, { limit: PAGE, cursor })),
    all((cursor) => listEvents(db, { limit: PAGE, cursor })),
    listTopics(db).then((r) => r.data),
    listDrafts(db, who, roleAtLeast(who.role, "reviewer") ? {} : { author: who.id }),
  ]);
  const lists = {
    actors: new Map(actors.map((a) => [a.slug, actorOption(a as unknown as R)])),
    sources: new Map(sources.map((s) => [s.id, sourceOption(s as unknown as R)])),
    events: new Map(events.map((e) => [e.slug, eventOption(e as unknown as R)])),
    topics: new Map(topics.map((t) => [t.slug, topicOption(t as unknown as R)])),
  };
  const shape = {
    actor: ["actors", actorOption],
    source: ["sources", sourceOption],
    event: ["events", eventOption],
    topic: ["topics", topicOption],
  } as const;
  for (const draft of drafts) {
    for (const item of draft.items) {
      if (!(item.type in shape)) continue;
      const [list, toOption] = shape[item.type as keyof typeof shape];
      const map = lists[list] as Map<string, PickOption>;
      const existing = map.get(item.key);
      if (item.op === "delete") {
        // Still published until a reviewer publishes the deletion; say so rather than hide it.
        if (existing)
          map.set(item.key, { ...existing, hint: [existing.hint, `deletion proposed in ${draft.id}`].filter(Boolean).join(" · ") });
      } else if (item.record) {
        // A draft's version replaces the published one in the label; only a draft-only record is tied to its draft.
        const option = (toOption as (r: R) => PickOption)(item.record as AnyRecord as unknown as R);
        map.set(item.key, item.published ? option : { ...option, draftId: draft.id });
      }
    }
  }
  const byLabel = (a: PickOption, b: PickOption) => a.label.localeCompare(b.label);
  return {
    actors: [...lists.actors.values()].sort(byLabel),
    sources: [...lists.sources.values()].sort(byLabel),
    events: [...lists.events.values()].sort((a, b) => String(a.hint).localeCompare(String(b.hint))),
    topics: [...lists.topics.values()].sort(byLabel) as TopicOption[],
  };
}
