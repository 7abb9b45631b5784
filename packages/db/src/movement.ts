// Change between two dates and who followed whom, for the API: a topic's stances read in one query
// (with the topic's scale, the names of its actors and the evidence of what is listed), then core's
// changesBetween and sequenceOf. The dashboard's whole-topic data is not loaded.
import {
  type ActorChange,
  CHANGE_MOVEMENTS,
  type ChangesResult,
  changesBetween,
  type Holding,
  type Lag,
  lagBetween,
  type SequenceResult,
  type StanceChange,
  sequenceOf,
} from "@stancemap/core";
import type { Db } from "./client";
import type { CompactStance } from "./dashboard";
import { jsonList } from "./mappers";
import { evidenceFor, readRevision } from "./read-model";

/** A stance as the movement models read it: the dashboard's compact stance without its evidence. */
type MovementStance = Pick<CompactStance, "id" | "actor" | "topic" | "category" | "validFrom" | "attested" | "validUntil" | "qualifiers">;

interface TopicScale {
  slug: string;
  categories: { key: string; label: string; order: number }[];
}

async function topicScale(db: Db, slug: string): Promise<TopicScale | null> {
  const rows = await db.sql.all<{ key: string; label: string; order: number }>(
    `SELECT c."key" AS "key", c."label" AS "label", c."order" AS "order"
     FROM "Category" c JOIN "Topic" t ON t."id" = c."topicId" WHERE t."slug" = $1 ORDER BY c."order"`,
    [slug],
  );
  if (rows.length === 0) {
    const topic = await db.sql.all<{ id: string }>(`SELECT "id" FROM "Topic" WHERE "slug" = $1`, [slug]);
    if (topic.length === 0) return null;
  }
  return { slug, categories: rows.map((r) => ({ ...r, order: Number(r.order) })) };
}

/** Every stance on a topic, all dates: one query. */
async function topicStances(db: Db, slug: string): Promise<MovementStance[]> {
  const rows = await db.sql.all<Omit<MovementStance, "qualifiers"> & { qualifiers: string }>(
    `SELECT st."id" AS "id", a."slug" AS "actor", t."slug" AS "topic", c."key" AS "category", st."validFrom" AS "validFrom",
            st."attested" AS "attested", st."validUntil" AS "validUntil", st."qualifiers" AS "qualifiers"
     FROM "Stance" st JOIN "Actor" a ON a."id" = st."actorId" JOIN "Topic" t ON t."id" = st."topicId" JOIN "Category" c ON c."id" = st."categoryId"
     WHERE t."slug" = $1 ORDER BY a."slug", st."countsFrom", st."id"`,
    [slug],
  );
  return rows.map((r) => ({ ...r, qualifiers: jsonList<string>(r.qualifiers) }));
}

/** Names (and affiliations) of these actors and of those they belong to. */
async function actorNames(db: Db): Promise<Map<string, { name: string; affiliation: string | null }>> {
  const rows = await db.sql.all<{ slug: string; name: string; affiliation: string | null }>(
    `SELECT a."slug" AS "slug", a."name" AS "name", af."slug" AS "affiliation" FROM "Actor" a LEFT JOIN "Actor" af ON af."id" = a."affiliationId"`,
  );
  return new Map(rows.map((r) => [r.slug, { name: r.name, affiliation: r.affiliation }]));
}

function holdingOut(h: Holding<MovementStance> | null): ActorChange["before"] {
  if (!h) return null;
  return {
    stance: h.stance.id,
    category: h.stance.category,
    basis: h.basis,
    since: h.since,
    qualifiers: [...h.stance.qualifiers],
    uncertain: h.uncertain,
  };
}

function stepOut(c: StanceChange<MovementStance>) {
  return {
    date: c.date,
    kind: c.kind,
    from: c.from?.category ?? null,
    to: c.to?.category ?? null,
    stance: (c.to ?? c.from)?.id ?? null,
  };
}

export type MovementLabel = (movement: ActorChange["movement"], scale: TopicScale["categories"]) => string;

/**
 * Who moved between `from` and `to` on a topic (core's changesBetween), with names, steps and the
 * evidence of what held on `to` and of each step. Changes and non-changes (unchanged, attested only)
 * are listed apart. Null when there is no such topic.
 */
