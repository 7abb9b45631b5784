// Compact, whole-topic reads for the dashboard: everything the browser needs to move through time
// without asking the server again (stance timelines, reaction edges), in a few SQL statements.
import type { Db } from "./client";
import { REACTION_SELECT, type ReactionRow } from "./read-model";

export interface CompactActor {
  slug: string;
  name: string;
  kind: string;
  iso3: string | null;
  isoNumeric: string | null;
  region: string | null;
  affiliation: string | null;
  role: string | null;
  names: { name: string; lang: string; dir: "ltr" | "rtl" }[];
}

export interface CompactStance {
  id: string;
  actor: string;
  topic: string;
  category: string;
  validFrom: string;
  validFromPrecision: string;
  validUntil: string | null;
  confidence: string;
  /** The first quote, cut to 160 characters: enough for a tooltip; the full record is one request away. */
  quote: string | null;
  speaker: string | null;
  publisher: string | null;
}

export interface CompactReaction {
  id: string;
  actor: string;
  target: { actor: string } | { event: string };
  date: string;
  sentiment: string;
  summary: string;
  /** The first source's publisher: exports name who is cited by what they show. */
  publisher: string | null;
}

export interface CompactEvent {
  slug: string;
  date: string;
  datePrecision: string;
  title: string;
  series: string | null;
  /** The first source's publisher. */
  publisher: string | null;
}

export async function selectCompactActors(db: Db): Promise<CompactActor[]> {
  const [rows, names] = await Promise.all([
    db.sql.all<Omit<CompactActor, "names">>(
      `SELECT a."slug" AS "slug", a."name" AS "name", a."kind" AS "kind", a."iso3" AS "iso3", a."isoNumeric" AS "isoNumeric",
              a."region" AS "region", af."slug" AS "affiliation", a."role" AS "role"
       FROM "Actor" a LEFT JOIN "Actor" af ON af."id" = a."affiliationId" ORDER BY a."slug"`,
    ),
    db.sql.all<{ actor: string; name: string; lang: string; dir: "ltr" | "rtl" }>(
      `SELECT a."slug" AS "actor", n."name" AS "name", n."lang" AS "lang", n."dir" AS "dir"
       FROM "ActorName" n JOIN "Actor" a ON a."id" = n."actorId" ORDER BY a."slug", n."lang"`,
    ),
  ]);
  const byActor = new Map<string, CompactActor["names"]>();
  for (const n of names) byActor.set(n.actor, [...(byActor.get(n.actor) ?? []), { name: n.name, lang: n.lang, dir: n.dir }]);
  return rows.map((r) => ({ ...r, names: byActor.get(r.slug) ?? [] }));
}

/** Every stance on a topic, all dates, with the start of its first quote and its first source's publisher. */
export async function selectStanceTimeline(db: Db, topicSlug: string): Promise<CompactStance[]> {
  return db.sql.all<CompactStance>(
    `SELECT st."id" AS "id", a."slug" AS "actor", t."slug" AS "topic", c."key" AS "category", st."validFrom" AS "validFrom",
            st."validFromPrecision" AS "validFromPrecision", st."validUntil" AS "validUntil", st."confidence" AS "confidence",
            (SELECT substr(e."quoteText", 1, 160) FROM "Evidence" e WHERE e."stanceId" = st."id" AND e."quoteText" IS NOT NULL ORDER BY e."position" LIMIT 1) AS "quote",
            (SELECT sp."name" FROM "Evidence" e JOIN "Actor" sp ON sp."id" = e."quoteSpeakerId"
               WHERE e."stanceId" = st."id" AND e."quoteText" IS NOT NULL ORDER BY e."position" LIMIT 1) AS "speaker",
            (SELECT so."publisher" FROM "Evidence" e JOIN "Source" so ON so."id" = e."sourceId"
               WHERE e."stanceId" = st."id" ORDER BY e."position" LIMIT 1) AS "publisher"
     FROM "Stance" st JOIN "Actor" a ON a."id" = st."actorId" JOIN "Topic" t ON t."id" = st."topicId" JOIN "Category" c ON c."id" = st."categoryId"
     WHERE t."slug" = $1 ORDER BY a."slug", st."validFrom"`,
    [topicSlug],
  );
}

export async function selectReactionEdges(db: Db, limit: number): Promise<CompactReaction[]> {
  const [rows, publishers] = await Promise.all([
    db.sql.all<ReactionRow>(`${REACTION_SELECT} ORDER BY r."date", r."id" LIMIT $1`, [limit]),
    db.sql.all<{ id: string; publisher: string }>(
      `SELECT e."reactionId" AS "id", so."publisher" AS "publisher" FROM "Evidence" e JOIN "Source" so ON so."id" = e."sourceId"
       WHERE e."reactionId" IS NOT NULL ORDER BY e."reactionId", e."position" DESC`,
    ),
  ]);
  // Ordered by position descending, so the last write per reaction is its first source.
  const publisherOf = new Map(publishers.map((p) => [p.id, p.publisher]));
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor,
    target: r.targetActor != null ? { actor: r.targetActor } : { event: r.targetEvent ?? "" },
    date: r.date,
    sentiment: r.sentiment,
    summary: r.summary,
    publisher: publisherOf.get(r.id) ?? null,
  }));
}

export async function selectCompactEvents(db: Db): Promise<CompactEvent[]> {
  return db.sql.all<CompactEvent>(
    `SELECT e."slug" AS "slug", e."date" AS "date", e."datePrecision" AS "datePrecision", e."title" AS "title", e."series" AS "series",
            (SELECT so."publisher" FROM "Evidence" ev JOIN "Source" so ON so."id" = ev."sourceId"
               WHERE ev."eventId" = e."id" ORDER BY ev."position" LIMIT 1) AS "publisher"
     FROM "Event" e ORDER BY e."date", e."slug"`,
  );
}
