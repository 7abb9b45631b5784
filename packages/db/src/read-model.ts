// Hot read paths in hand-written SQL (see sql.ts): stances, reactions and their evidence, mapped to
// the core contract's shapes. The SQL is portable between SQLite and PostgreSQL except for list
// parameters, which the reader supplies.
import type { DataGap, Evidence, Reaction, Stance } from "@stancemap/core";
import type { Db } from "./client";

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
  speaker: string | null;
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

export async function selectGaps(db: Db, topicId: string): Promise<DataGap[]> {
  return db.sql.all<DataGap>(
    `SELECT a."slug" AS "actor", t."slug" AS "topic", g."note" AS "note" FROM "DataGap" g
     JOIN "Actor" a ON a."id" = g."actorId" JOIN "Topic" t ON t."id" = g."topicId"
     WHERE g."topicId" = $1 ORDER BY a."slug"`,
    [topicId],
  );
}

export async function selectGapsBySlug(db: Db, topicSlug: string): Promise<DataGap[]> {
  const id = await topicIdBySlug(db, topicSlug);
  return id ? selectGaps(db, id) : [];
}

/** Evidence of many records at once, in position order, by owner id. */
export async function evidenceFor(db: Db, owner: Owner, ids: readonly string[]): Promise<Map<string, Evidence[]>> {
  const out = new Map<string, Evidence[]>();
  if (ids.length === 0) return out;
  const rows = await db.sql.all<EvidenceRow>(
    `SELECT e."${owner}" AS "owner", e."sourceId" AS "source", e."locator" AS "locator", e."quoteText" AS "quoteText",
            sp."slug" AS "speaker", e."quoteLanguage" AS "quoteLanguage", e."quoteTranslation" AS "quoteTranslation"
     FROM "Evidence" e LEFT JOIN "Actor" sp ON sp."id" = e."quoteSpeakerId"
     WHERE ${db.sql.inList(`e."${owner}"`, 1)}
     ORDER BY e."${owner}", e."position"`,
    [db.sql.list(ids)],
  );
  for (const r of rows) {
    const item: Evidence = { source: r.source };
    if (r.locator != null) item.locator = r.locator;
    if (r.quoteText != null && r.speaker != null) {
      item.quote = { text: r.quoteText, speaker: r.speaker, language: r.quoteLanguage ?? "en" };
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
  validFrom: string;
  validFromPrecision: string;
  validUntil: string | null;
  confidence: string;
  summary: string;
  note: string | null;
}

const STANCE_COLUMNS = `st."id" AS "id", a."slug" AS "actor", t."slug" AS "topic", c."key" AS "category",
  st."validFrom" AS "validFrom", st."validFromPrecision" AS "validFromPrecision", st."validUntil" AS "validUntil",
  st."confidence" AS "confidence", st."summary" AS "summary", st."note" AS "note"`;
const STANCE_JOINS = `JOIN "Actor" a ON a."id" = st."actorId" JOIN "Topic" t ON t."id" = st."topicId" JOIN "Category" c ON c."id" = st."categoryId"`;

async function withStanceEvidence(db: Db, rows: StanceRow[]): Promise<Stance[]> {
  const evidence = await evidenceFor(
    db,
    "stanceId",
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const stance: Stance = {
      id: r.id,
      actor: r.actor,
      topic: r.topic,
      category: r.category,
      validFrom: r.validFrom,
      validFromPrecision: r.validFromPrecision as Stance["validFromPrecision"],
      confidence: r.confidence as Stance["confidence"],
      summary: r.summary,
      evidence: evidence.get(r.id) ?? [],
    };
    if (r.validUntil != null) stance.validUntil = r.validUntil;
    if (r.note != null) stance.note = r.note;
    return stance;
  });
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

/**
 * Each actor's stance on a topic as of `at`: for every actor (in slug order, after `afterSlug`),
 * the stance with the latest validFrom at or before `at` (one index seek per actor), kept only if
 * it has not ended by then.
 */
export async function selectStancesAsOf(
  db: Db,
  f: { topicId: string; at: string; afterSlug?: string; actor?: string; limit: number },
): Promise<Stance[]> {
  const c = conditions(
    [
      [`a0."slug" > ?`, f.afterSlug],
      [`a0."slug" = ?`, f.actor],
    ],
    3,
  );
  const rows = await db.sql.all<StanceRow>(
    `SELECT ${STANCE_COLUMNS} FROM (
       SELECT a0."slug" AS "slug", (
         SELECT s."id" FROM "Stance" s
         WHERE s."actorId" = a0."id" AND s."topicId" = $1 AND s."validFrom" <= $2
         ORDER BY s."validFrom" DESC, s."id" DESC LIMIT 1
       ) AS "stanceId"
       FROM "Actor" a0 ${c.where}
     ) picked
     JOIN "Stance" st ON st."id" = picked."stanceId" ${STANCE_JOINS}
     WHERE st."validUntil" IS NULL OR st."validUntil" > $2
     ORDER BY picked."slug" LIMIT $${c.next}`,
    [f.topicId, f.at, ...c.params, f.limit],
  );
  return withStanceEvidence(db, rows);
}

export interface ReactionRow {
  id: string;
  actor: string;
  targetActor: string | null;
  targetEvent: string | null;
  date: string;
  datePrecision: string;
  sentiment: string;
  summary: string;
  confidence: string;
}

/** A reaction row with its actor's and target's slugs; shared by the API's list and the network's edges. */
export const REACTION_SELECT = `SELECT r."id" AS "id", a."slug" AS "actor", ta."slug" AS "targetActor", te."slug" AS "targetEvent",
    r."date" AS "date", r."datePrecision" AS "datePrecision", r."sentiment" AS "sentiment", r."summary" AS "summary",
    r."confidence" AS "confidence"
  FROM "Reaction" r JOIN "Actor" a ON a."id" = r."actorId"
  LEFT JOIN "Actor" ta ON ta."id" = r."targetActorId" LEFT JOIN "Event" te ON te."id" = r."targetEventId"`;

export interface ReactionFilter {
  actor?: string;
  target?: string;
  sentiment?: string;
  from?: string;
  to?: string;
  after?: readonly [string, string];
  limit: number;
}

/** Reactions ordered by (date, id), keyset-paged after `after`. */
export async function selectReactions(db: Db, f: ReactionFilter): Promise<Reaction[]> {
  const c = conditions([
    [`a."slug" = ?`, f.actor],
    [`(ta."slug" = ? OR te."slug" = ?)`, f.target, f.target],
    [`r."sentiment" = ?`, f.sentiment],
    [`r."date" >= ?`, f.from],
    [`r."date" <= ?`, f.to],
    [`(r."date" > ? OR (r."date" = ? AND r."id" > ?))`, f.after?.[0], f.after?.[0], f.after?.[1]],
  ]);
  const rows = await db.sql.all<ReactionRow>(`${REACTION_SELECT} ${c.where} ORDER BY r."date", r."id" LIMIT $${c.next}`, [
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
    date: r.date,
    datePrecision: r.datePrecision as Reaction["datePrecision"],
    sentiment: r.sentiment as Reaction["sentiment"],
    summary: r.summary,
    confidence: r.confidence as Reaction["confidence"],
    evidence: evidence.get(r.id) ?? [],
  }));
}
