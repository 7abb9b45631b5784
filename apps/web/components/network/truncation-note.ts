// What the network says when the server kept only the newest reactions: pure, so that it is tested alone.
import { formatEdtf, reactionCountsFrom } from "@stancemap/core/model";
import type { CompactReaction } from "@/lib/dashboard-data";

export interface ReactionScopeState {
  /** The reactions to draw (oldest first). */
  reactions: readonly CompactReaction[];
  /** How many reactions the scope holds on the server, drawn or not. */
  total: number;
  /** Some were left out: the oldest. */
  truncated: boolean;
  /** The reactions came from a narrower request (date, sentiments, kinds), not the first load. */
  scoped: boolean;
  /** A narrower request is on its way. */
  pending: boolean;
  /** What the scope was: the words of the note. */
  to: string | null;
  filtered: boolean;
}

/** "Showing the 20,000 newest of 100,000 reactions (from 27 June 2022 on). …", or null when none were left out. */
export function truncationNote(s: ReactionScopeState): string | null {
  if (!s.truncated) return null;
  const n = (v: number) => v.toLocaleString("en-GB");
  const first = s.reactions[0];
  const from = first ? ` (from ${formatEdtf(reactionCountsFrom(first))} on)` : "";
  const scope = s.scoped ? `${s.to ? ` up to ${formatEdtf(s.to)}` : ""}${s.filtered ? " with these filters" : ""}` : "";
  const pending = s.pending ? " Loading the newest for this date and these filters…" : "";
  return (
    `Showing the ${n(s.reactions.length)} newest of ${n(s.total)} reactions${scope}${from}; older ones are left out. ` +
    `Narrow by date, sentiment or kind of reacting actor to see them.${pending}`
  );
}
