// Everything the actor page shows about one actor: its record (getActor), the topics its stances
// refer to, its members, the events it took part in, the reactions around it, and the names, event
// titles and sources those records cite, so the page can render without further reads.
import type { ActorDetail, Evidence, Reaction, Topic } from "@stancemap/core";
import { sql } from "kysely";
import type { Db } from "./client";
import { inList } from "./kysely";
import { getActor, sharedTopics } from "./queries";
import { selectReactions } from "./read-model";

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

/** Events by id or by slug, each with the slugs of the actors that took part, by date. */
async function eventRefs(db: Db, by: "id" | "slug", keys: readonly string[]): Promise<EventRef[]> {
  if (keys.length === 0) return [];
  const [rows, taking] = await Promise.all([
    db.kysely
      .selectFrom("Event as e")
      .select(["e.id as id", "e.slug as slug", "e.date as date", "e.title as title", "e.description as description", "e.series as series"])
      .where(inList(db.provider, sql.ref(`e.${by}`), keys))
      .orderBy("e.sortDate")
      .orderBy("e.slug")
      .execute(),
    db.kysely
      .selectFrom("EventActor as ea")
      .innerJoin("Event as e", "e.id", "ea.eventId")
      .innerJoin("Actor as a", "a.id", "ea.actorId")
      .select(["ea.eventId as event", "a.slug as actor"])
      .where(inList(db.provider, sql.ref(`e.${by}`), keys))
      .execute(),
  ]);
  const actors = new Map<string, string[]>();
  for (const t of taking) actors.set(t.event, [...(actors.get(t.event) ?? []), t.actor]);
  return rows.map(({ id, ...e }) => ({ ...e, actors: (actors.get(id) ?? []).sort() }));
}

const ACTOR_REF = ["slug", "name", "kind", "role"] as const;

/** The actor page's data for a slug or a state's ISO alpha-3 code; null when there is no such actor. */
export async function getActorPage(db: Db, slugOrIso3: string): Promise<ActorPage | null> {
  const actor = await getActor(db, slugOrIso3);
  if (!actor) return null;
  const slug = actor.slug;
  // The ids the related reads filter by, each an index seek: members (Actor.affiliationId), the events the
  // actor takes part in (EventActor.actorId) and those it reacted to (Reaction.actorId). Filters through
  // relations instead (`actor: { affiliation: { slug } }`) read every reaction: seconds at 100,000.
  // Every read is Kysely's: a page is a dozen reads, and Prisma compiled each anew for every visitor.
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
  const all = 1_000_000;
  const reactedEvents = reactedTo.flatMap((r) => (r.targetEventId ? [r.targetEventId] : []));
  const [topics, members, events, memberReactions, eventRows, coRows] = await Promise.all([
    sharedTopics(db),
    db.kysely.selectFrom("Actor").select(ACTOR_REF).where("affiliationId", "=", self.id).orderBy("name").execute(),
    eventRefs(
      db,
      "id",
      eventIds.map((e) => e.eventId),
    ),
    selectReactions(db, { actorIds: memberIds.map((m) => m.id), limit: all }),
    selectReactions(db, { targetEventIds: eventIds.map((e) => e.eventId), exceptActorId: self.id, limit: all }),
    reactedEvents.length
      ? db.kysely
          .selectFrom("Reaction as r")
          .innerJoin("Actor as a", "a.id", "r.actorId")
          .innerJoin("Event as te", "te.id", "r.targetEventId")
          .select(["a.slug as actor", "te.slug as event"])
          .where(inList(db.provider, sql.ref("r.targetEventId"), reactedEvents))
          .where("r.actorId", "!=", self.id)
          .orderBy("r.sortDate")
          .orderBy("r.id")
          .execute()
      : [],
  ]);

  const given = new Set([...actor.reactionsGiven, ...memberReactions].map((r) => r.id));
  const eventReactions = eventRows.filter((r) => !given.has(r.id));

  const coReactors = new Map<string, Set<string>>();
  for (const r of coRows) {
    const set = coReactors.get(r.actor) ?? new Set<string>();
    set.add(r.event);
    coReactors.set(r.actor, set);
  }

  // What the records refer to: names, event titles and sources, each read once.
  const reactions = [...actor.reactionsGiven, ...actor.reactionsReceived, ...memberReactions, ...eventReactions];
  const evidence: Evidence[] = [...actor.stances.flatMap((s) => s.evidence), ...reactions.flatMap((r) => r.evidence)];
  const actorSlugs = new Set<string>([
    ...(actor.affiliation ? [actor.affiliation] : []),
    ...reactions.flatMap((r) => [r.actor, ...("actor" in r.target ? [r.target.actor] : [])]),
    ...evidence.flatMap((e) => (e.quote?.speaker.actor ? [e.quote.speaker.actor] : [])),
    ...coReactors.keys(),
    ...events.flatMap((e) => e.actors),
  ]);
  const known = new Set(events.map((e) => e.slug));
  const eventSlugs = new Set(reactions.flatMap((r) => ("event" in r.target && !known.has(r.target.event) ? [r.target.event] : [])));
  const sourceIds = [...new Set([...evidence.map((e) => e.source), ...actor.aliases.flatMap((x) => (x.source ? [x.source] : []))])];
  const [actors, moreEvents, sources] = await Promise.all([
    actorSlugs.size
      ? db.kysely
          .selectFrom("Actor")
          .select(ACTOR_REF)
          .where(inList(db.provider, sql.ref("slug"), [...actorSlugs]))
          .orderBy("slug")
          .execute()
      : [],
    eventRefs(db, "slug", [...eventSlugs]),
    sourceIds.length
      ? db.kysely
          .selectFrom("Source")
          .select(["id", "publisher", "title", "publishedOn", "url"])
          .where(inList(db.provider, sql.ref("id"), sourceIds))
          .orderBy("id")
          .execute()
      : [],
  ]);

  return {
    actor,
    topics: [...topics],
    members,
    events,
    memberReactions,
    eventReactions,
    coReactors: [...coReactors].map(([a, evs]) => ({ actor: a, events: [...evs].sort() })),
    actors: [...actors, ...members],
    eventRefs: [...events, ...moreEvents],
    sources,
  };
}
