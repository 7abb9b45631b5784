"use server";
// Data the dashboard loads on demand rather than in its first paint.
import type { EmbeddedFont } from "@stancemap/charts/export";
import { getDb, selectReactionEdges } from "@stancemap/db";
import type { CompactReaction } from "@/lib/dashboard-data";
import { MAX_NETWORK_REACTIONS } from "@/lib/server/dashboard";
import { embeddedFonts } from "@/lib/server/export-fonts";

/** The network's edges: fetched when the network view first opens, so the map's page stays light. */
export async function loadReactionEdges(): Promise<{ reactions: CompactReaction[]; truncated: boolean }> {
  const rows = await selectReactionEdges(getDb(), MAX_NETWORK_REACTIONS + 1);
  return { reactions: rows.slice(0, MAX_NETWORK_REACTIONS), truncated: rows.length > MAX_NETWORK_REACTIONS };
}

/** The fonts every exported SVG embeds: the export dialog embeds the same files the export API does. */
export async function loadExportFonts(): Promise<EmbeddedFont[]> {
  return embeddedFonts();
}
