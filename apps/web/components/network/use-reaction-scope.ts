"use client";
// The reactions the network draws when the server could not send them all: it sends the newest (up to
// MAX_NETWORK_REACTIONS), so an older date or a narrower filter asks it again for the newest in that
// scope, and the view says what it left out. When everything was sent, nothing is asked.
import { reactionCountsFrom } from "@stancemap/core/model";
import { useEffect, useMemo, useState } from "react";
import type { CompactReaction, ReactionEdgeSet } from "@/lib/dashboard-data";
import { loadReactionEdges } from "@/lib/server/actions/dashboard";
import type { ReactionScopeState } from "./truncation-note";

export { type ReactionScopeState, truncationNote } from "./truncation-note";

interface Input {
  reactions: readonly CompactReaction[];
  total: number;
  revision?: number;
  date: string;
  sent: readonly string[];
  nkind: readonly string[];
}

const DEBOUNCE_MS = 250;

export function useReactionScope({ reactions, total, revision, date, sent, nkind }: Input): ReactionScopeState {
  const truncated = total > reactions.length;
  // The newest loaded reaction: a date after it needs nothing new from the server.
  const newest = reactions.length ? reactionCountsFrom(reactions[reactions.length - 1] as CompactReaction) : "";
  const key = JSON.stringify({ to: date < newest ? date : undefined, sentiments: sent, kinds: nkind });
  const wanted = truncated && key !== JSON.stringify({ sentiments: [], kinds: [] });
  const [result, setResult] = useState<{ key: string; set: ReactionEdgeSet } | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const timer = setTimeout(() => {
      const scope = JSON.parse(key) as ReactionEdgeSet["scope"];
      loadReactionEdges(revision, scope).then(
        (set) => {
          if (live) setResult({ key, set });
        },
        () => {
          if (live) setError(true);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, key, revision]);

  return useMemo(() => {
    const filtered = sent.length > 0 || nkind.length > 0;
    if (wanted && result?.key === key)
      return {
        reactions: result.set.reactions,
        total: result.set.total,
        truncated: result.set.truncated,
        scoped: true,
        pending: false,
        to: result.set.scope.to ?? null,
        filtered,
      };
    return { reactions, total, truncated, scoped: false, pending: wanted && !error, to: null, filtered };
  }, [wanted, result, key, reactions, total, truncated, sent, nkind, error]);
}
