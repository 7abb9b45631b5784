// The stance index: one topic's actors and every stance at one revision, in a columnar form that is a
// fraction of the objects' JSON. The one encoder and decoder (the route writes it, the dashboard reads it).
import type { CompactActor, CompactGap, CompactStance } from "./dashboard-data";

export const STANCE_INDEX_FORMAT = "stancemap-stance-index/1";

/**
 * Actors once (stances point at them by position); every repeated string (categories, EDTF dates,
 * qualifiers, confidence, speakers, publishers, source ids, quotes) once in `strings`, columns of
 * positions into it (-1 for null). Dates stay EDTF, not day numbers: core's holding rules read EDTF,
 * and a dataset has few distinct dates, so they cost a position each either way.
 */
export interface EncodedStanceIndex {
  format: typeof STANCE_INDEX_FORMAT;
  topic: string;
  revision: number;
  actors: CompactActor[];
  gaps: CompactGap[];
  strings: string[];
  stances: {
    id: string[];
    actor: number[];
    category: number[];
    validFrom: number[];
    attested: number[];
    validUntil: number[];
    /** Positions of each stance's qualifiers; an empty list for none. */
    qualifiers: number[][];
    confidence: number[];
    quote: number[];
    speaker: number[];
    publisher: number[];
    sources: number[][];
  };
}

/** What the index holds, decoded: what the dashboard draws every date from. */
export interface StanceIndexData {
  topic: string;
  revision: number;
  actors: CompactActor[];
  gaps: CompactGap[];
  stances: CompactStance[];
}

export function encodeStanceIndex(data: StanceIndexData): EncodedStanceIndex {
  const strings: string[] = [];
  const at = new Map<string, number>();
  const str = (s: string | null): number => {
    if (s === null) return -1;
    let i = at.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      at.set(s, i);
    }
    return i;
  };
  const actorAt = new Map(data.actors.map((a, i) => [a.slug, i]));
  const n = data.stances.length;
  const cols: EncodedStanceIndex["stances"] = {
    id: new Array(n),
    actor: new Array(n),
    category: new Array(n),
    validFrom: new Array(n),
    attested: new Array(n),
    validUntil: new Array(n),
    qualifiers: new Array(n),
    confidence: new Array(n),
    quote: new Array(n),
    speaker: new Array(n),
    publisher: new Array(n),
    sources: new Array(n),
  };
  data.stances.forEach((s, i) => {
    const actor = actorAt.get(s.actor);
    if (actor === undefined) throw new Error(`stance ${s.id}: actor ${s.actor} is not in the index's actors`);
    if (s.topic !== data.topic) throw new Error(`stance ${s.id}: topic ${s.topic}, not ${data.topic}`);
    cols.id[i] = s.id;
    cols.actor[i] = actor;
    cols.category[i] = str(s.category);
    cols.validFrom[i] = str(s.validFrom);
    cols.attested[i] = str(s.attested);
    cols.validUntil[i] = str(s.validUntil);
    cols.qualifiers[i] = s.qualifiers.map(str);
    cols.confidence[i] = str(s.confidence);
    cols.quote[i] = str(s.quote);
    cols.speaker[i] = str(s.speaker);
    cols.publisher[i] = str(s.publisher);
    cols.sources[i] = s.sources.map(str);
  });
  return {
    format: STANCE_INDEX_FORMAT,
    topic: data.topic,
    revision: data.revision,
    actors: data.actors,
    gaps: data.gaps,
    strings,
    stances: cols,
  };
}

export function decodeStanceIndex(index: EncodedStanceIndex): StanceIndexData {
  if (index.format !== STANCE_INDEX_FORMAT) throw new Error(`not a stance index of this version: ${String(index.format)}`);
  const { strings, actors, stances: c } = index;
  const str = (i: number | undefined): string | null => (i === undefined || i < 0 ? null : (strings[i] ?? null));
  const req = (i: number | undefined): string => {
    const s = str(i);
    if (s === null) throw new Error("the stance index is damaged: a required value is missing");
    return s;
  };
  const stances: CompactStance[] = new Array(c.id.length);
  for (let i = 0; i < c.id.length; i++) {
    const actor = actors[c.actor[i] ?? -1];
    if (!actor) throw new Error("the stance index is damaged: a stance points at no actor");
    stances[i] = {
      id: c.id[i] ?? "",
      actor: actor.slug,
      topic: index.topic,
      category: req(c.category[i]),
      validFrom: str(c.validFrom[i]),
      attested: req(c.attested[i]),
      validUntil: str(c.validUntil[i]),
      qualifiers: (c.qualifiers[i] ?? []).map(req),
      confidence: req(c.confidence[i]),
      quote: str(c.quote[i]),
      speaker: str(c.speaker[i]),
      publisher: str(c.publisher[i]),
      sources: (c.sources[i] ?? []).map(req),
    };
  }
  return { topic: index.topic, revision: index.revision, actors, gaps: index.gaps, stances };
}

/** The route the dashboard reads a topic's index from; with the revision, the answer never changes. */
export function stanceIndexPath(topic: string, revision: number): string {
  return `/data/stance-index/${encodeURIComponent(topic)}?revision=${revision}`;
}
