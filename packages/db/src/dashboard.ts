// Compact, whole-topic reads for the dashboard: everything the browser needs to move through time
// without asking the server again (stance timelines, reaction edges), in a few SQL statements (Kysely,
// kysely.ts). The whole-dataset reads are shared by the requests of one revision (read-cache.ts).
import type { AliasKind } from "@stancemap/core";
import { type SelectQueryBuilder, sql } from "kysely";
import type { Db } from "./client";
import type { DB } from "./generated/sqlite/kysely";
import { inList } from "./kysely";
import { jsonList } from "./mappers";
import { sharedRead } from "./read-cache";
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

/** Every actor (shared by the requests of one revision), or only those with these slugs (an actor page or its export reads one). */
export async function selectCompactActors(db: Db, only?: readonly string[]): Promise<CompactActor[]> {
  if (only?.length === 0) return [];
  return only ? compactActors(db, only) : sharedRead(db, "compactActors", () => compactActors(db));
}

async function compactActors(db: Db, only?: readonly string[]): Promise<CompactActor[]> {
  const slugIn = inList(db.provider, sql.ref("a.slug"), only ?? []);
  const [rows, names, aliases] = await Promise.all([
    db.kysely
      .selectFrom("Actor as a")
      .leftJoin("Actor as af", "af.id", "a.affiliationId")
      .select(["a.slug as slug", "a.name as name", "a.kind as kind", "a.iso3 as iso3", "a.isoNumeric as isoNumeric", "a.region as region"])
      .select(["af.slug as affiliation", "a.role as role"])
      .$if(only !== undefined, (q) => q.where(slugIn))
      .orderBy("a.slug")
      .execute(),
    db.kysely
      .selectFrom("ActorName as n")
      .innerJoin("Actor as a", "a.id", "n.actorId")
      .select(["a.slug as actor", "n.name as name", "n.lang as lang", "n.dir as dir"])
      .$if(only !== undefined, (q) => q.where(slugIn))
      .orderBy("a.slug")
      .orderBy("n.lang")
      .execute(),
    db.kysely
      .selectFrom("ActorAlias as x")
      .innerJoin("Actor as a", "a.id", "x.actorId")
      .select(["a.slug as actor", "x.name as name", "x.kind as kind", "x.lang as lang"])
      .$if(only !== undefined, (q) => q.where(slugIn))
      .orderBy("a.slug")
      .orderBy("x.position")
      .execute(),
  ]);
  const byActor = new Map<string, CompactActor["names"]>();
  for (const n of names)
    byActor.set(n.actor, [...(byActor.get(n.actor) ?? []), { name: n.name, lang: n.lang, dir: n.dir as "ltr" | "rtl" }]);
  const aliasesOf = new Map<string, CompactActor["aliases"]>();
  for (const x of aliases)
    aliasesOf.set(x.actor, [
      ...(aliasesOf.get(x.actor) ?? []),
      { name: x.name, kind: x.kind as AliasKind, ...(x.lang ? { lang: x.lang } : {}) },
    ]);
  return rows.map((r) => ({ ...r, names: byActor.get(r.slug) ?? [], aliases: aliasesOf.get(r.slug) ?? [] }));
}

type CitedColumn = "stanceId" | "reactionId" | "eventId";
type EvidenceQuery = SelectQueryBuilder<DB & { e: DB["Evidence"] }, "e", { id: string; source: string }>;

/** Source ids per cited record (stance, reaction or event), in evidence order; `narrow` restricts which records. */
async function citedSources(db: Db, column: CitedColumn, narrow?: (q: EvidenceQuery) => EvidenceQuery): Promise<Map<string, string[]>> {
  const all = db.kysely
    .selectFrom("Evidence as e")
    .select([sql<string>`${sql.ref(`e.${column}`)}`.as("id"), "e.sourceId as source"]) as unknown as EvidenceQuery;
  const rows = await (narrow ? narrow(all) : all.where(`e.${column}`, "is not", null))
    .orderBy(`e.${column}`)
    .orderBy("e.position")
    .execute();
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
  return actor === undefined
    ? sharedRead(db, `timeline\u0000${topicSlug}`, () => stanceTimeline(db, topicSlug))
    : stanceTimeline(db, topicSlug, [actor]);
}

/** The stances on a topic of these actors only (the dashboard's first screen draws a few hundred of thousands). */
export async function selectStanceTimelineOf(db: Db, topicSlug: string, actors: readonly string[]): Promise<CompactStance[]> {
  return actors.length === 0 ? [] : stanceTimeline(db, topicSlug, actors);
}

