"use server";
// Data the dashboard loads on demand rather than in its first paint.
import type { EmbeddedFont } from "@stancemap/charts/export";
import { getDb, revisionInfo, selectReactionEdges, withPublishedAt } from "@stancemap/db";
import type { CompactReaction } from "@/lib/dashboard-data";
import { MAX_NETWORK_REACTIONS } from "@/lib/server/dashboard";
import { embeddedFonts } from "@/lib/server/export-fonts";

/** The network's edges: fetched when the network view first opens, so the map's page stays light. With
 * `revision`, as published then (a page pinned with `?revision=`). */
export async function loadReactionEdges(revision?: unknown): Promise<{ reactions: CompactReaction[]; truncated: boolean }> {
  const pin = typeof revision === "number" ? revision : null;
  if (pin !== null) await revisionInfo(getDb(), pin);
  const rows =
    pin === null
      ? await selectReactionEdges(getDb(), MAX_NETWORK_REACTIONS + 1)
      : await withPublishedAt(getDb(), pin, (db) => selectReactionEdges(db, MAX_NETWORK_REACTIONS + 1));
  return { reactions: rows.slice(0, MAX_NETWORK_REACTIONS), truncated: rows.length > MAX_NETWORK_REACTIONS };
}

/** The fonts every exported SVG embeds: the export dialog embeds the same files the export API does. */
export async function loadExportFonts(): Promise<EmbeddedFont[]> {
  return embeddedFonts();
}
