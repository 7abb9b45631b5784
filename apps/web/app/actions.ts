"use server";
// Data the dashboard loads on demand rather than in its first paint.
import { getDb, selectReactionEdges } from "@stancemap/db";
import type { CompactReaction } from "@/lib/dashboard-data";
import { MAX_NETWORK_REACTIONS } from "@/lib/server/dashboard";

/** The network's edges: fetched when the network view first opens, so the map's page stays light. */
export async function loadReactionEdges(): Promise<{ reactions: CompactReaction[]; truncated: boolean }> {
  const rows = await selectReactionEdges(getDb(), MAX_NETWORK_REACTIONS + 1);
  return { reactions: rows.slice(0, MAX_NETWORK_REACTIONS), truncated: rows.length > MAX_NETWORK_REACTIONS };
}
