// Everything the actor page shows about one actor: its record (getActor), the topics its stances
// refer to, its members, the events it took part in, the reactions around it, and the names, event
// titles and sources those records cite, so the page can render without further reads.
import type { ActorDetail, Evidence, Reaction, Topic } from "@stancemap/core";
import type { Db } from "./client";
import { reactionInclude, toReaction } from "./mappers";
import { getActor, sharedTopics } from "./queries";

export interface ActorRef {
  slug: string;
  name: string;
  kind: string;
  role: string | null;
}

export interface EventRef {
  slug: string;
  /** EDTF. */
  date: string;
  title: string;
  description: string | null;
  series: string | null;
  /** The actors that took part in it. */
  actors: string[];
}

export interface SourceRef {
  id: string;
  publisher: string;
  title: string;
  publishedOn: string | null;
  url: string | null;
}

export interface CoReactor {
  actor: string;
  /** The events both reacted to. */
  events: string[];
}

export interface ActorPage {
  actor: ActorDetail;
  topics: Topic[];
  /** Actors whose affiliation is this one, by name. */
  members: ActorRef[];
  /** Events whose actors include this one, by date. */
  events: EventRef[];
  /** Reactions given by its members (people, ministries), by date. */
  memberReactions: Reaction[];
  /** Reactions by others to the events it took part in, by date (without those already given by it or its members). */
  eventReactions: Reaction[];
  /** Actors that reacted to the same events as this one. */
  coReactors: CoReactor[];
  /** Every actor the above refers to: affiliation, reacting and target actors, speakers, co-reactors. */
  actors: ActorRef[];
  /** Every event the above refers to. */
  eventRefs: EventRef[];
  /** Every source cited by the evidence above. */
  sources: SourceRef[];
}

const actorRef = { slug: true, name: true, kind: true, role: true } as const;
const eventRef = {
  slug: true,
  date: true,
  title: true,
  description: true,
  series: true,
  actors: { select: { actor: { select: { slug: true } } }, orderBy: { actorId: "asc" } },
} as const;
type EventRow = { slug: string; date: string; title: string; description: string | null; series: string | null };
const toEventRef = (e: EventRow & { actors: { actor: { slug: string } }[] }): EventRef => ({
  ...e,
  actors: e.actors.map((a) => a.actor.slug).sort(),
});

/** The actor page's data for a slug or a state's ISO alpha-3 code; null when there is no such actor. */
export async function getActorPage(db: Db, slugOrIso3: string): Promise<ActorPage | null> {
  const actor = await getActor(db, slugOrIso3);
  if (!actor) return null;
  const slug = actor.slug;
  // The ids the related reads filter by, each an index seek: members (Actor.affiliationId), the events the
  // actor takes part in (EventActor.actorId) and those it reacted to (Reaction.actorId). Filters through
  // relations instead (`actor: { affiliation: { slug } }`) read every reaction: seconds at 100,000.
  const self = await db.kysely.selectFrom("Actor").select("id").where("slug", "=", slug).executeTakeFirst();
  if (!self) return null;
  const [memberIds, eventIds, reactedTo] = await Promise.all([
    db.kysely.selectFrom("Actor").select("id").where("affiliationId", "=", self.id).execute(),
    db.kysely.selectFrom("EventActor").select("eventId").where("actorId", "=", self.id).execute(),
    db.kysely
      .selectFrom("Reaction")
      .select("targetEventId")
      .distinct()
      .where("actorId", "=", self.id)
      .where("targetEventId", "is not", null)
      .execute(),
  ]);
  const [topics, members, events, memberRows, eventRows, coRows] = await Promise.all([
    sharedTopics(db),
    db.prisma.actor.findMany({ where: { affiliationId: self.id }, select: actorRef, orderBy: { name: "asc" } }),
    db.prisma.event.findMany({
      where: { id: { in: eventIds.map((e) => e.eventId) } },
      select: eventRef,
      orderBy: [{ sortDate: "asc" }, { slug: "asc" }],
    }),
    db.prisma.reaction.findMany({
      where: { actorId: { in: memberIds.map((m) => m.id) } },
      include: reactionInclude,
      orderBy: [{ sortDate: "asc" }, { id: "asc" }],
    }),
    db.prisma.reaction.findMany({
      where: { targetEventId: { in: eventIds.map((e) => e.eventId) }, actorId: { not: self.id } },
      include: reactionInclude,
      orderBy: [{ sortDate: "asc" }, { id: "asc" }],
    }),
    db.prisma.reaction.findMany({
      where: { targetEventId: { in: reactedTo.flatMap((r) => (r.targetEventId ? [r.targetEventId] : [])) }, actorId: { not: self.id } },
      select: { actor: { select: { slug: true } }, targetEvent: { select: { slug: true } } },
      orderBy: [{ sortDate: "asc" }, { id: "asc" }],
    }),
  ]);

  const memberReactions = memberRows.map(toReaction);
  const given = new Set([...actor.reactionsGiven, ...memberReactions].map((r) => r.id));
  const eventReactions = eventRows.map(toReaction).filter((r) => !given.has(r.id));

  const coReactors = new Map<string, Set<string>>();
  for (const r of coRows) {
    if (!r.targetEvent) continue;
    const set = coReactors.get(r.actor.slug) ?? new Set<string>();
    set.add(r.targetEvent.slug);
    coReactors.set(r.actor.slug, set);
  }

  // What the records refer to: names, event titles and sources, each read once.
  const reactions = [...actor.reactionsGiven, ...actor.reactionsReceived, ...memberReactions, ...eventReactions];
  const evidence: Evidence[] = [...actor.stances.flatMap((s) => s.evidence), ...reactions.flatMap((r) => r.evidence)];
  const actorSlugs = new Set<string>([
    ...(actor.affiliation ? [actor.affiliation] : []),
    ...reactions.flatMap((r) => [r.actor, ...("actor" in r.target ? [r.target.actor] : [])]),
    ...evidence.flatMap((e) => (e.quote?.speaker.actor ? [e.quote.speaker.actor] : [])),
    ...coReactors.keys(),
    ...events.flatMap((e) => e.actors.map((a) => a.actor.slug)),
  ]);
  const known = new Set(events.map((e) => e.slug));
  const eventSlugs = new Set(reactions.flatMap((r) => ("event" in r.target && !known.has(r.target.event) ? [r.target.event] : [])));
  const [actors, moreEvents, sources] = await Promise.all([
    db.prisma.actor.findMany({ where: { slug: { in: [...actorSlugs] } }, select: actorRef, orderBy: { slug: "asc" } }),
    eventSlugs.size ? db.prisma.event.findMany({ where: { slug: { in: [...eventSlugs] } }, select: eventRef }) : [],
    db.prisma.source.findMany({
      where: {
        id: { in: [...new Set([...evidence.map((e) => e.source), ...actor.aliases.flatMap((x) => (x.source ? [x.source] : []))])] },
      },
      select: { id: true, publisher: true, title: true, publishedOn: true, url: true },
      orderBy: { id: "asc" },
    }),
  ]);

  return {
    actor,
    topics: [...topics],
    members,
    events: events.map(toEventRef),
    memberReactions,
    eventReactions,
    coReactors: [...coReactors].map(([a, evs]) => ({ actor: a, events: [...evs].sort() })),
    actors: [...actors, ...members],
    eventRefs: [...events, ...moreEvents].map(toEventRef),
    sources,
  };
}
