// Compact, whole-topic reads for the dashboard: everything the browser needs to move through time
// without asking the server again (stance timelines, reaction edges), in a few SQL statements.
import type { AliasKind } from "@stancemap/core";
import type { Db } from "./client";
import { jsonList } from "./mappers";
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
  /** Other names (search finds the actor by them), in the editor's order. */
  aliases: { name: string; kind: AliasKind; lang?: string }[];
}

/** A stance as the map needs it over time: its dates as stored (EDTF), for core's stanceAt/stancesAt to read. */
export interface CompactStance {
  id: string;
  actor: string;
  topic: string;
  category: string;
  /** EDTF; null when the sources do not say when it began. */
  validFrom: string | null;
  /** EDTF: the date of the earliest evidence. */
  attested: string;
  /** EDTF; null while it holds. */
  validUntil: string | null;
  /** Keys of the topic's qualifiers that hold for it. */
  qualifiers: string[];
  confidence: string;
  /** The first quote, cut to 160 characters: enough for a tooltip; the full record is one request away. */
  quote: string | null;
  speaker: string | null;
  publisher: string | null;
  /** Ids of every source cited as evidence, in order: exports name who is cited by what they show. */
  sources: string[];
}

export interface CompactReaction {
  id: string;
  actor: string;
  target: { actor: string } | { event: string };
  /** EDTF; null when the sources do not say when it was made (it counts from `attested`). */
  date: string | null;
  /** EDTF: the date of the earliest evidence that reports it. */
  attested: string;
  sentiment: string;
  summary: string;
  /** Ids of every source cited as evidence, in order. */
  sources: string[];
}

export interface CompactEvent {
  slug: string;
  /** EDTF. */
  date: string;
  title: string;
  series: string | null;
  /** Ids of every source cited as evidence, in order. */
  sources: string[];
  /** Slugs of the actors taking part, in slug order (the sequence links reactions to an event by them). */
  actors: string[];
}

/** Every actor, or only those with these slugs (an actor page or its export reads one). */
export async function selectCompactActors(db: Db, only?: readonly string[]): Promise<CompactActor[]> {
  if (only?.length === 0) return [];
  const where = (column: string) => (only ? `WHERE ${db.sql.inList(column, 1)}` : "");
  const params = only ? [db.sql.list(only)] : [];
  const [rows, names, aliases] = await Promise.all([
    db.sql.all<Omit<CompactActor, "names" | "aliases">>(
      `SELECT a."slug" AS "slug", a."name" AS "name", a."kind" AS "kind", a."iso3" AS "iso3", a."isoNumeric" AS "isoNumeric",
              a."region" AS "region", af."slug" AS "affiliation", a."role" AS "role"
       FROM "Actor" a LEFT JOIN "Actor" af ON af."id" = a."affiliationId" ${where('a."slug"')} ORDER BY a."slug"`,
      params,
    ),
    db.sql.all<{ actor: string; name: string; lang: string; dir: "ltr" | "rtl" }>(
      `SELECT a."slug" AS "actor", n."name" AS "name", n."lang" AS "lang", n."dir" AS "dir"
       FROM "ActorName" n JOIN "Actor" a ON a."id" = n."actorId" ${where('a."slug"')} ORDER BY a."slug", n."lang"`,
      params,
    ),
    db.sql.all<{ actor: string; name: string; kind: AliasKind; lang: string | null }>(
      `SELECT a."slug" AS "actor", x."name" AS "name", x."kind" AS "kind", x."lang" AS "lang"
       FROM "ActorAlias" x JOIN "Actor" a ON a."id" = x."actorId" ${where('a."slug"')} ORDER BY a."slug", x."position"`,
      params,
    ),
  ]);
  const byActor = new Map<string, CompactActor["names"]>();
  for (const n of names) byActor.set(n.actor, [...(byActor.get(n.actor) ?? []), { name: n.name, lang: n.lang, dir: n.dir }]);
  const aliasesOf = new Map<string, CompactActor["aliases"]>();
  for (const x of aliases)
    aliasesOf.set(x.actor, [...(aliasesOf.get(x.actor) ?? []), { name: x.name, kind: x.kind, ...(x.lang ? { lang: x.lang } : {}) }]);
  return rows.map((r) => ({ ...r, names: byActor.get(r.slug) ?? [], aliases: aliasesOf.get(r.slug) ?? [] }));
}

/** Source ids per cited record (stance, reaction or event), in evidence order. */
async function citedSources(
  db: Db,
  column: "stanceId" | "reactionId" | "eventId",
  where = "",
  params: unknown[] = [],
): Promise<Map<string, string[]>> {
  const rows = await db.sql.all<{ id: string; source: string }>(
    `SELECT e."${column}" AS "id", e."sourceId" AS "source" FROM "Evidence" e ${where || `WHERE e."${column}" IS NOT NULL`}
     ORDER BY e."${column}", e."position"`,
    params,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(r.source);
    else out.set(r.id, [r.source]);
  }
  return out;
}

/**
 * Every stance on a topic (of one actor, when given), all dates, with the start of its first quote and its
 * first source's publisher; by actor, then in the order they count from (the stored sort key, core's countsFrom).
 */
