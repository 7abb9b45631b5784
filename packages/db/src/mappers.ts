// Database rows to the core contract's shapes, and the includes that load what each needs.
import type { Actor, ActorAlias, DataGap, Event, Evidence, Qualifier, Reaction, Source, Stance, Topic } from "@stancemap/core";
import type { Prisma } from "./generated/sqlite/client";

/** A JSON array column (qualifiers), written by records.ts from a validated record; anything else reads as none. */
export function jsonList<T>(text: string | null | undefined): T[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export const evidenceArgs = {
  orderBy: { position: "asc" },
  include: { quoteSpeaker: { select: { slug: true } } },
} as const satisfies Prisma.Stance$evidenceArgs;

export const actorInclude = {
  names: { orderBy: { lang: "asc" } },
  aliases: { orderBy: { position: "asc" } },
  affiliation: { select: { slug: true } },
} as const satisfies Prisma.ActorInclude;

export const stanceInclude = {
  actor: { select: { slug: true } },
  topic: { select: { slug: true } },
  category: { select: { key: true } },
  evidence: evidenceArgs,
} as const satisfies Prisma.StanceInclude;

export const reactionInclude = {
  actor: { select: { slug: true } },
  targetActor: { select: { slug: true } },
  targetEvent: { select: { slug: true } },
  evidence: evidenceArgs,
} as const satisfies Prisma.ReactionInclude;

export const eventInclude = {
  actors: { include: { actor: { select: { slug: true } } } },
  evidence: evidenceArgs,
} as const satisfies Prisma.EventInclude;

export const topicInclude = { categories: { orderBy: { order: "asc" } } } as const satisfies Prisma.TopicInclude;
export const gapInclude = { actor: { select: { slug: true } }, topic: { select: { slug: true } } } as const satisfies Prisma.DataGapInclude;

type EvidenceRow = Prisma.EvidenceGetPayload<{ include: { quoteSpeaker: { select: { slug: true } } } }>;

/** Drops undefined and null optionals so a mapped record equals its dataset form exactly. */
function compact<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] == null) delete record[key];
  return record;
}

export function toEvidence(row: EvidenceRow): Evidence {
  const quote =
    row.quoteText != null && (row.quoteSpeaker || row.quoteSpeakerName != null)
      ? compact({
          text: row.quoteText,
          // As stored: a row written before names were kept has the actor alone (its name stands).
          speaker: compact({
            name: row.quoteSpeakerName ?? undefined,
            title: row.quoteSpeakerTitle ?? undefined,
            actor: row.quoteSpeaker?.slug,
          }),
          language: row.quoteLanguage ?? "en",
          translation: row.quoteTranslation ?? undefined,
        })
      : undefined;
  return compact({ source: row.sourceId, locator: row.locator ?? undefined, quote });
}

/** An actor's row with its affiliation's slug, names (by language) and aliases (in order): Prisma's
 * `actorInclude`, or the rows the actor page reads with Kysely. */
export interface ActorRows {
  slug: string;
  name: string;
  kind: string;
  iso3: string | null;
  isoNumeric: string | null;
  role: string | null;
  region: string | null;
  description: string | null;
  affiliation: { slug: string } | null;
  names: readonly { name: string; lang: string; dir: string }[];
  aliases: readonly { name: string; kind: string; lang: string | null; sourceId: string | null }[];
}

export function toActor(row: ActorRows): Actor {
  return compact({
    slug: row.slug,
    name: row.name,
    kind: row.kind as Actor["kind"],
    iso3: row.iso3 ?? undefined,
    isoNumeric: row.isoNumeric ?? undefined,
    role: row.role ?? undefined,
    region: row.region ?? undefined,
    affiliation: row.affiliation?.slug,
    description: row.description ?? undefined,
    names: row.names.map((n) => ({ name: n.name, lang: n.lang, dir: n.dir as "ltr" | "rtl" })),
    aliases: row.aliases.map((a) =>
      compact({ name: a.name, kind: a.kind as ActorAlias["kind"], lang: a.lang ?? undefined, source: a.sourceId ?? undefined }),
    ),
  });
}

export function toTopic(row: Prisma.TopicGetPayload<{ include: typeof topicInclude }>): Topic {
  return compact({
    slug: row.slug,
    title: row.title,
    question: row.question,
    description: row.description ?? undefined,
    categories: row.categories.map((c) =>
      compact({ key: c.key, label: c.label, order: c.order, colour: c.colour, description: c.description ?? undefined }),
    ),
    qualifiers: jsonList<Qualifier>(row.qualifiers).map((q) => compact({ ...q })),
  });
}

export function toSource(row: Prisma.SourceGetPayload<{ include: { citedIn: { select: { id: true } } } }>): Source {
  return compact({
    id: row.id,
    publisher: row.publisher,
    title: row.title,
    author: row.author ?? undefined,
    publishedOn: row.publishedOn ?? undefined,
    accessedOn: row.accessedOn ?? undefined,
    dateNote: row.dateNote ?? undefined,
    url: row.url ?? undefined,
    reliability: row.reliability,
    textFile: row.textFile ?? undefined,
    text: row.textSha256 && row.textLength !== null ? { sha256: row.textSha256, length: row.textLength } : undefined,
    citedIn: row.citedIn && row.citedInLocator ? { source: row.citedIn.id, locator: row.citedInLocator } : undefined,
  });
}

export function toStance(row: Prisma.StanceGetPayload<{ include: typeof stanceInclude }>): Stance {
  return compact({
    id: row.id,
    actor: row.actor.slug,
    topic: row.topic.slug,
    category: row.category.key,
    validFrom: row.validFrom ?? undefined,
    attested: row.attested,
    validUntil: row.validUntil ?? undefined,
    qualifiers: jsonList<string>(row.qualifiers),
    confidence: row.confidence as Stance["confidence"],
    summary: row.summary,
    note: row.note ?? undefined,
    evidence: row.evidence.map(toEvidence),
  });
}

export function toGap(row: {
  actor: { slug: string };
  topic: { slug: string };
  note: string;
  validFrom: string | null;
  validUntil: string | null;
}): DataGap {
  return compact({
    actor: row.actor.slug,
    topic: row.topic.slug,
    note: row.note,
    validFrom: row.validFrom ?? undefined,
    validUntil: row.validUntil ?? undefined,
  });
}

export function toReaction(row: Prisma.ReactionGetPayload<{ include: typeof reactionInclude }>): Reaction {
  const target = row.targetActor ? { actor: row.targetActor.slug } : { event: row.targetEvent?.slug ?? "" };
  return {
    id: row.id,
    actor: row.actor.slug,
    target,
    ...(row.date != null ? { date: row.date } : {}),
    attested: row.attested,
    sentiment: row.sentiment as Reaction["sentiment"],
    summary: row.summary,
    confidence: row.confidence as Reaction["confidence"],
    evidence: row.evidence.map(toEvidence),
  };
}

export function toEvent(row: Prisma.EventGetPayload<{ include: typeof eventInclude }>): Event {
  return compact({
    slug: row.slug,
    date: row.date,
    title: row.title,
    description: row.description ?? undefined,
    series: row.series ?? undefined,
    actors: row.actors.map((a) => a.actor.slug).sort(),
    evidence: row.evidence.map(toEvidence),
  });
}
