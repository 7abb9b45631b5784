// Read queries behind the public API. Each returns the core contract's shapes.
import type {
  ActorAtDate,
  ActorDetail,
  ActorsQuery,
  EventsQuery,
  GapAtDate,
  Holding,
  PageQuery,
  ReactionsQuery,
  Stance,
  StanceAsOfItem,
  StancesQuery,
  Topic,
} from "@stancemap/core";
import { countsFrom, reactionCountsFrom, searchActors } from "@stancemap/core";
import type { Db } from "./client";
import { BadCursorError, decodeCursor, paginate } from "./cursor";
import { selectCompactActors } from "./dashboard";
import { actorInclude, eventInclude, toActor, toEvent, toGap, topicInclude, toSource, toTopic } from "./mappers";
import { sharedRead } from "./read-cache";
import { selectActorsAt, selectReactions, selectStances, topicIdBySlug } from "./read-model";

export { readRevision as datasetRevision } from "./read-model";

export async function listActors(db: Db, q: ActorsQuery) {
  const page = q.q?.trim() ? await searchPage(db, q) : await slugPage(db, q);
  const data: ActorAtDate[] = page.rows.map(toActor);
  const topicId = q.topic && q.at ? await topicIdBySlug(db, q.topic) : null;
  if (q.topic && q.at && topicId) {
    // With a topic and a date, each actor of the page says what it holds then, or why nothing.
    const at = new Map(
      (await selectActorsAt(db, { topicId, topic: q.topic, at: q.at, slugs: data.map((a) => a.slug), limit: data.length })).map((a) => [
        a.actor,
        a,
      ]),
    );
    for (const actor of data) {
      const a = at.get(actor.slug);
      if (a?.holding) actor.stance = asOfItem(a.holding);
      else if (a?.gap) actor.gap = a.gap;
    }
  }
  return { data, page: { limit: q.limit, nextCursor: page.nextCursor } };
}

async function slugPage(db: Db, q: ActorsQuery) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const rows = await db.prisma.actor.findMany({
    where: { ...(q.kind ? { kind: q.kind } : {}), ...(after ? { slug: { gt: after } } : {}) },
    include: actorInclude,
    orderBy: { slug: "asc" },
    take: q.limit + 1,
  });
  return paginate(rows, q.limit, (r) => [r.slug]);
}

/**
 * A search (`q`): core's searchActors over every actor's names (name, slug, ISO code, local names,
 * aliases; case- and accent-insensitive, which SQL LIKE is not on both engines), ranked exact, prefix,
 * word prefix, anywhere, then by slug; the cursor is the last row's (rank, slug). The names are a few
 * short strings per actor, read in three statements.
 */
async function searchPage(db: Db, q: ActorsQuery) {
  const [afterRank, afterSlug] = decodeCursor(q.cursor, 2) ?? [];
  if (afterRank !== undefined && !/^[0-3]$/.test(afterRank)) throw new BadCursorError("is not a cursor returned by a previous page");
  const all = await selectCompactActors(db);
  const hits = searchActors(
    all.filter((a) => !q.kind || a.kind === q.kind),
    q.q ?? "",
    { by: "slug" },
  ).filter(
    (h) =>
      afterRank === undefined ||
      h.match.rank > Number(afterRank) ||
      (h.match.rank === Number(afterRank) && h.actor.slug > (afterSlug ?? "")),
  );
  const wanted = hits.slice(0, q.limit + 1);
  const rows = await db.prisma.actor.findMany({ where: { slug: { in: wanted.map((h) => h.actor.slug) } }, include: actorInclude });
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const ranked = wanted.flatMap((h) => {
    const row = bySlug.get(h.actor.slug);
    return row ? [{ row, rank: h.match.rank }] : [];
  });
  const page = paginate(ranked, q.limit, (r) => [String(r.rank), r.row.slug]);
  return { rows: page.rows.map((r) => r.row), nextCursor: page.nextCursor };
}

function asOfItem(h: Holding<Stance>): StanceAsOfItem {
  return { ...h.stance, basis: h.basis, uncertain: h.uncertain, since: h.since, ageDays: h.ageDays };
}

