// Scoped reads for pictures: what one export draws and nothing more (one topic, the stances that can hold
// at its date, the actors it shows, the sources it cites), so an export's time grows with its picture,
// not with the dataset. The dashboard's whole-topic reads (dashboard.ts) stay as they are.
import type { Source, Topic } from "@stancemap/core";
import type { Db } from "./client";
import type { CompactActor, CompactStance } from "./dashboard";
import { jsonList, topicInclude, toTopic } from "./mappers";
import { sourcesByIds } from "./queries";
import { topicIdBySlug } from "./read-model";

/** A topic by slug, or with none named the first by slug (the dashboard's default); null when there is none. */
export async function selectTopic(db: Db, slug?: string): Promise<Topic | null> {
  const row = await db.prisma.topic.findFirst({ where: slug ? { slug } : {}, include: topicInclude, orderBy: { slug: "asc" } });
  return row ? toTopic(row) : null;
}

/** Which actors a picture draws; each part adds actors (an actor matching several is read once). */
export interface PictureActors {
  /** Every actor with an ISO numeric code: the map's countries, coloured, faded or hidden. */
  states?: boolean;
  /** The actors without a code that pass the map's filters (its badges). */
  others?: { region?: string | null | undefined; kinds?: readonly string[] | undefined };
  /** Every actor with a stance on this topic. */
  onTopic?: string;
  /** These actors. */
  slugs?: readonly string[];
}

/**
 * The actors a picture draws, as the dashboard's compact rows in slug order, without local names and
 * aliases (no picture prints them: `names` and `aliases` are empty).
 */
export async function selectPictureActors(db: Db, f: PictureActors): Promise<CompactActor[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const any: string[] = [];
  if (f.states) any.push(`a."isoNumeric" IS NOT NULL`);
  if (f.others) {
    const all = [`a."isoNumeric" IS NULL`];
    if (f.others.region) all.push(`a."region" = ${param(f.others.region)}`);
    if (f.others.kinds?.length) {
      params.push(db.sql.list(f.others.kinds));
      all.push(db.sql.inList(`a."kind"`, params.length));
    }
    any.push(`(${all.join(" AND ")})`);
  }
  if (f.onTopic)
    any.push(`a."id" IN (SELECT s."actorId" FROM "Stance" s JOIN "Topic" t ON t."id" = s."topicId" WHERE t."slug" = ${param(f.onTopic)})`);
  if (f.slugs?.length) {
    params.push(db.sql.list(f.slugs));
    any.push(db.sql.inList(`a."slug"`, params.length));
  }
  if (any.length === 0) return [];
  const rows = await db.sql.all<Omit<CompactActor, "names" | "aliases">>(
    `SELECT a."slug" AS "slug", a."name" AS "name", a."kind" AS "kind", a."iso3" AS "iso3", a."isoNumeric" AS "isoNumeric",
            a."region" AS "region", af."slug" AS "affiliation", a."role" AS "role"
     FROM "Actor" a LEFT JOIN "Actor" af ON af."id" = a."affiliationId" WHERE ${any.join(" OR ")} ORDER BY a."slug"`,
    params,
  );
  return rows.map((r) => ({ ...r, names: [], aliases: [] }));
}

/** Source ids per stance, in evidence order. */
async function stanceSources(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db.sql.all<{ id: string; source: string }>(
    `SELECT e."stanceId" AS "id", e."sourceId" AS "source" FROM "Evidence" e WHERE ${db.sql.inList(`e."stanceId"`, 1)}
     ORDER BY e."stanceId", e."position"`,
    [db.sql.list(ids)],
  );
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(r.source);
    else out.set(r.id, [r.source]);
  }
  return out;
}

/** A stance as a map's picture and data read it: without the quote and publisher a tooltip shows. */
export type PictureStance = Omit<CompactStance, "quote" | "speaker" | "publisher">;

/**
 * The stances of a topic that can decide where each actor stands at `date` (of these actors only, when
 * given): per actor, those counting from the latest day at or before the date (the stored `countsFrom`),
 * or with none such, those counting from its first day, which a no-data reason names. Core's stanceAt
 * and gapReason read the latest stance that has started, or the first one: over these rows they give
 * what they give over the actor's whole history. Rows as `selectStanceTimeline` gives them, in its order,
 * without the first quote (three lookups a row: at 20,000 actors, half the read; no map shows one).
 * The day is picked per actor, then the stance found by one seek per actor (a CROSS JOIN keeps SQLite
 * from scanning the topic's every stance instead).
 */