async function stanceTimeline(db: Db, topicSlug: string, actors?: readonly string[]): Promise<CompactStance[]> {
  // One actor (its page, its export) keeps the plain equality and its plan.
  const actorIn =
    actors?.length === 1 ? sql<boolean>`${sql.ref("a.slug")} = ${actors[0]}` : inList(db.provider, sql.ref("a.slug"), actors ?? []);
  const [rows, sources] = await Promise.all([
    db.kysely
      .selectFrom("Stance as st")
      .innerJoin("Actor as a", "a.id", "st.actorId")
      .innerJoin("Topic as t", "t.id", "st.topicId")
      .innerJoin("Category as c", "c.id", "st.categoryId")
      .select([
        "st.id as id",
        "a.slug as actor",
        "t.slug as topic",
        "c.key as category",
        "st.validFrom as validFrom",
        "st.attested as attested",
        "st.validUntil as validUntil",
        "st.qualifiers as qualifiers",
        "st.confidence as confidence",
      ])
      .select((eb) => {
        // The first quote of the stance: its start, and who said it.
        const firstQuote = () =>
          eb
            .selectFrom("Evidence as e")
            .whereRef("e.stanceId", "=", "st.id")
            .where("e.quoteText", "is not", null)
            .orderBy("e.position")
            .limit(1);
        return [
          firstQuote()
            .select(sql<string>`substr(${sql.ref("e.quoteText")}, 1, 160)`.as("q"))
            .as("quote"),
          firstQuote()
            .leftJoin("Actor as sp", "sp.id", "e.quoteSpeakerId")
            .select(
              sql<string>`COALESCE(${sql.ref("e.quoteSpeakerName")}, ${sql.ref("sp.name")}) || COALESCE(', ' || ${sql.ref("e.quoteSpeakerTitle")}, '')`.as(
                "s",
              ),
            )
            .as("speaker"),
          eb
            .selectFrom("Evidence as e")
            .innerJoin("Source as so", "so.id", "e.sourceId")
            .select("so.publisher")
            .whereRef("e.stanceId", "=", "st.id")
            .orderBy("e.position")
            .limit(1)
            .as("publisher"),
        ];
      })
      .where("t.slug", "=", topicSlug)
      .$if(actors !== undefined, (q) => q.where(actorIn))
      .orderBy("a.slug")
      .orderBy("st.countsFrom")
      .orderBy("st.id")
      .execute(),
    citedSources(
      db,
      "stanceId",
      (q) =>
        q
          .innerJoin("Stance as st", "st.id", "e.stanceId")
          .innerJoin("Topic as t", "t.id", "st.topicId")
          .innerJoin("Actor as a", "a.id", "st.actorId")
          .where("t.slug", "=", topicSlug)
          .$if(actors !== undefined, (w) => w.where(actorIn)) as unknown as EvidenceQuery,
    ),
  ]);
  return rows.map((r) => ({
    ...r,
    quote: r.quote ?? null,
    speaker: r.speaker ?? null,
    publisher: r.publisher ?? null,
    qualifiers: jsonList<string>(r.qualifiers),
    sources: sources.get(r.id) ?? [],
  }));
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
  // (in chunks, under SQLite's limit on bound values).
  const sources = new Map<string, string[]>();
  for (let i = 0; i < rows.length; i += 5000) {
    const ids = rows.slice(i, i + 5000).map((r) => r.id);
    for (const [id, list] of await citedSources(db, "reactionId", (q) => q.where("e.reactionId", "in", ids))) sources.set(id, list);
  }
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

/** Every event in date order, with its sources and the actors taking part (shared by the requests of one revision). */
export async function selectCompactEvents(db: Db): Promise<CompactEvent[]> {
  // Events, who took part (actor slugs are ids: an actor's edit changes none) and the sources they cite.
  return sharedRead(db, "compactEvents", () => compactEvents(db), ["event"]);
}

async function compactEvents(db: Db): Promise<CompactEvent[]> {
  const [rows, sources, taking] = await Promise.all([
    db.kysely
      .selectFrom("Event as e")
      .select(["e.id as id", "e.slug as slug", "e.date as date", "e.title as title", "e.series as series"])
      .orderBy("e.sortDate")
      .orderBy("e.slug")
      .execute(),
    citedSources(db, "eventId"),
    db.kysely
      .selectFrom("EventActor as ea")
      .innerJoin("Actor as a", "a.id", "ea.actorId")
      .select(["ea.eventId as id", "a.slug as actor"])
      .orderBy("ea.eventId")
      .orderBy("a.slug")
      .execute(),
  ]);
  const actors = new Map<string, string[]>();
  for (const t of taking) actors.set(t.id, [...(actors.get(t.id) ?? []), t.actor]);
  return rows.map(({ id, ...r }) => ({ ...r, sources: sources.get(id) ?? [], actors: actors.get(id) ?? [] }));
}
