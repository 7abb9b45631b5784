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
  sources: CompactSource[];
}

/** A query parameter that was ignored, and why: shown to the user, never a crash. */
export interface Notice {
  parameter: string;
  value: string;
  message: string;
}
