// Read queries behind the public API. Each returns the core contract's shapes.
import type {
  ActorDetail,
  ActorsQuery,
  EventsQuery,
  PageQuery,
  ReactionsQuery,
  Stance,
  StanceAsOfItem,
  StancesQuery,
} from "@stancemap/core";
import { daysBetween } from "@stancemap/core";
import type { Db } from "./client";
import { decodeCursor, paginate } from "./cursor";
import { actorInclude, eventInclude, gapInclude, toActor, toEvent, toGap, topicInclude, toSource, toTopic } from "./mappers";
import { selectGaps, selectReactions, selectStances, selectStancesAsOf, topicIdBySlug } from "./read-model";

export { readRevision as datasetRevision } from "./read-model";

export async function listActors(db: Db, q: ActorsQuery) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const mode = db.provider === "postgresql" ? ({ mode: "insensitive" } as const) : {};
  const search = q.q?.trim();
  const rows = await db.prisma.actor.findMany({
    where: {
      ...(q.kind ? { kind: q.kind } : {}),
      ...(after ? { slug: { gt: after } } : {}),
      ...(search
        ? {
            OR: [
              { name: { contains: search, ...mode } },
              { slug: { contains: search.toLowerCase() } },
              { names: { some: { name: { contains: search, ...mode } } } },
            ],
          }
        : {}),
    },
    include: actorInclude,
    orderBy: { slug: "asc" },
    take: q.limit + 1,
  });
  const page = paginate(rows, q.limit, (r) => [r.slug]);
  return { data: page.rows.map(toActor), page: { limit: q.limit, nextCursor: page.nextCursor } };
}

/** An actor by slug, or a state by its ISO 3166-1 alpha-3 code, with its record. */
export async function getActor(db: Db, slugOrIso3: string): Promise<ActorDetail | null> {
  const iso3 = /^[A-Za-z]{3}$/.test(slugOrIso3) ? slugOrIso3.toUpperCase() : null;
  const row = await db.prisma.actor.findFirst({
    where: { OR: [{ slug: slugOrIso3.toLowerCase() }, ...(iso3 ? [{ iso3 }] : [])] },
    include: actorInclude,
    orderBy: { slug: "asc" },
  });
  if (!row) return null;
  const all = 1_000_000;
  const [stances, gaps, given, received] = await Promise.all([
    selectStances(db, { actor: row.slug, limit: all }),
    db.prisma.dataGap.findMany({ where: { actorId: row.id }, include: gapInclude, orderBy: { topicId: "asc" } }),
    selectReactions(db, { actor: row.slug, limit: all }),
    selectReactions(db, { target: row.slug, limit: all }),
  ]);
  const byTopicThenDate = (a: Stance, b: Stance) => (a.topic + a.validFrom < b.topic + b.validFrom ? -1 : 1);
  return {
    ...toActor(row),
    stances: stances.sort(byTopicThenDate),
    gaps: gaps.map(toGap),
    reactionsGiven: given,
    reactionsReceived: received.filter((r) => "actor" in r.target),
  };
}

export async function listTopics(db: Db) {
  const rows = await db.prisma.topic.findMany({ include: topicInclude, orderBy: { slug: "asc" } });
  return { data: rows.map(toTopic) };
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

/** Each actor's stance on a topic as of a date (see selectStancesAsOf), with the topic's no-data notes. */
export async function stancesAsOf(db: Db, q: StancesQuery & { topic: string; at: string }) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const topicId = await topicIdBySlug(db, q.topic);
  if (!topicId) return null;
  const [rows, gaps] = await Promise.all([
    selectStancesAsOf(db, { topicId, at: q.at, afterSlug: after, actor: q.actor, limit: q.limit + 1 }),
    selectGaps(db, topicId),
  ]);
  const page = paginate(rows, q.limit, (r) => [r.actor]);
  const data: StanceAsOfItem[] = page.rows.map((s) => ({ ...s, ageDays: daysBetween(s.validFrom, q.at) }));
  return { data, gaps, at: q.at, topic: q.topic, page: { limit: q.limit, nextCursor: page.nextCursor } };
}

export async function listReactions(db: Db, q: ReactionsQuery) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await selectReactions(db, { ...q, after: after ? [after[0] as string, after[1] as string] : undefined, limit: q.limit + 1 });
  const page = paginate(rows, q.limit, (r) => [r.date, r.id]);
  return { data: page.rows, page: { limit: q.limit, nextCursor: page.nextCursor } };
}

export async function listEvents(db: Db, q: EventsQuery) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await db.prisma.event.findMany({
    where: {
      AND: [
        q.series ? { series: q.series } : {},
        q.from ? { date: { gte: q.from } } : {},
        q.to ? { date: { lte: q.to } } : {},
        after ? { OR: [{ date: { gt: after[0] } }, { date: after[0], slug: { gt: after[1] } }] } : {},
      ],
    },
    include: eventInclude,
    orderBy: [{ date: "asc" }, { slug: "asc" }],
    take: q.limit + 1,
  });
  const page = paginate(rows, q.limit, (r) => [r.date, r.slug]);
  return { data: page.rows.map(toEvent), page: { limit: q.limit, nextCursor: page.nextCursor } };
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
