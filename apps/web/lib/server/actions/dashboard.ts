"use server";
// Data the dashboard loads on demand rather than in its first paint.
import type { EmbeddedFont } from "@stancemap/charts/export";
import { countReactionEdges, getDb, type ReactionEdgeScope, revisionInfo, selectReactionEdges, withPublishedAt } from "@stancemap/db";
import type { ReactionEdgeSet } from "@/lib/dashboard-data";
import { MAX_NETWORK_REACTIONS } from "@/lib/server/dashboard";
import { embeddedFonts } from "@/lib/server/export-fonts";

/** A scope from the browser, checked: a server action's arguments are whatever a client sends. */
function readScope(raw: unknown): ReactionEdgeScope {
  if (typeof raw !== "object" || raw === null) return {};
  const { to, sentiments, kinds } = raw as Record<string, unknown>;
  const words = (v: unknown) =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === "string" && /^[a-z][a-z-]{0,40}$/.test(s)).slice(0, 20) : [];
  return {
    ...(typeof to === "string" && /^\d{4}-\d{2}-\d{2}$/.test(to) ? { to } : {}),
    sentiments: words(sentiments),
    kinds: words(kinds),
  };
}

/** The network's edges: fetched when the network view first opens, so the map's page stays light; the
 * newest MAX_NETWORK_REACTIONS in `scope` (up to a date, of some sentiments or kinds of reacting actor),
 * with how many the scope holds. With `revision`, as published then (a page pinned with `?revision=`). */
export async function loadReactionEdges(revision?: unknown, scope?: unknown): Promise<ReactionEdgeSet> {
  const pin = typeof revision === "number" ? revision : null;
  if (pin !== null) await revisionInfo(getDb(), pin);
  const within = readScope(scope);
  const read = (db: ReturnType<typeof getDb>) =>
    Promise.all([selectReactionEdges(db, MAX_NETWORK_REACTIONS, within), countReactionEdges(db, within)]);
  const [reactions, total] = pin === null ? await read(getDb()) : await withPublishedAt(getDb(), pin, read);
  return { reactions, total, truncated: total > reactions.length, scope: within };
}

/** The fonts every exported SVG embeds: the export dialog embeds the same files the export API does. */
export async function loadExportFonts(): Promise<EmbeddedFont[]> {
  return embeddedFonts();
}
