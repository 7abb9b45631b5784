// What each export reads: only what its picture draws, through the scoped reads of packages/db
// (export-reads.ts), never the dashboard's whole data. The map reads the stances that can hold at its
// date; the timeline, change and sequence their topic's stances; each only the sources its records cite.
import "server-only";
import { countsFrom, type ExportQuery } from "@stancemap/core";
import {
  approxBytes,
  type CompactStance,
  cachedRead,
  type Db,
  readRevision,
  selectCompactActors,
  selectCompactEvents,
  selectGapsBySlug,
  selectPictureActors,
  selectReactionEdges,
  selectStancesAt,
  selectStanceTimeline,
  selectTopic,
  sourcesCitedBy,
} from "@stancemap/db";
import type { ExportData, ExportView, MapPicture } from "@/lib/export/views";
import { compactSource, MAX_NETWORK_REACTIONS, todayIso } from "./dashboard";
import { mapPictureInPool } from "./render-pool";

/** A topic or actor the query names that the data does not hold (404). */
export class ExportNotFound extends Error {}

/** The query with the topic and date drawn (the first topic and today when it names none). */
export type DrawnQuery = ExportQuery & { topic: string; date: string };

/** The query's topic (404 when the data has none of that name), the query with its topic and date drawn,
 * and the revision read. */
async function drawnQuery(db: Db, q: ExportQuery) {
  const topic = await selectTopic(db, q.topic);
  if (!topic) throw q.topic ? new ExportNotFound(`No topic "${q.topic}".`) : new Error("the database has no topics: run `npm run db:seed`");
  const date = q.date ?? todayIso();
  const drawn: DrawnQuery = { ...q, topic: topic.slug, date };
  return { topic, drawn, revision: await readRevision(db) };
}

/** What the map's picture depends on: its topic, date and filter (its kinds as a set). */
const mapKey = (q: DrawnQuery) => `${q.topic}\u0000${q.date}\u0000${q.region ?? ""}\u0000${[...new Set(q.kind ?? [])].sort().join(",")}`;

/**
 * The map's picture (charts' views/map.ts) in the query's state, read from `db`: made from the map's data
 * in the render pool once per revision, topic, date and filter, then kept, since it is as large as the
 * picture and not the dataset. Every picture file of it (the PNG, then the PDF, then another title or
 * size) draws from it: at 20,000 actors the read and the model over every actor were most of an export.
 */
export async function readMapPicture(
  db: Db,
  q: ExportQuery,
  make: (data: ExportData, q: DrawnQuery) => Promise<MapPicture> = mapPictureInPool,
): Promise<{ picture: MapPicture; q: DrawnQuery }> {
  const { drawn, revision } = await drawnQuery(db, q);
  const picture = await cachedRead(
    db,
    revision,
    `export:map-picture\u0000${mapKey(drawn)}`,
    async () => {
      const { data, q: read } = await readExportData(db, "map", drawn);
      return make(data, read);
    },
    approxBytes,
  );
  return { picture, q: drawn };
}

/** The published data `view` draws in the query's state, read from `db` (a pinned revision's snapshot, or the live one). */
export async function readExportData(db: Db, view: ExportView, q: ExportQuery): Promise<{ data: ExportData; q: DrawnQuery }> {
  const { topic, drawn, revision } = await drawnQuery(db, q);
  const date = drawn.date;
  // Not kept: a map's picture formats keep its picture instead (readMapPicture), and every file is kept
  // by the export cache.
  const parts = await readParts(db, view, topic.slug, drawn);
  // Only the sources the records read cite (stances that cannot have started by the date cite nothing drawn).
  const cited = [
    ...parts.stances.filter((s) => parts.citeAll || countsFrom(s) <= date).flatMap((s) => s.sources),
    ...parts.events.flatMap((e) => e.sources),
    ...(parts.reactions ?? []).flatMap((r) => r.sources),
  ];
  const sources = (await sourcesCitedBy(db, cited)).map(compactSource);
  const { citeAll: _, ...read } = { ...parts, sources };
  if ((view === "actor" || (view === "timeline" && q.actor)) && !read.actors.some((a) => a.slug === q.actor))
    throw new ExportNotFound(`No actor "${q.actor}".`);
  return { data: { revision, topic, ...read }, q: drawn };
}

type Parts = Omit<ExportData, "revision" | "topic" | "sources"> & { citeAll?: boolean };

/** A topic's no-data notes (of these actors, when given), each with the period it holds for. */
async function notes(db: Db, topic: string, actors?: readonly string[]): Promise<ExportData["gaps"]> {
  return (await selectGapsBySlug(db, topic, actors)).map((g) => ({
    actor: g.actor,
    note: g.note,
    ...(g.validFrom ? { validFrom: g.validFrom } : {}),
    ...(g.validUntil ? { validUntil: g.validUntil } : {}),
  }));
}

async function readParts(db: Db, view: ExportView, topic: string, q: DrawnQuery): Promise<Parts> {
  const none = { gaps: [], events: [], reactions: null };
  switch (view) {
    case "map": {
      // Every country (coloured, faded or hidden) and the badges the filters leave; each actor's stances
      // that can hold at the date, and the notes that say why none does.
      const filtered = Boolean(q.region || q.kind?.length);
      const actors = await selectPictureActors(db, { states: true, others: { region: q.region, kinds: q.kind } });
      const slugs = filtered ? actors.map((a) => a.slug) : undefined;
      const [stances, gaps] = await Promise.all([selectStancesAt(db, topic, q.date, slugs), notes(db, topic, slugs)]);
      return { ...none, actors, stances, gaps };
    }
    case "change": {
      // Every country (those with no stance on either date are drawn as such) and the topic's stances:
      // the steps between the two dates need each actor's history.
      const [actors, stances] = await Promise.all([
        selectPictureActors(db, { states: true, onTopic: topic }),
        selectStanceTimeline(db, topic),
      ]);
      return { ...none, actors, stances };
    }
    case "timeline": {
      const [actors, stances, events] = await Promise.all([
        q.actor ? selectPictureActors(db, { slugs: [q.actor] }) : selectPictureActors(db, { onTopic: topic }),
        selectStanceTimeline(db, topic, q.actor),
        selectCompactEvents(db),
      ]);
      return { ...none, actors, stances, events };
    }
    case "actor": {
      const actor = q.actor ?? "";
      const [actors, stances, gaps] = await Promise.all([
        selectCompactActors(db, [actor]),
        selectStanceTimeline(db, topic, actor),
        notes(db, topic, [actor]),
      ]);
      return { ...none, actors, stances, gaps };
    }
    case "network":
    case "sequence": {
      // Reactions are credited through affiliations to any actor: every actor is read (without names).
      const [actors, stances, events, reactions] = await Promise.all([
        selectPictureActors(db, { states: true, others: {} }),
        view === "sequence" ? selectStanceTimeline(db, topic) : Promise.resolve([] as CompactStance[]),
        selectCompactEvents(db),
        selectReactionEdges(db, MAX_NETWORK_REACTIONS),
      ]);
      return { gaps: [], actors, stances, events, reactions, citeAll: true };
    }
  }
}
