// Hot read paths, written with Kysely (kysely.ts) over the handle's own connection: stances, reactions
// and their evidence, mapped to the core contract's shapes. Each filter combination is its own statement,
// and list filters are one parameter (inList), so every statement keeps its index seeks and its cached plan.
import type { DataGap, Evidence, GapAtDate, Holding, Reaction, Speaker, Stance } from "@stancemap/core";
import { gapReason, stanceAt } from "@stancemap/core";
import { sql } from "kysely";
import type { Db } from "./client";
import { inList } from "./kysely";
import { jsonList } from "./mappers";
import { sharedRead } from "./read-cache";

type Owner = "stanceId" | "reactionId" | "eventId";

/** A filter's value is given (an empty string filters nothing, as an absent one). */
const given = (v: string | undefined): v is string => v !== undefined && v !== "";

interface EvidenceRow {
  owner: string;
  source: string;
  locator: string | null;
  quoteText: string | null;
  speakerName: string | null;
  speakerTitle: string | null;
  speakerActor: string | null;
  quoteLanguage: string | null;
  quoteTranslation: string | null;
}

/** The dataset revision: on PostgreSQL the value its notifications keep, while that can be trusted (revision-watch.ts). */
export async function readRevision(db: Db): Promise<number> {
  const known = db.revisions?.current();
  if (known !== undefined && known !== null) return known;
  const revision = await readRevisionRow(db);
  db.revisions?.saw(revision);
  return revision;
}

/** The revision row itself, always a query (the readiness probe's read). */
export async function readRevisionRow(db: Db): Promise<number> {
  const row = await db.kysely.selectFrom("DatasetRevision").select("revision").where("id", "=", 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}

export async function topicIdBySlug(db: Db, slug: string): Promise<string | null> {
  const row = await db.kysely.selectFrom("Topic").select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id ?? null;
}

interface GapRow {
  actor: string;
  topic: string;
  note: string;
  validFrom: string | null;
  validUntil: string | null;
}

/** A topic's no-data notes (of these actors only, when given), in actor order. */
export async function selectGaps(db: Db, topicId: string, actors?: readonly string[]): Promise<DataGap[]> {
  if (actors?.length === 0) return [];
  const rows: GapRow[] = await db.kysely
    .selectFrom("DataGap as g")
    .innerJoin("Actor as a", "a.id", "g.actorId")
    .innerJoin("Topic as t", "t.id", "g.topicId")
    .select(["a.slug as actor", "t.slug as topic", "g.note as note", "g.validFrom as validFrom", "g.validUntil as validUntil"])
    .where("g.topicId", "=", topicId)
    .$if(actors !== undefined, (q) => q.where(inList(db.provider, sql.ref("a.slug"), actors ?? [])))
    .orderBy("a.slug")
    .execute();
  return rows.map((r) => {
    const gap: DataGap = { actor: r.actor, topic: r.topic, note: r.note };
    if (r.validFrom != null) gap.validFrom = r.validFrom;
    if (r.validUntil != null) gap.validUntil = r.validUntil;
    return gap;
  });
}

/** A topic's no-data notes by its slug; every actor's are shared by the requests of one revision (read-cache.ts). */
export async function selectGapsBySlug(db: Db, topicSlug: string, actors?: readonly string[]): Promise<DataGap[]> {
  const read = async () => {
    const id = await topicIdBySlug(db, topicSlug);
    return id ? selectGaps(db, id, actors) : [];
  };
  return actors ? read() : sharedRead(db, `gaps\u0000${topicSlug}`, read);
}

/** Evidence of many records at once, in position order, by owner id. */
export async function evidenceFor(db: Db, owner: Owner, ids: readonly string[]): Promise<Map<string, Evidence[]>> {
  const out = new Map<string, Evidence[]>();
  if (ids.length === 0) return out;
  const rows: EvidenceRow[] = await db.kysely
    .selectFrom("Evidence as e")
    .leftJoin("Actor as sp", "sp.id", "e.quoteSpeakerId")
    .select((eb) => [
      sql<string>`${sql.ref(`e.${owner}`)}`.as("owner"),
      "e.sourceId as source",
      "e.locator as locator",
      "e.quoteText as quoteText",
      eb.fn.coalesce("e.quoteSpeakerName", "sp.name").as("speakerName"),
      "e.quoteSpeakerTitle as speakerTitle",
      "sp.slug as speakerActor",
      "e.quoteLanguage as quoteLanguage",
      "e.quoteTranslation as quoteTranslation",
    ])
    .where(inList(db.provider, sql.ref(`e.${owner}`), ids))
    .orderBy(`e.${owner}`)
    .orderBy("e.position")
    .execute();
  for (const r of rows) {
    const item: Evidence = { source: r.source };
    if (r.locator != null) item.locator = r.locator;
    if (r.quoteText != null && r.speakerName != null) {
      // Public reads always name the speaker: a row written before names were kept gives its actor's name.
      const speaker: Speaker = { name: r.speakerName };
      if (r.speakerTitle != null) speaker.title = r.speakerTitle;
      if (r.speakerActor != null) speaker.actor = r.speakerActor;
      item.quote = { text: r.quoteText, speaker, language: r.quoteLanguage ?? "en" };
      if (r.quoteTranslation != null) item.quote.translation = r.quoteTranslation;
    }
    const list = out.get(r.owner);
    if (list) list.push(item);
    else out.set(r.owner, [item]);
  }
  return out;
}

interface StanceRow {
  id: string;
  actor: string;
  topic: string;
  category: string;
  validFrom: string | null;
  attested: string;
  validUntil: string | null;
  qualifiers: string;
  confidence: string;
  summary: string;
  note: string | null;
}

/** Stances with their actor's, topic's and category's keys, as the contract names them. */
function stanceRows(db: Db) {
  return db.kysely
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
      "st.summary as summary",
      "st.note as note",
    ]);
}

