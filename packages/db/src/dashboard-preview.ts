// The dashboard's compact data with every open draft change applied on top: what editors preview
// before a reviewer publishes. Published data is read as usual; drafts are laid over it in memory.
import type { AnyRecord, DataGap, RecordOf, Topic } from "@stancemap/core";
import { countsFrom, edtfFirstDay, speakerLabel } from "@stancemap/core";
import type { Db } from "./client";
import { openChanges } from "./curation/drafts";
import { type Principal, requireRole } from "./curation/errors";
import type { CompactActor, CompactEvent, CompactReaction, CompactStance } from "./dashboard";

export interface PreviewParts {
  topics: Topic[];
  topic: string;
  actors: CompactActor[];
  stances: CompactStance[];
  /** The topic's no-data notes, each with the period it holds for (core's gapReason reads them). */
  gaps: DataGap[];
  events: CompactEvent[];
  reactions: CompactReaction[] | null;
  sources: { id: string; publisher: string; title: string; publishedOn: string | null; url: string | null }[];
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A draft change as `openChanges` gives it. */
export interface OpenChange {
  type: string;
  key: string;
  op: "upsert" | "delete";
  record: AnyRecord | null;
}

/**
 * A list keyed for the preview: a change replaces or removes its key's entry in constant time, a replaced
 * entry going to the end as a new one does. Keys are unique in the lists the database gives (sources
 * deduplicated, one gap per actor and topic, a change's key its record's), so keying loses nothing. (Filtering and sorting the whole list once per change made a
 * 20,000-row import's draft take minutes of one process's event loop.)
 */
class Keyed<T> {
  readonly #byKey = new Map<string, T>();
  changed = false;
  constructor(
    list: T[],
    readonly keyOf: (t: T) => string,
  ) {
    for (const t of list) this.#byKey.set(keyOf(t), t);
  }
  get(key: string): T | undefined {
    return this.#byKey.get(key);
  }
  put(key: string, value: T | null): void {
    this.#byKey.delete(key);
    if (value) this.#byKey.set(key, value);
    this.changed = true;
  }
  /** The list: as given when no change touched it, else in the order of the changes, sorted by `order` if given. */
  list(original: T[], order?: (a: T, b: T) => number): T[] {
    if (!this.changed) return original;
    const out = [...this.#byKey.values()];
    return order ? out.sort(order) : out;
  }
}

/** A draft's records as the compact rows the dashboard reads (dashboard.ts's reads give the published ones). */
export const previewRow = {
  source: (s: RecordOf<"source">): PreviewParts["sources"][number] => ({
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    publishedOn: s.publishedOn ?? null,
    url: s.url ?? null,
  }),
  actor: (a: RecordOf<"actor">): CompactActor => ({
    slug: a.slug,
    name: a.name,
    kind: a.kind,
    iso3: a.iso3 ?? null,
    isoNumeric: a.isoNumeric ?? null,
    region: a.region ?? null,
    affiliation: a.affiliation ?? null,
    role: a.role ?? null,
    names: a.names,
    aliases: a.aliases.map((x) => ({ name: x.name, kind: x.kind, ...(x.lang ? { lang: x.lang } : {}) })),
  }),
  event: (e: RecordOf<"event">): CompactEvent => ({
    slug: e.slug,
    date: e.date,
    title: e.title,
    series: e.series ?? null,
    sources: e.evidence.map((x) => x.source),
    actors: [...(e.actors ?? [])].sort(),
  }),
  /** `nameOf` and `publisherOf`: the previewed actors' names and sources' publishers. */
  stance: (
    s: RecordOf<"stance">,
    nameOf: (slug: string) => string | undefined,
    publisherOf: (source: string) => string | undefined,
  ): CompactStance => {
    const quoted = s.evidence.find((e) => e.quote);
    return {
      id: s.id,
      actor: s.actor,
      topic: s.topic,
      category: s.category,
      validFrom: s.validFrom ?? null,
      attested: s.attested,
      validUntil: s.validUntil ?? null,
      qualifiers: s.qualifiers ?? [],
      confidence: s.confidence,
      quote: quoted?.quote ? quoted.quote.text.slice(0, 160) : null,
      speaker: quoted?.quote ? speakerLabel(quoted.quote.speaker, nameOf) : null,
      publisher: (s.evidence[0] && publisherOf(s.evidence[0].source)) ?? null,
      sources: s.evidence.map((x) => x.source),
    };
  },
  reaction: (x: RecordOf<"reaction">): CompactReaction => ({
    id: x.id,
    actor: x.actor,
    target: x.target,
    date: x.date ?? null,
    attested: x.attested,
    sentiment: x.sentiment,
    summary: x.summary,
    sources: x.evidence.map((y) => y.source),
  }),
};

/** A change's record as the type it names (null when it deletes). */
export const recordOf = <T extends keyof RecordOfMap>(c: OpenChange) => (c.op === "delete" ? null : (c.record as RecordOfMap[T] | null));

/** Applies open drafts to the published parts. Returns the new parts and how many changes were applied. */
export async function withOpenDrafts(
  db: Db,
  who: Principal | null,
  parts: PreviewParts,
): Promise<{ parts: PreviewParts; applied: number }> {
  requireRole(who, "editor");
  const changes = await openChanges(db);
  return { parts: applyChanges(parts, changes), applied: changes.length };
}

/** The parts with `changes` laid over them (the parts themselves are not changed). */
export function applyChanges(parts: PreviewParts, changes: OpenChange[]): PreviewParts {
  const sources = new Keyed(parts.sources, (x) => x.id);
  const actors = new Keyed(parts.actors, (x) => x.slug);
  const topics = new Keyed(parts.topics, (x) => x.slug);
  const events = new Keyed(parts.events, (x) => x.slug);
  const stances = new Keyed(parts.stances, (x) => x.id);
  const gaps = new Keyed(parts.gaps, (x) => x.actor);
  const reactions = parts.reactions ? new Keyed(parts.reactions, (x) => x.id) : null;
  // Sources and actors first: stances look up publishers and speakers' names.
  const order = ["source", "actor", "topic", "event", "stance", "gap", "reaction"];
  for (const c of [...changes].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))) {
    switch (c.type) {
      case "source": {
        const s = recordOf<"source">(c);
        sources.put(c.key, s && previewRow.source(s));
        break;
      }
      case "actor": {
        const a = recordOf<"actor">(c);
        actors.put(c.key, a && previewRow.actor(a));
        break;
      }
      case "topic":
        topics.put(c.key, recordOf<"topic">(c));
        break;
      case "event": {
        const e = recordOf<"event">(c);
        events.put(c.key, e && previewRow.event(e));
        break;
      }
      case "stance": {
        const s = recordOf<"stance">(c);
        const onTopic = s && s.topic === parts.topic ? s : null;
        stances.put(
          c.key,
          onTopic &&
            previewRow.stance(
              onTopic,
              (slug) => actors.get(slug)?.name,
              (id) => sources.get(id)?.publisher,
            ),
        );
        break;
      }
      case "gap": {
        const [actor, topic] = c.key.split("~");
        if (topic !== parts.topic) break;
        gaps.put(actor ?? "", recordOf<"gap">(c));
        break;
      }
      case "reaction": {
        if (!reactions) break;
        const x = recordOf<"reaction">(c);
        reactions.put(c.key, x && previewRow.reaction(x));
        break;
      }
    }
  }
  const actorList = actors.list(parts.actors);
  // Whatever points at a deleted actor goes with it in the preview, as publishing would require.
  const present = new Set(actorList.map((a) => a.slug));
  return {
    ...parts,
    sources: sources.list(parts.sources),
    actors: actorList,
    topics: topics.list(parts.topics, (a, b) => (a.slug < b.slug ? -1 : 1)),
    events: events.list(parts.events, (a, b) => byKey(`${edtfFirstDay(a.date)} ${a.slug}`, `${edtfFirstDay(b.date)} ${b.slug}`)),
    stances: stances
      .list(parts.stances, (a, b) =>
        byKey(`${a.actor}\u0000${countsFrom(a)}\u0000${a.id}`, `${b.actor}\u0000${countsFrom(b)}\u0000${b.id}`),
      )
      .filter((s) => present.has(s.actor)),
    gaps: gaps.list(parts.gaps, (a, b) => byKey(a.actor, b.actor)).filter((g) => present.has(g.actor)),
    reactions: reactions && parts.reactions ? reactions.list(parts.reactions) : parts.reactions,
  };
}

type RecordOfMap = { [K in "source" | "actor" | "topic" | "event" | "stance" | "gap" | "reaction"]: RecordOf<K> };
