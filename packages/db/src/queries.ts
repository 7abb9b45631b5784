// Read queries behind the public API. Each returns the core contract's shapes.
import type { ActorDetail, ActorsQuery, EventsQuery, PageQuery, ReactionsQuery, StanceAsOfItem, StancesQuery } from "@stancemap/core";
import { daysBetween } from "@stancemap/core";
import type { Db } from "./client";
import { decodeCursor, paginate } from "./cursor";
import { Prisma } from "./generated/sqlite/client";
import {
  actorInclude,
  eventInclude,
  gapInclude,
  reactionInclude,
  stanceInclude,
  toActor,
  toEvent,
  toGap,
  topicInclude,
  toReaction,
  toSource,
  toStance,
  toTopic,
} from "./mappers";

export async function datasetRevision(db: Db): Promise<number> {
  return (await db.prisma.datasetRevision.findUnique({ where: { id: 1 } }))?.revision ?? 0;
}

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
  const [stances, gaps, given, received] = await Promise.all([
    db.prisma.stance.findMany({ where: { actorId: row.id }, include: stanceInclude, orderBy: [{ topicId: "asc" }, { validFrom: "asc" }] }),
    db.prisma.dataGap.findMany({ where: { actorId: row.id }, include: gapInclude }),
    db.prisma.reaction.findMany({ where: { actorId: row.id }, include: reactionInclude, orderBy: [{ date: "asc" }, { id: "asc" }] }),
    db.prisma.reaction.findMany({ where: { targetActorId: row.id }, include: reactionInclude, orderBy: [{ date: "asc" }, { id: "asc" }] }),
  ]);
  return {
    ...toActor(row),
    stances: stances.map(toStance),
    gaps: gaps.map(toGap),
    reactionsGiven: given.map(toReaction),
    reactionsReceived: received.map(toReaction),
  };
}

export async function listTopics(db: Db) {
  const rows = await db.prisma.topic.findMany({ include: topicInclude, orderBy: { slug: "asc" } });
  return { data: rows.map(toTopic) };
}

export async function topicExists(db: Db, slug: string): Promise<boolean> {
  return (await db.prisma.topic.count({ where: { slug } })) > 0;
}

export async function listStances(db: Db, q: StancesQuery) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const rows = await db.prisma.stance.findMany({
    where: {
      ...(q.topic ? { topic: { slug: q.topic } } : {}),
      ...(q.actor ? { actor: { slug: q.actor } } : {}),
      ...(after ? { id: { gt: after } } : {}),
    },
    include: stanceInclude,
    orderBy: { id: "asc" },
    take: q.limit + 1,
  });
  const page = paginate(rows, q.limit, (r) => [r.id]);
  return { data: page.rows.map(toStance), page: { limit: q.limit, nextCursor: page.nextCursor } };
}

/**
 * Each actor's stance on a topic as of a date: the latest at or before it (never a later one),
 * unless that one has ended. One indexed window query picks the rows; ordered by actor slug.
 */
export async function stancesAsOf(db: Db, q: StancesQuery & { topic: string; at: string }) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const topic = await db.prisma.topic.findUnique({ where: { slug: q.topic }, select: { id: true } });
  if (!topic) return null;
  const onlyActor = q.actor ? Prisma.sql`AND ranked."slug" = ${q.actor}` : Prisma.empty;
  const ids = await db.prisma.$queryRaw<{ id: string; slug: string }[]>`
    SELECT ranked."id", ranked."slug" FROM (
      SELECT s."id", s."validUntil", a."slug",
             ROW_NUMBER() OVER (PARTITION BY s."actorId" ORDER BY s."validFrom" DESC, s."id" DESC) AS rn
      FROM "Stance" s JOIN "Actor" a ON a."id" = s."actorId"
      WHERE s."topicId" = ${topic.id} AND s."validFrom" <= ${q.at}
    ) ranked
    WHERE ranked.rn = 1 AND (ranked."validUntil" IS NULL OR ranked."validUntil" > ${q.at})
      AND ranked."slug" > ${after ?? ""} ${onlyActor}
    ORDER BY ranked."slug"
    LIMIT ${q.limit + 1}`;
  const page = paginate(ids, q.limit, (r) => [r.slug]);
  const rows = await db.prisma.stance.findMany({ where: { id: { in: page.rows.map((r) => r.id) } }, include: stanceInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const data: StanceAsOfItem[] = page.rows.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [{ ...toStance(row), ageDays: daysBetween(row.validFrom, q.at) }] : [];
  });
  const gaps = await db.prisma.dataGap.findMany({ where: { topicId: topic.id }, include: gapInclude, orderBy: { actorId: "asc" } });
  return { data, gaps: gaps.map(toGap), at: q.at, topic: q.topic, page: { limit: q.limit, nextCursor: page.nextCursor } };
}

export async function listReactions(db: Db, q: ReactionsQuery) {
  const after = decodeCursor(q.cursor, 2);
  const target = q.target ? { OR: [{ targetActor: { slug: q.target } }, { targetEvent: { slug: q.target } }] } : {};
  const rows = await db.prisma.reaction.findMany({
    where: {
      AND: [
        q.actor ? { actor: { slug: q.actor } } : {},
        target,
        q.sentiment ? { sentiment: q.sentiment } : {},
        q.from ? { date: { gte: q.from } } : {},
        q.to ? { date: { lte: q.to } } : {},
        after ? { OR: [{ date: { gt: after[0] } }, { date: after[0], id: { gt: after[1] } }] } : {},
      ],
    },
    include: reactionInclude,
    orderBy: [{ date: "asc" }, { id: "asc" }],
    take: q.limit + 1,
  });
  const page = paginate(rows, q.limit, (r) => [r.date, r.id]);
  return { data: page.rows.map(toReaction), page: { limit: q.limit, nextCursor: page.nextCursor } };
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