/** A stance row in the contract's shape, without its evidence. */
function stanceOf(r: StanceRow, evidence: Evidence[]): Stance {
  const stance: Stance = {
    id: r.id,
    actor: r.actor,
    topic: r.topic,
    category: r.category,
    attested: r.attested,
    qualifiers: jsonList<string>(r.qualifiers),
    confidence: r.confidence as Stance["confidence"],
    summary: r.summary,
    evidence,
  };
  if (r.validFrom != null) stance.validFrom = r.validFrom;
  if (r.validUntil != null) stance.validUntil = r.validUntil;
  if (r.note != null) stance.note = r.note;
  return stance;
}

async function withStanceEvidence(db: Db, rows: StanceRow[]): Promise<Stance[]> {
  const evidence = await evidenceFor(
    db,
    "stanceId",
    rows.map((r) => r.id),
  );
  return rows.map((r) => stanceOf(r, evidence.get(r.id) ?? []));
}

/** Stances filtered by topic and/or actor slug, ordered by id, after `afterId`. */
export async function selectStances(db: Db, f: { topic?: string; actor?: string; afterId?: string; limit: number }): Promise<Stance[]> {
  const rows: StanceRow[] = await stanceRows(db)
    .$if(given(f.topic), (q) => q.where("t.slug", "=", f.topic as string))
    .$if(given(f.actor), (q) => q.where("a.slug", "=", f.actor as string))
    .$if(given(f.afterId), (q) => q.where("st.id", ">", f.afterId as string))
    .orderBy("st.id")
    .limit(f.limit)
    .execute();
  return withStanceEvidence(db, rows);
}

/** One actor on a topic at a date: the stance that holds and how (core's stanceAt), or why none does (core's gapReason). */
export type HoldingOrGap =
  | { actor: string; holding: Holding<Stance>; gap?: undefined }
  | { actor: string; holding?: undefined; gap: GapAtDate };

interface PickedRow extends Omit<StanceRow, "actor" | "topic"> {
  slug: string;
  latest: string | null;
}

/**
 * Every actor (in slug order, after `afterSlug`, at most `limit`; or those in `slugs`) on a topic at `at`: its stance if one
 * holds, else the reason it has none. SQL picks the candidates with one index seek per actor, by the
 * stored sort key (`countsFrom`, the ISO day core computed when the stance was written): the stances
 * that count from the latest day at or before `at` (or, with none, from the earliest day, which the
 * reason names). Core's stanceAt then decides whether it holds, how sure, and since when; gapReason says
 * why not. Nothing here parses a date.
 */
