// A quote's speaker in words, and records written before speakers had names read in today's form.
// No zod here: browser code imports this through `model.ts`.

/** A speaker in the earlier form (an actor's slug, as records were written before speakers had names) in today's form. */
export function upgradeSpeaker(value: unknown): unknown {
  return typeof value === "string" ? { actor: value } : value;
}

export interface SpeakerLike {
  name?: string;
  title?: string;
  actor?: string;
}

/** The speaker's name as printed, or the linked actor's name when the source names only the actor. */
export function speakerName(speaker: SpeakerLike, actorName?: (slug: string) => string | undefined): string {
  if (speaker.name) return speaker.name;
  if (speaker.actor) return actorName?.(speaker.actor) ?? speaker.actor;
  return "";
}

/** "Mumtaz Zahra Baloch, Foreign Office spokesperson": name, then title when there is one. */
export function speakerLabel(speaker: SpeakerLike, actorName?: (slug: string) => string | undefined): string {
  const name = speakerName(speaker, actorName);
  return speaker.title ? `${name}, ${speaker.title}` : name;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A record (stance, reaction, event) whose quotes may name their speaker by an actor's slug alone, as
 * records were stored before speakers had names, with each such speaker as `{ actor }`. Anything else is
 * returned as it is; a record with nothing to upgrade is returned unchanged (same object).
 */
export function upgradeRecordSpeakers<T>(record: T): T {
  if (!isObject(record) || !Array.isArray(record.evidence)) return record;
  const evidence = record.evidence as unknown[];
  if (!evidence.some((e) => isObject(e) && isObject(e.quote) && typeof e.quote.speaker === "string")) return record;
  return {
    ...record,
    evidence: evidence.map((e) =>
      isObject(e) && isObject(e.quote) && typeof e.quote.speaker === "string"
        ? { ...e, quote: { ...e.quote, speaker: upgradeSpeaker(e.quote.speaker) } }
        : e,
    ),
  } as T;
}
