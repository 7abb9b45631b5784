// The record types editors change and their API collections, without zod, so browser code can use them.
export const RECORD_TYPES = ["actor", "topic", "source", "stance", "reaction", "event", "gap"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The API's collection names, by record type. */
export const COLLECTIONS = {
  actor: "actors",
  topic: "topics",
  source: "sources",
  stance: "stances",
  reaction: "reactions",
  event: "events",
  gap: "gaps",
} as const satisfies Record<RecordType, string>;

export function typeOfCollection(collection: string): RecordType | null {
  const hit = Object.entries(COLLECTIONS).find(([, c]) => c === collection);
  return hit ? (hit[0] as RecordType) : null;
}

/** Kinds of actor and sentiments of a reaction, without zod: the schemas' enums and the URL parsers use these. */
export const ACTOR_KINDS = [
  "state",
  "organisation",
  "government-in-fact",
  "former-government",
  "institution",
  "group",
  "civil-society",
  "bloc",
  "person",
] as const;
/** What another name of an actor is: one in use now, a former one, or an abbreviation (acronym, short form). */
export const ALIAS_KINDS = ["alias", "former", "abbreviation"] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];
export const MAX_ALIASES = 20;
/** Sources cited by one stance, reaction or event (the dataset's most is 10): each costs a read when saved
 * and a quote check when reviewed, and 100,000 of them held the server for over a minute. */
export const MAX_EVIDENCE = 50;
/** Local forms of one actor's name. */
export const MAX_LOCAL_NAMES = 20;
/** Actors taking part in one event. */
export const MAX_EVENT_ACTORS = 200;
export const SENTIMENTS = ["supportive", "neutral", "concerned", "critical"] as const;