export async function selectActorsAt(
  db: Db,
  f: { topicId: string; topic: string; at: string; afterSlug?: string; actor?: string; limit: number; slugs?: readonly string[] },
): Promise<HoldingOrGap[]> {
  if (f.slugs?.length === 0) return [];
  // Either a page of actors (after a slug, or one) or the actors named (a page another query chose); for
  // each, the latest sort key at or before the date and the earliest, each one seek of Stance(actorId, topicId, countsFrom).
  const picked = db.kysely
    .selectFrom("Actor as a0")
    .select((eb) => [
      "a0.id as actorId",
      "a0.slug as slug",
      eb
        .selectFrom("Stance as s")
        .select((m) => m.fn.max("s.countsFrom").as("k"))
        .whereRef("s.actorId", "=", "a0.id")
        .where("s.topicId", "=", f.topicId)
        .where("s.countsFrom", "<=", f.at)
        .as("latest"),
      eb
        .selectFrom("Stance as s")
        .select((m) => m.fn.min("s.countsFrom").as("k"))
        .whereRef("s.actorId", "=", "a0.id")
        .where("s.topicId", "=", f.topicId)
        .as("first"),
    ])
    .$if(f.slugs !== undefined, (q) => q.where(inList(db.provider, sql.ref("a0.slug"), f.slugs ?? [])))
    .$if(!f.slugs && given(f.afterSlug), (q) => q.where("a0.slug", ">", f.afterSlug as string))
    .$if(!f.slugs && given(f.actor), (q) => q.where("a0.slug", "=", f.actor as string))
    .orderBy("a0.slug")
    .limit(f.slugs ? f.slugs.length : f.limit)
    .as("picked");
  const rows: (PickedRow & { id: string | null })[] = (await db.kysely
    .selectFrom(picked)
    .leftJoin("Stance as st", (join) =>
      join
        .onRef("st.actorId", "=", "picked.actorId")
        .on("st.topicId", "=", f.topicId)
        .on(sql<boolean>`${sql.ref("st.countsFrom")} = COALESCE(${sql.ref("picked.latest")}, ${sql.ref("picked.first")})`),
    )
    .leftJoin("Category as c", "c.id", "st.categoryId")
    .select([
      "picked.slug as slug",
      "picked.latest as latest",
      "st.id as id",
      "c.key as category",
      "st.validFrom as validFrom",
      "st.attested as attested",
      "st.validUntil as validUntil",
      "st.qualifiers as qualifiers",
      "st.confidence as confidence",
      "st.summary as summary",
      "st.note as note",
    ])
    .orderBy("picked.slug")
    .orderBy("st.id")
    .execute()) as (PickedRow & { id: string | null })[];
  const byActor = new Map<string, { latest: string | null; stances: Stance[] }>();
  for (const r of rows) {
    const entry = byActor.get(r.slug) ?? { latest: r.latest, stances: [] };
    if (r.id !== null) entry.stances.push(stanceOf({ ...r, id: r.id, actor: r.slug, topic: f.topic }, []));
    byActor.set(r.slug, entry);
  }
  const holdings = new Map<string, Holding<Stance>>();
  for (const [actor, { latest, stances }] of byActor) {
    const holding = latest === null ? null : stanceAt(stances, actor, f.topic, f.at);
    if (holding) holdings.set(actor, holding);
  }
  const [evidence, notes] = await Promise.all([
    evidenceFor(
      db,
      "stanceId",
      [...holdings.values()].map((h) => h.stance.id),
    ),
    selectGaps(
      db,
      f.topicId,
      [...byActor.keys()].filter((a) => !holdings.has(a)),
    ),
  ]);
  const noteOf = new Map(notes.map((g) => [g.actor, g]));
  return [...byActor].map(([actor, { stances }]): HoldingOrGap => {
    const holding = holdings.get(actor);
    if (holding) return { actor, holding: { ...holding, stance: { ...holding.stance, evidence: evidence.get(holding.stance.id) ?? [] } } };
    const note = noteOf.get(actor);
    const why = gapReason({ actor, topic: f.topic, date: f.at, stances, gap: note });
    return { actor, gap: { actor, topic: f.topic, ...why, ...(why.kind === "note" && note ? { note: note.note } : {}) } };
  });
}

export interface ReactionRow {
  id: string;
  actor: string;
  targetActor: string | null;
  targetEvent: string | null;
  /** EDTF; null when the sources do not say when it was made. */
  date: string | null;
  /** EDTF: the date of the earliest evidence that reports it. */
  attested: string;
  /** ISO day it counts from (the first day of `date`, else of `attested`): the order and the cursor. */
  sortDate: string;
  sentiment: string;
  summary: string;
  confidence: string;
}

