// The shipped dataset (prisma/dataset) as an export reads it for one topic, for tests: the same records
// packages/db's compact reads give, with events' actors and every reaction.
import { readFileSync } from "node:fs";
import type { ExportData } from "../views/data";

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../../prisma/dataset/${name}.json`, import.meta.url), "utf8"));

type Evidence = { source: string };
type RawStance = Omit<
  ExportData["stances"][number],
  "sources" | "quote" | "speaker" | "publisher" | "qualifiers" | "validFrom" | "validUntil"
> & {
  evidence: Evidence[];
  qualifiers?: string[];
  validFrom?: string | null;
  validUntil?: string | null;
};
type RawActor = {
  slug: string;
  name: string;
  kind: string;
  iso3?: string;
  isoNumeric?: string;
  region?: string;
  affiliation?: string;
  role?: string;
};
type RawSource = { id: string; publisher: string; title: string; publishedOn?: string; url?: string; citedIn?: { source: string } };
type RawEvent = { slug: string; date: string; title: string; series?: string; actors?: string[]; evidence?: Evidence[] };
type RawReaction = Omit<NonNullable<ExportData["reactions"]>[number], "sources" | "date"> & { date?: string | null; evidence: Evidence[] };

export function shippedData(topicSlug = "posture-toward-taliban-government"): ExportData {
  const topic = read<ExportData["topic"][]>("topics").find((t) => t.slug === topicSlug);
  if (!topic) throw new Error(`no topic ${topicSlug}`);
  return {
    revision: 1,
    topic,
    actors: read<RawActor[]>("actors").map((a) => ({
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      iso3: a.iso3 ?? null,
      isoNumeric: a.isoNumeric ?? null,
      region: a.region ?? null,
      affiliation: a.affiliation ?? null,
      role: a.role ?? null,
      names: [],
    })),
    stances: read<RawStance[]>("stances")
      .filter((s) => s.topic === topicSlug)
      .map((s) => ({
        id: s.id,
        actor: s.actor,
        topic: s.topic,
        category: s.category,
        validFrom: s.validFrom ?? null,
        attested: s.attested,
        validUntil: s.validUntil ?? null,
        qualifiers: s.qualifiers ?? [],
        confidence: s.confidence,
        quote: null,
        speaker: null,
        publisher: null,
        sources: s.evidence.map((e) => e.source),
      })),
    gaps: read<{ actor: string; topic: string; note: string }[]>("gaps").filter((g) => g.topic === topicSlug),
    events: read<RawEvent[]>("events").map((e) => ({
      slug: e.slug,
      date: e.date,
      title: e.title,
      series: e.series ?? null,
      sources: (e.evidence ?? []).map((x) => x.source),
      actors: e.actors ?? [],
    })),
    reactions: read<RawReaction[]>("reactions").map((r) => ({
      id: r.id,
      actor: r.actor,
      target: r.target,
      date: r.date ?? null,
      attested: r.attested,
      sentiment: r.sentiment,
      summary: r.summary,
      sources: r.evidence.map((e) => e.source),
    })),
    sources: read<RawSource[]>("sources").map((s) => ({
      id: s.id,
      publisher: s.publisher,
      title: s.title,
      publishedOn: s.publishedOn ?? null,
      url: s.url ?? null,
      citedIn: s.citedIn?.source ?? null,
    })),
  };
}