export async function selectStanceTimeline(db: Db, topicSlug: string, actor?: string): Promise<CompactStance[]> {
  const ofActor = actor === undefined ? "" : ` AND a."slug" = $2`;
  const params = actor === undefined ? [topicSlug] : [topicSlug, actor];
  const [rows, sources] = await Promise.all([
    db.sql.all<Omit<CompactStance, "sources" | "qualifiers"> & { qualifiers: string }>(
      `SELECT st."id" AS "id", a."slug" AS "actor", t."slug" AS "topic", c."key" AS "category", st."validFrom" AS "validFrom",
            st."attested" AS "attested", st."validUntil" AS "validUntil", st."qualifiers" AS "qualifiers", st."confidence" AS "confidence",
            (SELECT substr(e."quoteText", 1, 160) FROM "Evidence" e WHERE e."stanceId" = st."id" AND e."quoteText" IS NOT NULL ORDER BY e."position" LIMIT 1) AS "quote",
            (SELECT COALESCE(e."quoteSpeakerName", sp."name") || COALESCE(', ' || e."quoteSpeakerTitle", '')
               FROM "Evidence" e LEFT JOIN "Actor" sp ON sp."id" = e."quoteSpeakerId"
               WHERE e."stanceId" = st."id" AND e."quoteText" IS NOT NULL ORDER BY e."position" LIMIT 1) AS "speaker",
            (SELECT so."publisher" FROM "Evidence" e JOIN "Source" so ON so."id" = e."sourceId"
               WHERE e."stanceId" = st."id" ORDER BY e."position" LIMIT 1) AS "publisher"
     FROM "Stance" st JOIN "Actor" a ON a."id" = st."actorId" JOIN "Topic" t ON t."id" = st."topicId" JOIN "Category" c ON c."id" = st."categoryId"
     WHERE t."slug" = $1${ofActor} ORDER BY a."slug", st."countsFrom", st."id"`,
      params,
    ),
    citedSources(
      db,
      "stanceId",
      `JOIN "Stance" st ON st."id" = e."stanceId" JOIN "Topic" t ON t."id" = st."topicId" JOIN "Actor" a ON a."id" = st."actorId"
       WHERE t."slug" = $1${ofActor}`,
      params,
    ),
  ]);
  return rows.map((r) => ({ ...r, qualifiers: jsonList<string>(r.qualifiers), sources: sources.get(r.id) ?? [] }));
}

/** Which reactions the network asks for: those that count from `to` or earlier, of these sentiments and
 * reacting actors' kinds (each list empty or absent for all). */
export interface ReactionEdgeScope {
  /** ISO day. */
  to?: string;
  sentiments?: readonly string[];
  kinds?: readonly string[];
}

function edgeScope(db: Db, scope: ReactionEdgeScope, first = 1): { where: string; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (scope.to) {
    params.push(scope.to);
    sql.push(`r."sortDate" <= $${first + params.length - 1}`);
  }
  if (scope.sentiments?.length) {
    params.push(db.sql.list(scope.sentiments));
    sql.push(db.sql.inList(`r."sentiment"`, first + params.length - 1));
  }
  if (scope.kinds?.length) {
    params.push(db.sql.list(scope.kinds));
    sql.push(db.sql.inList(`a."kind"`, first + params.length - 1));
  }
  return { where: sql.length ? `WHERE ${sql.join(" AND ")}` : "", params };
}

/**
 * The newest `limit` reactions in `scope`, returned in the order they count from (the first day of each
 * date, else of its attestation; then id). One statement walking the (sortDate, id) index backwards, so
 * that when there are more reactions than the network can draw, the ones left out are the oldest.
 */
export async function selectReactionEdges(db: Db, limit: number, scope: ReactionEdgeScope = {}): Promise<CompactReaction[]> {
  const s = edgeScope(db, scope);
  const rows = await db.sql.all<ReactionRow>(
    `${REACTION_SELECT} ${s.where} ORDER BY r."sortDate" DESC, r."id" DESC LIMIT $${s.params.length + 1}`,
    [...s.params, limit],
  );
  rows.reverse();
  // Only the sources of the reactions sent, not of every reaction in the database.
  const sources = rows.length
    ? await citedSources(db, "reactionId", `WHERE ${db.sql.inList(`e."reactionId"`, 1)}`, [db.sql.list(rows.map((r) => r.id))])
    : new Map<string, string[]>();
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor,
    target: r.targetActor != null ? { actor: r.targetActor } : { event: r.targetEvent ?? "" },
    date: r.date,
    attested: r.attested,
    sentiment: r.sentiment,
    summary: r.summary,
    sources: sources.get(r.id) ?? [],
  }));
}

/** How many reactions `scope` holds: the network says how many it left out. */
export async function countReactionEdges(db: Db, scope: ReactionEdgeScope = {}): Promise<number> {
  const s = edgeScope(db, scope);
  const join = scope.kinds?.length ? `JOIN "Actor" a ON a."id" = r."actorId"` : "";
  const [row] = await db.sql.all<{ n: number | string | bigint }>(`SELECT count(*) AS "n" FROM "Reaction" r ${join} ${s.where}`, s.params);
  return Number(row?.n ?? 0);
}

export async function selectCompactEvents(db: Db): Promise<CompactEvent[]> {
  const [rows, sources, taking] = await Promise.all([
    db.sql.all<Omit<CompactEvent, "sources" | "actors"> & { id: string }>(
      `SELECT e."id" AS "id", e."slug" AS "slug", e."date" AS "date", e."title" AS "title", e."series" AS "series"
     FROM "Event" e ORDER BY e."sortDate", e."slug"`,
    ),
    citedSources(db, "eventId"),
    db.sql.all<{ id: string; actor: string }>(
      `SELECT ea."eventId" AS "id", a."slug" AS "actor" FROM "EventActor" ea JOIN "Actor" a ON a."id" = ea."actorId" ORDER BY ea."eventId", a."slug"`,
    ),
  ]);
  const actors = new Map<string, string[]>();
  for (const t of taking) actors.set(t.id, [...(actors.get(t.id) ?? []), t.actor]);
  return rows.map(({ id, ...r }) => ({ ...r, sources: sources.get(id) ?? [], actors: actors.get(id) ?? [] }));
}