/** A reaction row with its actor's and target's slugs; shared by the API's list and the network's edges. */
export const REACTION_SELECT = `SELECT r."id" AS "id", a."slug" AS "actor", ta."slug" AS "targetActor", te."slug" AS "targetEvent",
    r."date" AS "date", r."attested" AS "attested", r."sortDate" AS "sortDate", r."sentiment" AS "sentiment", r."summary" AS "summary",
    r."confidence" AS "confidence"
  FROM "Reaction" r JOIN "Actor" a ON a."id" = r."actorId"
  LEFT JOIN "Actor" ta ON ta."id" = r."targetActorId" LEFT JOIN "Event" te ON te."id" = r."targetEventId"`;

export interface ReactionFilter {
  actor?: string;
  /** Reactions given by any of these actors (by id; none given: none match). */
  actorIds?: readonly string[];
  /** Reactions to any of these events (by id; none given: none match). */
  targetEventIds?: readonly string[];
  /** Leaves out the reactions given by this actor (by id). */
  exceptActorId?: string;
  target?: string;
  sentiment?: string;
  /** ISO days: reactions that count from (their date's, else their attestation's first day) on or after `from`, on or before `to`. */
  from?: string;
  to?: string;
  /** The last (sortDate, id) seen. */
  after?: readonly [string, string];
  limit: number;
}

/** Reactions ordered by the first day of their date, then id; keyset-paged after `after`. */
export async function selectReactions(db: Db, f: ReactionFilter): Promise<Reaction[]> {
  if (f.actorIds?.length === 0 || f.targetEventIds?.length === 0) return [];
  const after = f.after && given(f.after[0]) && given(f.after[1]) ? f.after : undefined;
  const rows: ReactionRow[] = await db.kysely
    .selectFrom("Reaction as r")
    .innerJoin("Actor as a", "a.id", "r.actorId")
    .leftJoin("Actor as ta", "ta.id", "r.targetActorId")
    .leftJoin("Event as te", "te.id", "r.targetEventId")
    .select([
      "r.id as id",
      "a.slug as actor",
      "ta.slug as targetActor",
      "te.slug as targetEvent",
      "r.date as date",
      "r.attested as attested",
      "r.sortDate as sortDate",
      "r.sentiment as sentiment",
      "r.summary as summary",
      "r.confidence as confidence",
    ])
    .$if(given(f.actor), (q) => q.where("a.slug", "=", f.actor as string))
    .$if(f.actorIds !== undefined, (q) => q.where(inList(db.provider, sql.ref("r.actorId"), f.actorIds ?? [])))
    .$if(f.targetEventIds !== undefined, (q) => q.where(inList(db.provider, sql.ref("r.targetEventId"), f.targetEventIds ?? [])))
    .$if(given(f.exceptActorId), (q) => q.where("r.actorId", "!=", f.exceptActorId as string))
    // By the target's id, found first: an index seek of each target column (a condition on the joined slugs
    // would read every reaction).
    .$if(given(f.target), (q) =>
      q.where((eb) =>
        eb.or([
          eb(
            "r.targetActorId",
            "=",
            eb
              .selectFrom("Actor")
              .select("id")
              .where("slug", "=", f.target as string),
          ),
          eb(
            "r.targetEventId",
            "=",
            eb
              .selectFrom("Event")
              .select("id")
              .where("slug", "=", f.target as string),
          ),
        ]),
      ),
    )
    .$if(given(f.sentiment), (q) => q.where("r.sentiment", "=", f.sentiment as string))
    .$if(given(f.from), (q) => q.where("r.sortDate", ">=", f.from as string))
    .$if(given(f.to), (q) => q.where("r.sortDate", "<=", f.to as string))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("r.sortDate", ">", after?.[0] as string),
          eb.and([eb("r.sortDate", "=", after?.[0] as string), eb("r.id", ">", after?.[1] as string)]),
        ]),
      ),
    )
    .orderBy("r.sortDate")
    .orderBy("r.id")
    .limit(f.limit)
    .execute();
  const evidence = await evidenceFor(
    db,
    "reactionId",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor,
    target: r.targetActor != null ? { actor: r.targetActor } : { event: r.targetEvent ?? "" },
    ...(r.date != null ? { date: r.date } : {}),
    attested: r.attested,
    sentiment: r.sentiment as Reaction["sentiment"],
    summary: r.summary,
    confidence: r.confidence as Reaction["confidence"],
    evidence: evidence.get(r.id) ?? [],
  }));
}
