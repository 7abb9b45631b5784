// Hot read paths in hand-written SQL (see sql.ts): stances, reactions and their evidence, mapped to
// the core contract's shapes. The SQL is portable between SQLite and PostgreSQL except for list
// parameters, which the reader supplies.
import type { DataGap, Evidence, GapAtDate, Holding, Reaction, Speaker, Stance } from "@stancemap/core";
import { gapReason, stanceAt } from "@stancemap/core";
import type { Db } from "./client";
import { jsonList } from "./mappers";

type Owner = "stanceId" | "reactionId" | "eventId";

/**
 * Numbers `?` placeholders as `$1…` across the given conditions, keeping only those whose value is
 * present, so each filter combination is its own index-friendly statement.
 */
function conditions(parts: [sql: string, ...values: (string | number | undefined)[]][], first = 1) {
  const params: (string | number)[] = [];
  const sql: string[] = [];
  for (const [text, ...values] of parts) {
    if (values.some((v) => v === undefined || v === "")) continue;
    let i = 0;
    sql.push(text.replace(/\?/g, () => `$${first + params.length + i++}`));
    params.push(...(values as (string | number)[]));
  }
  return { where: sql.length ? `WHERE ${sql.join(" AND ")}` : "", params, next: first + params.length };
}

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

export async function readRevision(db: Db): Promise<number> {
  const rows = await db.sql.all<{ revision: number }>(`SELECT "revision" FROM "DatasetRevision" WHERE "id" = 1`);
  return Number(rows[0]?.revision ?? 0);
}

export async function topicIdBySlug(db: Db, slug: string): Promise<string | null> {
  const rows = await db.sql.all<{ id: string }>(`SELECT "id" FROM "Topic" WHERE "slug" = $1`, [slug]);
  return rows[0]?.id ?? null;
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
  const rows = await db.sql.all<GapRow>(
    `SELECT a."slug" AS "actor", t."slug" AS "topic", g."note" AS "note", g."validFrom" AS "validFrom", g."validUntil" AS "validUntil"
     FROM "DataGap" g JOIN "Actor" a ON a."id" = g."actorId" JOIN "Topic" t ON t."id" = g."topicId"
     WHERE g."topicId" = $1 ${actors ? `AND ${db.sql.inList(`a."slug"`, 2)}` : ""} ORDER BY a."slug"`,
    actors ? [topicId, db.sql.list(actors)] : [topicId],
  );
  return rows.map((r) => {
    const gap: DataGap = { actor: r.actor, topic: r.topic, note: r.note };
    if (r.validFrom != null) gap.validFrom = r.validFrom;
    if (r.validUntil != null) gap.validUntil = r.validUntil;
    return gap;
  });
}

export async function selectGapsBySlug(db: Db, topicSlug: string, actors?: readonly string[]): Promise<DataGap[]> {
  const id = await topicIdBySlug(db, topicSlug);
  return id ? selectGaps(db, id, actors) : [];
}

/** Evidence of many records at once, in position order, by owner id. */
export async function evidenceFor(db: Db, owner: Owner, ids: readonly string[]): Promise<Map<string, Evidence[]>> {
  const out = new Map<string, Evidence[]>();
  if (ids.length === 0) return out;
  const rows = await db.sql.all<EvidenceRow>(
    `SELECT e."${owner}" AS "owner", e."sourceId" AS "source", e."locator" AS "locator", e."quoteText" AS "quoteText",
            COALESCE(e."quoteSpeakerName", sp."name") AS "speakerName", e."quoteSpeakerTitle" AS "speakerTitle",
            sp."slug" AS "speakerActor", e."quoteLanguage" AS "quoteLanguage", e."quoteTranslation" AS "quoteTranslation"
     FROM "Evidence" e LEFT JOIN "Actor" sp ON sp."id" = e."quoteSpeakerId"
     WHERE ${db.sql.inList(`e."${owner}"`, 1)}
     ORDER BY e."${owner}", e."position"`,
    [db.sql.list(ids)],
  );
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

const STANCE_COLUMNS = `st."id" AS "id", a."slug" AS "actor", t."slug" AS "topic", c."key" AS "category",
  st."validFrom" AS "validFrom", st."attested" AS "attested", st."validUntil" AS "validUntil", st."qualifiers" AS "qualifiers",
  st."confidence" AS "confidence", st."summary" AS "summary", st."note" AS "note"`;
const STANCE_JOINS = `JOIN "Actor" a ON a."id" = st."actorId" JOIN "Topic" t ON t."id" = st."topicId" JOIN "Category" c ON c."id" = st."categoryId"`;

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
  const c = conditions([
    [`t."slug" = ?`, f.topic],
    [`a."slug" = ?`, f.actor],
    [`st."id" > ?`, f.afterId],
  ]);
  const rows = await db.sql.all<StanceRow>(
    `SELECT ${STANCE_COLUMNS} FROM "Stance" st ${STANCE_JOINS} ${c.where} ORDER BY st."id" LIMIT $${c.next}`,
    [...c.params, f.limit],
  );
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
  // Either a page of actors (after a slug, or one) or the actors named (a page another query chose).
  const c = f.slugs
    ? { where: `WHERE ${db.sql.inList(`a0."slug"`, 3)}`, params: [db.sql.list(f.slugs)], next: 4 }
    : conditions(
        [
          [`a0."slug" > ?`, f.afterSlug],
          [`a0."slug" = ?`, f.actor],
        ],
        3,
      );
  const rows = await db.sql.all<PickedRow & { id: string | null }>(
    `SELECT picked."slug" AS "slug", picked."latest" AS "latest", st."id" AS "id", c."key" AS "category",
            st."validFrom" AS "validFrom", st."attested" AS "attested", st."validUntil" AS "validUntil", st."qualifiers" AS "qualifiers",
            st."confidence" AS "confidence", st."summary" AS "summary", st."note" AS "note"
     FROM (
       SELECT a0."id" AS "actorId", a0."slug" AS "slug",
         (SELECT MAX(s."countsFrom") FROM "Stance" s WHERE s."actorId" = a0."id" AND s."topicId" = $1 AND s."countsFrom" <= $2) AS "latest",
         (SELECT MIN(s."countsFrom") FROM "Stance" s WHERE s."actorId" = a0."id" AND s."topicId" = $1) AS "first"
       FROM "Actor" a0 ${c.where} ORDER BY a0."slug" LIMIT $${c.next}
     ) picked
     LEFT JOIN "Stance" st ON st."actorId" = picked."actorId" AND st."topicId" = $1
       AND st."countsFrom" = COALESCE(picked."latest", picked."first")
     LEFT JOIN "Category" c ON c."id" = st."categoryId"
     ORDER BY picked."slug", st."id"`,
    [f.topicId, f.at, ...c.params, f.slugs ? f.slugs.length : f.limit],
  );
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
  const c = conditions([
    [`a."slug" = ?`, f.actor],
    [`(ta."slug" = ? OR te."slug" = ?)`, f.target, f.target],
    [`r."sentiment" = ?`, f.sentiment],
    [`r."sortDate" >= ?`, f.from],
    [`r."sortDate" <= ?`, f.to],
    [`(r."sortDate" > ? OR (r."sortDate" = ? AND r."id" > ?))`, f.after?.[0], f.after?.[0], f.after?.[1]],
  ]);
  const rows = await db.sql.all<ReactionRow>(`${REACTION_SELECT} ${c.where} ORDER BY r."sortDate", r."id" LIMIT $${c.next}`, [
    ...c.params,
    f.limit,
  ]);
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
