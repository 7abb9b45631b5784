// What the dashboard page works out from a topic's stances on every request (the map at a date, the
// legend's counts, the dates with data), read once per revision and topic: each stance's dates, category
// and qualifiers only, indexed by actor (core's StanceIndex). A request then costs a lookup per actor,
// not a read and a parse of every stance with its quotes and sources, whatever the dataset's size.
import { countsFrom, StanceIndex } from "@stancemap/core";
import type { Db } from "./client";
import type { CompactStance } from "./dashboard";
import { jsonList } from "./mappers";
import { carriedRead } from "./read-cache";
import { readRevision } from "./read-model";

/** A stance as the map decides with it: what core's holding rules read, and its category and qualifiers. */
export type FrameStance = Pick<
  CompactStance,
  "id" | "actor" | "topic" | "category" | "validFrom" | "attested" | "validUntil" | "qualifiers"
>;

/** The first and last days the topic's stances count from; null and "" when it has none. */
export interface StanceBounds {
  /** The earliest day any stance counts from, and the EDTF it counts from (its start, else its attestation). */
  earliest: { day: string; edtf: string } | null;
  latest: string;
}

export interface TopicFrame {
  topic: string;
  /** Every stance of the topic, by actor, in the order they count from. */
  index: StanceIndex<FrameStance>;
  bounds: StanceBounds;
  stances: number;
}

/**
 * The dates with data, over stances in the timeline's order (actor, then the day each counts from): the first
 * stance of the earliest day and the latest day. The dashboard's links outside the data are clamped to them.
 */
export function stanceBounds(stances: Iterable<{ validFrom?: string | null; attested: string }>): StanceBounds {
  let earliest: StanceBounds["earliest"] = null;
  let latest = "";
  for (const s of stances) {
    const day = countsFrom(s as FrameStance);
    if (!earliest || day < earliest.day) earliest = { day, edtf: s.validFrom ?? s.attested };
    if (day > latest) latest = day;
  }
  return { earliest, latest };
}

/** Rough bytes of a frame in memory: a lean object per stance with its id, and the index's entries. */
const FRAME_BYTES_PER_STANCE = 240;

/**
 * The topic's frame at the revision this request reads, shared by every request of that revision (read-cache.ts):
 * a publish changes the key of the next request; it is read again then, unless no publish since the last
 * frame changed a stance or a topic (carriedRead), and never served stale.
 */
export async function selectTopicFrame(db: Db, topicSlug: string): Promise<TopicFrame> {
  return carriedRead(
    db,
    await readRevision(db),
    `frame\u0000${topicSlug}`,
    // Its stances and their topic's category keys. An actor's slug is its id (an edit never changes it),
    // and an actor with stances cannot be removed without removing them.
    ["stance", "topic"],
    () => topicFrame(db, topicSlug),
    (f) => f.stances * FRAME_BYTES_PER_STANCE,
    { large: true },
  );
}

async function topicFrame(db: Db, topicSlug: string): Promise<TopicFrame> {
  const rows = await db.kysely
    .selectFrom("Stance as st")
    .innerJoin("Actor as a", "a.id", "st.actorId")
    .innerJoin("Topic as t", "t.id", "st.topicId")
    .innerJoin("Category as c", "c.id", "st.categoryId")
    .select([
      "st.id as id",
      "a.slug as actor",
      "c.key as category",
      "st.validFrom as validFrom",
      "st.attested as attested",
      "st.validUntil as validUntil",
      "st.qualifiers as qualifiers",
    ])
    .where("t.slug", "=", topicSlug)
    // The timeline's order (selectStanceTimeline), so the bounds name the same stance.
    .orderBy("a.slug")
    .orderBy("st.countsFrom")
    .orderBy("st.id")
    .execute();
  // A dataset has few distinct dates, categories and qualifier lists: each is kept once.
  const strings = new Map<string, string>();
  const one = (s: string) => {
    const had = strings.get(s);
    if (had !== undefined) return had;
    strings.set(s, s);
    return s;
  };
  const lists = new Map<string, string[]>();
  const stances = rows.map((r): FrameStance => {
    const key = r.qualifiers ?? "";
    let qualifiers = lists.get(key);
    if (!qualifiers) {
      qualifiers = Object.freeze(jsonList<string>(r.qualifiers)) as string[];
      lists.set(key, qualifiers);
    }
    return {
      id: r.id,
      actor: one(r.actor),
      topic: topicSlug,
      category: one(r.category),
      validFrom: r.validFrom === null ? null : one(r.validFrom),
      attested: one(r.attested),
      validUntil: r.validUntil === null ? null : one(r.validUntil),
      qualifiers,
    };
  });
  return { topic: topicSlug, index: new StanceIndex(stances, topicSlug), bounds: stanceBounds(stances), stances: stances.length };
}
