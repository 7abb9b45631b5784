// Loads a dataset into the database idempotently: records equal to what is stored are left alone,
// changed ones are rewritten with their children, nothing is deleted, and the revision is bumped
// only when something changed. All in one transaction.
import type { Dataset, Evidence } from "@stancemap/core";
import type { Db } from "./client";
import type { Prisma } from "./generated/sqlite/client";
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
import { bumpRevision } from "./revision";
import { stableJson } from "./stable-json";

type Tx = Prisma.TransactionClient;

export interface SeedResult {
  changed: Record<string, number>;
  revision: number;
}

function evidenceRows(
  owner: { stanceId?: string; reactionId?: string; eventId?: string },
  ownerKey: string,
  evidence: Evidence[],
  actorIds: Map<string, string>,
) {
  return evidence.map((e, position) => ({
    id: `${ownerKey}:${position}`,
    position,
    sourceId: e.source,
    locator: e.locator ?? null,
    ...owner,
    quoteText: e.quote?.text ?? null,
    quoteSpeakerId: e.quote ? (actorIds.get(e.quote.speaker) ?? null) : null,
    quoteLanguage: e.quote?.language ?? null,
    quoteTranslation: e.quote?.translation ?? null,
  }));
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sets are stored without order; compare them in the order the database returns them. */
function normalise(d: Dataset): Dataset {
  return {
    ...d,
    actors: d.actors.map((a) => ({ ...a, names: [...a.names].sort((x, y) => byText(x.lang, y.lang)) })),
    events: d.events.map((e) => ({ ...e, actors: [...e.actors].sort(byText) })),
  };
}

async function seedInTx(tx: Tx, input: Dataset): Promise<Record<string, number>> {
  const d = normalise(input);
  const changed: Record<string, number> = { sources: 0, actors: 0, topics: 0, events: 0, stances: 0, gaps: 0, reactions: 0 };

  // Sources: parents (citedIn) are set in a second pass so order does not matter.
  const storedSources = new Map(
    (await tx.source.findMany({ include: { citedIn: { select: { id: true } } } })).map((r) => [r.id, toSource(r)]),
  );
  const changedSources = d.sources.filter((s) => !same(storedSources.get(s.id), s));
  for (const s of changedSources) {
    const data = {
      publisher: s.publisher,
      title: s.title,
      author: s.author ?? null,
      publishedOn: s.publishedOn ?? null,
      accessedOn: s.accessedOn ?? null,
      dateNote: s.dateNote ?? null,
      url: s.url ?? null,
      reliability: s.reliability,
      textFile: s.textFile ?? null,
    };
    await tx.source.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: { ...data, version: { increment: 1 } } });
  }
  for (const s of changedSources) {
    await tx.source.update({
      where: { id: s.id },
      data: { citedInId: s.citedIn?.source ?? null, citedInLocator: s.citedIn?.locator ?? null },
    });
  }
  changed.sources = changedSources.length;

  // Actors, then their affiliations (which point at other actors).
  const storedActors = await tx.actor.findMany({ include: actorInclude });
  const actorIds = new Map(storedActors.map((a) => [a.slug, a.id]));
  const actorBySlug = new Map(storedActors.map((a) => [a.slug, toActor(a)]));
  const changedActors = d.actors.filter((a) => !same(actorBySlug.get(a.slug), a));
  for (const a of changedActors) {
    const id = actorIds.get(a.slug) ?? a.slug;
    actorIds.set(a.slug, id);
    const data = {
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      iso3: a.iso3 ?? null,
      isoNumeric: a.isoNumeric ?? null,
      role: a.role ?? null,
      region: a.region ?? null,
      description: a.description ?? null,
    };
    await tx.actor.upsert({ where: { id }, create: { id, ...data }, update: { ...data, version: { increment: 1 } } });
    await tx.actorName.deleteMany({ where: { actorId: id } });
    if (a.names.length > 0) {
      await tx.actorName.createMany({
        data: a.names.map((n) => ({ id: `${id}:${n.lang}`, actorId: id, name: n.name, lang: n.lang, dir: n.dir })),
      });
    }
  }
  for (const a of changedActors) {
    const id = actorIds.get(a.slug) as string;
    await tx.actor.update({ where: { id }, data: { affiliationId: a.affiliation ? (actorIds.get(a.affiliation) ?? null) : null } });
  }
  changed.actors = changedActors.length;

  // Topics and their category scales.
  const storedTopics = await tx.topic.findMany({ include: topicInclude });
  const topicIds = new Map(storedTopics.map((t) => [t.slug, t.id]));
  const topicBySlug = new Map(storedTopics.map((t) => [t.slug, toTopic(t)]));
  for (const t of d.topics) {
    if (same(topicBySlug.get(t.slug), t)) continue;
    const id = topicIds.get(t.slug) ?? t.slug;
    topicIds.set(t.slug, id);
    const data = { slug: t.slug, title: t.title, question: t.question, description: t.description ?? null };
    await tx.topic.upsert({ where: { id }, create: { id, ...data }, update: { ...data, version: { increment: 1 } } });
    for (const c of t.categories) {
      // Free the order slot first: reordering a scale must not trip the (topic, order) unique index.
      await tx.category.updateMany({ where: { topicId: id, order: c.order, NOT: { key: c.key } }, data: { order: -c.order - 1000 } });
      const cdata = { key: c.key, label: c.label, order: c.order, colour: c.colour, description: c.description ?? null };
      await tx.category.upsert({
        where: { topicId_key: { topicId: id, key: c.key } },
        create: { id: `${id}:${c.key}`, topicId: id, ...cdata },
        update: cdata,
      });
    }
    changed.topics = (changed.topics ?? 0) + 1;
  }
  const categoryIds = new Map(
    (await tx.category.findMany({ select: { id: true, key: true, topicId: true } })).map((c) => [`${c.topicId}|${c.key}`, c.id]),
  );
  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
    return v;
  };

  // Events.
  const storedEvents = new Map((await tx.event.findMany({ include: eventInclude })).map((e) => [e.slug, e]));
  const eventIds = new Map([...storedEvents.values()].map((e) => [e.slug, e.id]));
  for (const e of d.events) {
    const stored = storedEvents.get(e.slug);
    if (stored && same(toEvent(stored), e)) continue;
    const id = stored?.id ?? e.slug;
    eventIds.set(e.slug, id);
    const data = {
      slug: e.slug,
      date: e.date,
      datePrecision: e.datePrecision,
      title: e.title,
      description: e.description ?? null,
      series: e.series ?? null,
    };
    await tx.event.upsert({ where: { id }, create: { id, ...data }, update: { ...data, version: { increment: 1 } } });
    await tx.eventActor.deleteMany({ where: { eventId: id } });
    await tx.eventActor.createMany({ data: e.actors.map((a) => ({ eventId: id, actorId: need(actorIds, a, "actor") })) });
    await tx.evidence.deleteMany({ where: { eventId: id } });
    await tx.evidence.createMany({ data: evidenceRows({ eventId: id }, `event:${id}`, e.evidence, actorIds) });
    changed.events = (changed.events ?? 0) + 1;
  }

  // Stances.
  const storedStances = new Map((await tx.stance.findMany({ include: stanceInclude })).map((s) => [s.id, toStance(s)]));
  for (const s of d.stances) {
    if (same(storedStances.get(s.id), s)) continue;
    const topicId = need(topicIds, s.topic, "topic");
    const data = {
      actorId: need(actorIds, s.actor, "actor"),
      topicId,
      categoryId: need(categoryIds, `${topicId}|${s.category}`, "category"),
      validFrom: s.validFrom,
      validFromPrecision: s.validFromPrecision,
      validUntil: s.validUntil ?? null,
      confidence: s.confidence,
      summary: s.summary,
      note: s.note ?? null,
    };
    await tx.stance.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: { ...data, version: { increment: 1 } } });
    await tx.evidence.deleteMany({ where: { stanceId: s.id } });
    await tx.evidence.createMany({ data: evidenceRows({ stanceId: s.id }, `stance:${s.id}`, s.evidence, actorIds) });
    changed.stances = (changed.stances ?? 0) + 1;
  }

  // No-data notes.
  const storedGaps = new Map(
    (await tx.dataGap.findMany({ include: gapInclude })).map((g) => [`${g.actor.slug}|${g.topic.slug}`, toGap(g)]),
  );
  for (const g of d.gaps) {
    if (same(storedGaps.get(`${g.actor}|${g.topic}`), g)) continue;
    const actorId = need(actorIds, g.actor, "actor");
    const topicId = need(topicIds, g.topic, "topic");
    await tx.dataGap.upsert({
      where: { actorId_topicId: { actorId, topicId } },
      create: { id: `${actorId}:${topicId}`, actorId, topicId, note: g.note },
      update: { note: g.note },
    });
    changed.gaps = (changed.gaps ?? 0) + 1;
  }

  // Reactions.
  const storedReactions = new Map((await tx.reaction.findMany({ include: reactionInclude })).map((r) => [r.id, toReaction(r)]));
  for (const r of d.reactions) {
    if (same(storedReactions.get(r.id), r)) continue;
    const data = {
      actorId: need(actorIds, r.actor, "actor"),
      targetActorId: "actor" in r.target ? need(actorIds, r.target.actor, "actor") : null,
      targetEventId: "event" in r.target ? need(eventIds, r.target.event, "event") : null,
      date: r.date,
      datePrecision: r.datePrecision,
      sentiment: r.sentiment,
      summary: r.summary,
      confidence: r.confidence,
    };
    await tx.reaction.upsert({ where: { id: r.id }, create: { id: r.id, ...data }, update: { ...data, version: { increment: 1 } } });
    await tx.evidence.deleteMany({ where: { reactionId: r.id } });
    await tx.evidence.createMany({ data: evidenceRows({ reactionId: r.id }, `reaction:${r.id}`, r.evidence, actorIds) });
    changed.reactions = (changed.reactions ?? 0) + 1;
  }
  return changed;
}

export async function seedDataset(db: Db, dataset: Dataset): Promise<SeedResult> {
  return db.prisma.$transaction(
    async (tx) => {
      const changed = await seedInTx(tx, dataset);
      const any = Object.values(changed).some((n) => n > 0);
      const revision = any ? await bumpRevision(tx) : ((await tx.datasetRevision.findUnique({ where: { id: 1 } }))?.revision ?? 0);
      return { changed, revision };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