/** An actor by slug, or a state by its ISO 3166-1 alpha-3 code, with its record. */
export async function getActor(db: Db, slugOrIso3: string): Promise<ActorDetail | null> {
  const iso3 = /^[A-Za-z]{3}$/.test(slugOrIso3) ? slugOrIso3.toUpperCase() : null;
  // Kysely, not Prisma: the actor page's reads run for every visitor, and Prisma compiled each query anew.
  const row = await db.kysely
    .selectFrom("Actor as a")
    .leftJoin("Actor as af", "af.id", "a.affiliationId")
    .select([
      "a.id as id",
      "a.slug as slug",
      "a.name as name",
      "a.kind as kind",
      "a.iso3 as iso3",
      "a.isoNumeric as isoNumeric",
      "a.role as role",
      "a.region as region",
      "a.description as description",
      "af.slug as affiliation",
    ])
    .where((eb) => eb.or([eb("a.slug", "=", slugOrIso3.toLowerCase()), ...(iso3 ? [eb("a.iso3", "=", iso3)] : [])]))
    .orderBy("a.slug")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const all = 1_000_000;
  const [names, aliases, stances, gaps, given, received] = await Promise.all([
    db.kysely.selectFrom("ActorName").select(["name", "lang", "dir"]).where("actorId", "=", row.id).orderBy("lang").execute(),
    db.kysely
      .selectFrom("ActorAlias")
      .select(["name", "kind", "lang", "sourceId"])
      .where("actorId", "=", row.id)
      .orderBy("position")
      .execute(),
    selectStances(db, { actor: row.slug, limit: all }),
    db.kysely
      .selectFrom("DataGap as g")
      .innerJoin("Topic as t", "t.id", "g.topicId")
      .select(["t.slug as topic", "g.note as note", "g.validFrom as validFrom", "g.validUntil as validUntil"])
      .where("g.actorId", "=", row.id)
      .orderBy("g.topicId")
      .execute(),
    selectReactions(db, { actor: row.slug, limit: all }),
    selectReactions(db, { target: row.slug, limit: all }),
  ]);
  const key = (s: Stance) => `${s.topic}\u0000${countsFrom(s)}\u0000${s.id}`;
  const byTopicThenDate = (a: Stance, b: Stance) => (key(a) < key(b) ? -1 : 1);
  return {
    ...toActor({ ...row, affiliation: row.affiliation === null ? null : { slug: row.affiliation }, names, aliases }),
    stances: stances.sort(byTopicThenDate),
    gaps: gaps.map((g) => toGap({ ...g, actor: { slug: row.slug }, topic: { slug: g.topic } })),
    reactionsGiven: given,
    reactionsReceived: received.filter((r) => "actor" in r.target),
  };
}

export async function listTopics(db: Db) {
  const rows = await db.prisma.topic.findMany({ include: topicInclude, orderBy: { slug: "asc" } });
  return { data: rows.map(toTopic) };
}

/** Every topic with its categories, read once and shared until a publish changes a topic: frozen, so none may change it in place. */
export function sharedTopics(db: Db): Promise<Topic[]> {
  return sharedRead(db, "topics", async () => (await listTopics(db)).data, ["topic"]);
}

export async function topicExists(db: Db, slug: string): Promise<boolean> {
  return (await topicIdBySlug(db, slug)) !== null;
}

export async function listStances(db: Db, q: StancesQuery) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const rows = await selectStances(db, { topic: q.topic, actor: q.actor, afterId: after, limit: q.limit + 1 });
  const page = paginate(rows, q.limit, (r) => [r.id]);
  return { data: page.rows, page: { limit: q.limit, nextCursor: page.nextCursor } };
}

/**
 * Every actor on a topic at a date, a page of actors at a time: those with a stance that holds then in
 * `data` (with how it holds: basis, uncertain, since, ageDays), the others in `gaps` with the reason.
 */
export async function stancesAsOf(db: Db, q: StancesQuery & { topic: string; at: string }) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const topicId = await topicIdBySlug(db, q.topic);
  if (!topicId) return null;
  const actors = await selectActorsAt(db, { topicId, topic: q.topic, at: q.at, afterSlug: after, actor: q.actor, limit: q.limit + 1 });
  const page = paginate(actors, q.limit, (r) => [r.actor]);
  const data: StanceAsOfItem[] = [];
  const gaps: GapAtDate[] = [];
  for (const a of page.rows) {
    if (a.holding) data.push(asOfItem(a.holding));
    else gaps.push(a.gap);
  }
  return { data, gaps, at: q.at, topic: q.topic, page: { limit: q.limit, nextCursor: page.nextCursor } };
}

export async function listReactions(db: Db, q: ReactionsQuery) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await selectReactions(db, { ...q, after: after ? [after[0] as string, after[1] as string] : undefined, limit: q.limit + 1 });
  // The cursor is the stored sort key, the first day of the date as core computes it.
  const page = paginate(rows, q.limit, (r) => [reactionCountsFrom(r), r.id]);
  return { data: page.rows, page: { limit: q.limit, nextCursor: page.nextCursor } };
}

export async function listEvents(db: Db, q: EventsQuery) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await db.prisma.event.findMany({
    where: {
      AND: [
        q.series ? { series: q.series } : {},
        q.from ? { sortDate: { gte: q.from } } : {},
        q.to ? { sortDate: { lte: q.to } } : {},
        after ? { OR: [{ sortDate: { gt: after[0] } }, { sortDate: after[0], slug: { gt: after[1] } }] } : {},
      ],
    },
    include: eventInclude,
    orderBy: [{ sortDate: "asc" }, { slug: "asc" }],
    take: q.limit + 1,
  });
  const page = paginate(rows, q.limit, (r) => [r.sortDate, r.slug]);
  return { data: page.rows.map(toEvent), page: { limit: q.limit, nextCursor: page.nextCursor } };
}

/** The sources with these ids (those a page cites), in id order; ids that name no source are left out. */
export async function sourcesByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db.prisma.source.findMany({
    where: { id: { in: [...new Set(ids)] } },
    include: { citedIn: { select: { id: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map(toSource);
}

export async function listSources(db: Db, q: PageQuery) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const rows = await db.prisma.source.findMany({
    where: after ? { id: { gt: after } } : {},
    include: { citedIn: { select: { id: true } } },
    orderBy: { id: "asc" },
    take: q.limit + 1,
  });
  const page = paginate(rows, q.limit, (r) => [r.id]);
  return { data: page.rows.map(toSource), page: { limit: q.limit, nextCursor: page.nextCursor } };
}