export async function selectStancesAt(db: Db, topicSlug: string, date: string, actors?: readonly string[]): Promise<PictureStance[]> {
  if (actors?.length === 0) return [];
  const topicId = await topicIdBySlug(db, topicSlug);
  if (!topicId) return [];
  const only = actors ? `JOIN "Actor" a0 ON a0."id" = s."actorId" AND ${db.sql.inList(`a0."slug"`, 3)}` : "";
  const rows = await db.sql.all<Omit<PictureStance, "sources" | "qualifiers"> & { qualifiers: string }>(
    `SELECT st."id" AS "id", a."slug" AS "actor", t."slug" AS "topic", c."key" AS "category", st."validFrom" AS "validFrom",
            st."attested" AS "attested", st."validUntil" AS "validUntil", st."qualifiers" AS "qualifiers", st."confidence" AS "confidence"
     FROM (
       SELECT s."actorId" AS "actorId",
              COALESCE(MAX(CASE WHEN s."countsFrom" <= $2 THEN s."countsFrom" END), MIN(s."countsFrom")) AS "day"
       FROM "Stance" s ${only} WHERE s."topicId" = $1 GROUP BY s."actorId"
     ) picked
     CROSS JOIN "Stance" st
     JOIN "Actor" a ON a."id" = st."actorId" JOIN "Topic" t ON t."id" = st."topicId" JOIN "Category" c ON c."id" = st."categoryId"
     WHERE st."actorId" = picked."actorId" AND st."topicId" = $1 AND st."countsFrom" = picked."day"
     ORDER BY a."slug", st."countsFrom", st."id"`,
    actors ? [topicId, date, db.sql.list(actors)] : [topicId, date],
  );
  const sources = await stanceSources(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, qualifiers: jsonList<string>(r.qualifiers), sources: sources.get(r.id) ?? [] }));
}

/**
 * The sources with these ids and those they were found through (`citedIn`: an endnote's paper), in id
 * order: what a source line needs to say "Al Jazeera via ICWA". Ids that name no source are left out.
 */
export async function sourcesCitedBy(db: Db, ids: Iterable<string>): Promise<Source[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const parents = await db.sql.all<{ id: string }>(
    `SELECT DISTINCT s."citedInId" AS "id" FROM "Source" s WHERE ${db.sql.inList(`s."id"`, 1)} AND s."citedInId" IS NOT NULL`,
    [db.sql.list(wanted)],
  );
  const all = [...new Set([...wanted, ...parents.map((p) => p.id)])];
  // Prisma binds every id as a parameter, and SQLite takes at most 999 of them in a statement.
  const chunks: string[][] = [];
  for (let i = 0; i < all.length; i += SOURCE_CHUNK) chunks.push(all.slice(i, i + SOURCE_CHUNK));
  const read = (await Promise.all(chunks.map((ids) => sourcesByIds(db, ids)))).flat();
  return chunks.length === 1 ? read : read.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Ids per `sourcesByIds` call. */
const SOURCE_CHUNK = 500;

/**
 * Ids of the sources cited as evidence by a topic's stances and by every reaction and event (the
 * dashboard's records); with no topic, by every record.
 */
export async function selectCitedSourceIds(db: Db, topicSlug?: string): Promise<string[]> {
  const rows = topicSlug
    ? await db.sql.all<{ id: string }>(
        `SELECT e."sourceId" AS "id" FROM "Evidence" e JOIN "Stance" st ON st."id" = e."stanceId" JOIN "Topic" t ON t."id" = st."topicId"
         WHERE t."slug" = $1
         UNION SELECT e."sourceId" AS "id" FROM "Evidence" e WHERE e."reactionId" IS NOT NULL OR e."eventId" IS NOT NULL`,
        [topicSlug],
      )
    : await db.sql.all<{ id: string }>(`SELECT DISTINCT e."sourceId" AS "id" FROM "Evidence" e`);
  return rows.map((r) => r.id);
}
