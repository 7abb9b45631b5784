// The data an export reads: the dashboard's compact records (packages/db's Compact* rows have these
// shapes), one topic at a time. Declared here so that charts depends on core alone.
import type { Topic } from "@stancemap/core";

export interface ViewActor {
  slug: string;
  name: string;
  kind: string;
  iso3: string | null;
  isoNumeric: string | null;
  region: string | null;
  affiliation: string | null;
  role: string | null;
  names: { name: string; lang: string; dir: "ltr" | "rtl" }[];
}

export interface ViewStance {
  id: string;
  actor: string;
  topic: string;
  category: string;
  /** EDTF; null when the sources do not say when it began. */
  validFrom: string | null;
  /** EDTF: the date of the earliest evidence. */
  attested: string;
  /** EDTF; null while it holds. */
  validUntil: string | null;
  qualifiers: string[];
  confidence: string;
  /** The first quote, its speaker and publisher: read where a view shows them (an actor's history), not
   * by a map's export. */
  quote?: string | null;
  speaker?: string | null;
  publisher?: string | null;
  /** Ids of every source cited as evidence, in order. */
  sources: string[];
}

export interface ViewReaction {
  id: string;
  actor: string;
  target: { actor: string } | { event: string };
  date: string | null;
  attested: string;
  sentiment: string;
  summary: string;
  sources: string[];
}

export interface ViewEvent {
  slug: string;
  date: string;
  title: string;
  series: string | null;
  sources: string[];
  /** The actors taking part (slugs), when read: the sequence links reactions to the reference's event by them. */
  actors?: string[];
}

export interface ViewSource {
  id: string;
  publisher: string;
  title: string;
  publishedOn: string | null;
  url: string | null;
  /** The id of the source that cites this one (an endnote), when it was found through it. */
  citedIn?: string | null;
}

/** An editor's "no data" note; it may hold only for a period (EDTF, validUntil exclusive). */
export interface ViewGap {
  actor: string;
  note: string;
  validFrom?: string;
  validUntil?: string;
}

export interface ExportData {
  revision: number;
  topic: Topic;
  actors: ViewActor[];
  stances: ViewStance[];
  gaps: ViewGap[];
  events: ViewEvent[];
  /** The network's edges; null where the view has none (an actor page). */
  reactions: ViewReaction[] | null;
  sources: ViewSource[];
}
