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

function upsert<T>(list: T[], keyOf: (t: T) => string, key: string, value: T | null): T[] {
  const rest = list.filter((t) => keyOf(t) !== key);
  return value ? [...rest, value] : rest;
}

/** Applies open drafts to the published parts. Returns the new parts and how many changes were applied. */
export async function withOpenDrafts(
  db: Db,
  who: Principal | null,
  parts: PreviewParts,
): Promise<{ parts: PreviewParts; applied: number }> {
  requireRole(who, "editor");
  const changes = await openChanges(db);
  let p = { ...parts };
  const record = <T extends keyof RecordOfMap>(r: AnyRecord | null) => r as RecordOfMap[T] | null;
  // Sources and actors first: stances look up publishers and speakers' names.
  const order = ["source", "actor", "topic", "event", "stance", "gap", "reaction"];
  for (const c of [...changes].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))) {
    const r = c.op === "delete" ? null : c.record;
    switch (c.type) {
      case "source": {
        const s = record<"source">(r);
        p.sources = upsert(
          p.sources,
          (x) => x.id,
          c.key,
          s && { id: s.id, publisher: s.publisher, title: s.title, publishedOn: s.publishedOn ?? null, url: s.url ?? null },
        );
        break;
      }
      case "actor": {
        const a = record<"actor">(r);
        p.actors = upsert(
          p.actors,
          (x) => x.slug,
          c.key,
          a && {
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
          },
        );
        break;
      }
      case "topic": {
        const t = record<"topic">(r);
        p.topics = upsert(p.topics, (x) => x.slug, c.key, t).sort((a, b) => (a.slug < b.slug ? -1 : 1));
        break;
      }
      case "event": {
        const e = record<"event">(r);
        p.events = upsert(
          p.events,
          (x) => x.slug,
          c.key,
          e && {
            slug: e.slug,
            date: e.date,
            title: e.title,
            series: e.series ?? null,
            sources: e.evidence.map((x) => x.source),
            actors: [...(e.actors ?? [])].sort(),
          },
        ).sort((a, b) => byKey(`${edtfFirstDay(a.date)} ${a.slug}`, `${edtfFirstDay(b.date)} ${b.slug}`));
        break;
      }
      case "stance": {
        const s = record<"stance">(r);
        const quoted = s?.evidence.find((e) => e.quote);
        const onTopic = s && s.topic === p.topic ? s : null;
        p.stances = upsert(
          p.stances,
          (x) => x.id,
          c.key,
          onTopic && {
            id: onTopic.id,
            actor: onTopic.actor,
            topic: onTopic.topic,
            category: onTopic.category,
            validFrom: onTopic.validFrom ?? null,
            attested: onTopic.attested,
            validUntil: onTopic.validUntil ?? null,
            qualifiers: onTopic.qualifiers ?? [],
            confidence: onTopic.confidence,
            quote: quoted?.quote ? quoted.quote.text.slice(0, 160) : null,
            speaker: quoted?.quote ? speakerLabel(quoted.quote.speaker, (slug) => p.actors.find((a) => a.slug === slug)?.name) : null,
            publisher: p.sources.find((x) => x.id === onTopic.evidence[0]?.source)?.publisher ?? null,
            sources: onTopic.evidence.map((x) => x.source),
          },
        ).sort((a, b) => byKey(`${a.actor}\u0000${countsFrom(a)}\u0000${a.id}`, `${b.actor}\u0000${countsFrom(b)}\u0000${b.id}`));
        break;
      }
      case "gap": {
        const g = record<"gap">(r);
        const [actor, topic] = c.key.split("~");
        if (topic !== p.topic) break;
        p.gaps = upsert(p.gaps, (x) => x.actor, actor ?? "", g).sort((a, b) => byKey(a.actor, b.actor));
        break;
      }
      case "reaction": {
        if (!p.reactions) break;
        const x = record<"reaction">(r);
        p.reactions = upsert(
          p.reactions,
          (y) => y.id,
          c.key,
          x && {
            id: x.id,
            actor: x.actor,
            target: x.target,
            date: x.date ?? null,
            attested: x.attested,
            sentiment: x.sentiment,
            summary: x.summary,
            sources: x.evidence.map((y) => y.source),
          },
        );
        break;
      }
    }
  }
  // Whatever points at a deleted actor goes with it in the preview, as publishing would require.
  const actors = new Set(p.actors.map((a) => a.slug));
  p = { ...p, stances: p.stances.filter((s) => actors.has(s.actor)), gaps: p.gaps.filter((g) => actors.has(g.actor)) };
  return { parts: p, applied: changes.length };
}

type RecordOfMap = { [K in "source" | "actor" | "topic" | "event" | "stance" | "gap" | "reaction"]: RecordOf<K> };
