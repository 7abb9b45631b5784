// A topic's map at a date: each actor's category (or "no data" with its reason), how sure each is, and
// the legend's counts in scale order.
import { StanceIndex } from "./stance-index";
import { type GapReasonKind, gapReason, type HoldingBasis, type PeriodNote, stancesAt, type TimedStance } from "./time/holding";

export interface MapCategory {
  key: string;
  label: string;
  order: number;
  colour: string;
}

export interface MapActor {
  slug: string;
}

export interface MapStance extends TimedStance {
  category: string;
}

export interface MapGap extends PeriodNote {
  actor: string;
  topic: string;
}

export interface MapQualifier {
  key: string;
  label: string;
  description?: string | undefined;
}

export type MapEntry<A extends MapActor, S extends MapStance> =
  | {
      actor: A;
      status: "stance";
      stance: S;
      category: MapCategory;
      ageDays: number;
      basis: HoldingBasis;
      uncertain: boolean;
      uncertainBecause?: "start" | "end";
      /** EDTF the stance counts from. */
      since: string;
      qualifiers: readonly string[];
    }
  | { actor: A; status: "no-data"; reasonKind: GapReasonKind; reason: string };

export interface LegendItem {
  key: string;
  label: string;
  colour: string;
  order: number;
  count: number;
}

export interface QualifierCount extends MapQualifier {
  count: number;
}

export interface TopicMap<A extends MapActor, S extends MapStance> {
  topic: string;
  date: string;
  entries: MapEntry<A, S>[];
  legend: LegendItem[];
  noData: number;
  /** Stances shown that are uncertain at the date (inside a start's or end's uncertainty window). */
  uncertain: number;
  /** Stances shown from their attestation because their start is not stated. */
  attested: number;
  /** The topic's qualifiers with how many actors carry each at the date. */
  qualifiers: QualifierCount[];
}

export const NO_DATA_KEY = "no-data";

export function topicMapAt<A extends MapActor, S extends MapStance>(input: {
  topic: string;
  categories: readonly MapCategory[];
  actors: readonly A[];
  /** The topic's stances, or an index of them (faster when the same stances are asked about many dates). */
  stances: readonly S[] | StanceIndex<S>;
  gaps?: readonly MapGap[];
  qualifiers?: readonly MapQualifier[];
  date: string;
}): TopicMap<A, S> {
  const { topic, date } = input;
  const categories = [...input.categories].sort((a, b) => a.order - b.order);
  const byKey = new Map(categories.map((c) => [c.key, c]));
  const counts = new Map(categories.map((c) => [c.key, 0]));
  const qualifierCounts = new Map((input.qualifiers ?? []).map((q) => [q.key, 0]));
  const gaps = new Map((input.gaps ?? []).filter((g) => g.topic === topic).map((g) => [g.actor, g]));
  const stances = input.stances;
  const index = stances instanceof StanceIndex ? stances : null;
  const all = index ? null : stancesAt(stances as readonly S[], topic, date);
  // Each no-data actor's own stances give its reason: grouped once, not filtered per actor (the map asks for
  // every actor, so a filter per actor costs actors × stances).
  const byActor = new Map<string, S[]>();
  if (!index) {
    for (const s of stances as readonly S[]) {
      if (s.topic !== topic) continue;
      const list = byActor.get(s.actor);
      if (list) list.push(s);
      else byActor.set(s.actor, [s]);
    }
  }
  const ownOf = (slug: string): readonly S[] => (index ? index.stancesOf(slug) : (byActor.get(slug) ?? []));
  let noData = 0;
  let uncertain = 0;
  let attested = 0;
  const entries = input.actors.map((actor): MapEntry<A, S> => {
    const found = index ? index.asOf(actor.slug, date) : (all?.get(actor.slug) ?? null);
    const category = found && byKey.get(found.stance.category);
    if (!found || !category) {
      noData += 1;
      const why = gapReason({ actor: actor.slug, topic, date, stances: ownOf(actor.slug), gap: gaps.get(actor.slug) });
      return { actor, status: "no-data", reasonKind: why.kind, reason: why.reason };
    }
    counts.set(category.key, (counts.get(category.key) ?? 0) + 1);
    if (found.uncertain) uncertain += 1;
    if (found.basis === "attested") attested += 1;
    const qualifiers = found.stance.qualifiers ?? [];
    for (const q of qualifiers) if (qualifierCounts.has(q)) qualifierCounts.set(q, (qualifierCounts.get(q) ?? 0) + 1);
    return {
      actor,
      status: "stance",
      stance: found.stance,
      category,
      ageDays: found.ageDays,
      basis: found.basis,
      uncertain: found.uncertain,
      ...(found.uncertainBecause ? { uncertainBecause: found.uncertainBecause } : {}),
      since: found.since,
      qualifiers,
    };
  });
  const legend = categories.map((c) => ({ key: c.key, label: c.label, colour: c.colour, order: c.order, count: counts.get(c.key) ?? 0 }));
  const qualifiers = (input.qualifiers ?? []).map((q) => ({ ...q, count: qualifierCounts.get(q.key) ?? 0 }));
  return { topic, date, entries, legend, noData, uncertain, attested, qualifiers };
}