export async function topicChanges(
  db: Db,
  q: { topic: string; from: string; to: string },
  label: MovementLabel,
): Promise<ChangesResult | null> {
  const scale = await topicScale(db, q.topic);
  if (!scale) return null;
  const [stances, names, revision] = await Promise.all([topicStances(db, q.topic), actorNames(db), readRevision(db)]);
  const result = changesBetween({ stances, topic: q.topic, categories: scale.categories, from: q.from, to: q.to });
  const cited = (m: (typeof result.actors)[number]) => [
    ...new Set([...(m.after ? [m.after.stance.id] : []), ...m.steps.flatMap((s) => [(s.to ?? s.from)?.id ?? ""]).filter(Boolean)]),
  ];
  const listed = result.actors.filter((m) => CHANGE_MOVEMENTS.includes(m.movement));
  const evidence = await evidenceFor(db, "stanceId", [...new Set(listed.flatMap(cited))]);
  const out = (m: (typeof result.actors)[number]): ActorChange => ({
    actor: m.actor,
    name: names.get(m.actor)?.name ?? m.actor,
    movement: m.movement,
    label: label(m.movement, scale.categories),
    because: m.because,
    shift: m.shift,
    before: holdingOut(m.before),
    after: holdingOut(m.after),
    steps: m.steps.map((s) => ({ ...stepOut(s), straddles: s.straddles })),
    evidence: CHANGE_MOVEMENTS.includes(m.movement)
      ? cited(m).flatMap((stance) => (evidence.get(stance) ?? []).map((e) => ({ stance, ...e })))
      : [],
  });
  return {
    topic: q.topic,
    from: q.from,
    to: q.to,
    revision,
    counts: result.counts,
    changes: listed.map(out),
    notChanges: result.actors.filter((m) => !CHANGE_MOVEMENTS.includes(m.movement)).map(out),
  };
}

/** A reference that names no move: `reference` is refused by name. */
export class UnknownReference extends Error {}

/**
 * Who followed whom on a topic (core's sequenceOf): each actor's moves against the reference, lags and
 * the reactions to the reference's event by the rows' actors. Null when there is no such topic.
 */
export async function topicSequence(db: Db, q: { topic: string; reference?: string | undefined }): Promise<SequenceResult | null> {
  const scale = await topicScale(db, q.topic);
  if (!scale) return null;
  const [stances, names, revision, reactions, events] = await Promise.all([
    topicStances(db, q.topic),
    actorNames(db),
    readRevision(db),
    db.sql.all<{ id: string; actor: string; event: string; date: string | null; attested: string; sentiment: string }>(
      `SELECT r."id" AS "id", a."slug" AS "actor", e."slug" AS "event", r."date" AS "date", r."attested" AS "attested", r."sentiment" AS "sentiment"
       FROM "Reaction" r JOIN "Actor" a ON a."id" = r."actorId" JOIN "Event" e ON e."id" = r."targetEventId" ORDER BY r."sortDate", r."id"`,
    ),
    db.sql.all<{ slug: string; date: string; actor: string }>(
      `SELECT e."slug" AS "slug", e."date" AS "date", a."slug" AS "actor"
       FROM "Event" e JOIN "EventActor" ea ON ea."eventId" = e."id" JOIN "Actor" a ON a."id" = ea."actorId"`,
    ),
  ]);
  const eventActors = new Map<string, { slug: string; date: string; actors: string[] }>();
  for (const e of events) {
    const known = eventActors.get(e.slug) ?? { slug: e.slug, date: e.date, actors: [] };
    known.actors.push(e.actor);
    eventActors.set(e.slug, known);
  }
  const wanted = q.reference ? { actor: q.reference.split("@")[0] ?? "", date: q.reference.split("@")[1] ?? "" } : undefined;
  const seq = sequenceOf({
    stances,
    topic: q.topic,
    categories: scale.categories,
    reference: wanted,
    reactions: reactions.map((r) => ({
      id: r.id,
      actor: r.actor,
      target: { event: r.event },
      date: r.date,
      attested: r.attested,
      sentiment: r.sentiment,
    })),
    events: [...eventActors.values()],
    affiliationOf: (a) => names.get(a)?.affiliation ?? undefined,
  });
  if (wanted && seq.reference?.chosen !== "chosen")
    throw new UnknownReference(`${wanted.actor} has no dated move on "${q.topic}" that covers ${wanted.date}`);
  const ref = seq.reference;
  const lag = (date: string): Lag | null => (ref ? lagBetween(ref.date, date) : null);
  const name = (slug: string) => names.get(slug)?.name ?? slug;
  return {
    topic: q.topic,
    revision,
    reference: ref
      ? { actor: ref.actor, name: name(ref.actor), date: ref.date, category: ref.category, stance: ref.stance ?? null, chosen: ref.chosen }
      : null,
    ...(seq.reason ? { reason: seq.reason } : {}),
    rows: seq.rows.map((r) => ({
      actor: r.actor,
      name: name(r.actor),
      first: r.first,
      moves: r.moves.map((m) => ({ ...stepOut(m), lag: lag(m.date) })),
      attested: r.attested.map((s) => ({ stance: s.id, category: s.category, attested: s.attested, lag: lag(s.attested) })),
    })),
    links: seq.links.map((l) => ({
      actor: l.actor,
      name: name(l.actor),
      ...(l.via ? { via: l.via } : {}),
      reaction: l.reaction,
      date: l.date,
      lag: l.lag,
      ...(l.sentiment ? { sentiment: l.sentiment as NonNullable<SequenceResult["links"][number]["sentiment"]> } : {}),
    })),
  };
}
