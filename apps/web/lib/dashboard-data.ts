// What the dashboard page hands to its client components: compact, serialisable, one topic at a time.
import type { Topic } from "@stancemap/core";
import type { CompactActor, CompactEvent, CompactReaction, CompactStance } from "@stancemap/db";

export type { CompactActor, CompactEvent, CompactReaction, CompactStance };

export interface CompactSource {
  id: string;
  publisher: string;
  title: string;
  publishedOn: string | null;
  url: string | null;
  /** The id of the source that cites this one (an endnote), when it was found through it. */
  citedIn?: string | null;
}

/** An editor's "no data" note; it may hold only for a period (EDTF, validUntil exclusive). */
export interface CompactGap {
  actor: string;
  note: string;
  validFrom?: string;
  validUntil?: string;
}

export interface DashboardData {
  revision: number;
  topics: Topic[];
  topic: Topic;
  actors: CompactActor[];
  stances: CompactStance[];
  gaps: CompactGap[];
  events: CompactEvent[];
  /** The network's edges; null until the network view asks for them. */
  reactions: CompactReaction[] | null;
  /** True when more reactions exist than the network was given. */
  reactionsTruncated: boolean;
  /** How many reactions there are in all (a count, not the length of `reactions`); null until asked for. */
  reactionsTotal: number | null;
  sources: CompactSource[];
  /** The revision shown, for "Cite this": absent in the admin preview (drafts are not citable). */
  shown?: RevisionShown;
}

/** Reactions as the network loads them: the newest that fit in its scope, and how many the scope holds. */
export interface ReactionEdgeSet {
  /** Oldest first. */
  reactions: CompactReaction[];
  total: number;
  /** More in scope than were sent: the oldest were left out. */
  truncated: boolean;
  scope: { to?: string; sentiments?: readonly string[]; kinds?: readonly string[] };
}

/** The dataset revision a page shows: when it was published, and whether the URL pinned it (`?revision=`). */
export interface RevisionShown {
  revision: number;
  /** When it was published (ISO timestamp), when known. */
  at: string | null;
  pinned: boolean;
  /** The dataset's revision now. */
  current: number;
}

/** A query parameter that was ignored, and why: shown to the user, never a crash. */
export interface Notice {
  parameter: string;
  value: string;
  message: string;
  /** Parameters to set instead of dropping this one, written back into the address (`from` after `date`:
   * the two swapped; a date before the data: the earliest day with data; null: the parameter removed). */
  fix?: Record<string, string | null>;
}
