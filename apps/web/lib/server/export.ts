// Exports on the server: the published data a view needs is read here, and the file (the view's SVG from
// the same model and renderer the browser uses, PNG with resvg, vector PDF with pdfkit, or the data as a
// ZIP) is made in the render pool's worker threads (export-render.ts, render-pool.ts). Results are kept in
// memory by dataset revision and request (see cache below); only uncached files count against the
// render queue's bounds and the client's limits (export-limits.ts).
import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExportQuery, Topic } from "@stancemap/core";
import {
  consistentRead,
  type Db,
  getDb,
  readRevision,
  selectCompactActors,
  selectGapsBySlug,
  selectStanceTimeline,
  sourcesCitedBy,
} from "@stancemap/db";
import { LRUCache } from "lru-cache";
import { actorData, type ExportData, type ExportFormat, type ExportView } from "@/lib/export/views";
import { compactGap, compactSource } from "./dashboard";
import { checkLocalQuota, takeExportQuota } from "./export-limits";
import { type DrawnQuery, readExportData, readMapPicture } from "./export-reads";
import { ParameterError } from "./http";
import { admitRender, renderCost, renderInPool } from "./render-pool";

export { ExportNotFound } from "./export-reads";

/** The change export compares `from` with the date shown: it needs one, not after the other. */
export function checkChangeDates(view: ExportView, q: Pick<ExportQuery, "from">, date: string): void {
  if (view !== "change") return;
  if (!q.from) throw new ParameterError("from", "the change export needs `from`, the first of the two dates (YYYY-MM-DD)");
  if (q.from > date) throw new ParameterError("from", `must not be after the date shown (${date})`);
}

/**
 * The published data `view` draws in the query's state, all of one revision (`consistentRead`: a pinned
 * `?revision=N` from its snapshot, else the live tables, read again when a publish overlapped the read).
 * `data.revision` names the revision drawn, which keys and tags the file (it can be newer than the one the
 * request read first).
 */
export async function exportData(view: ExportView, q: ExportQuery): Promise<{ data: ExportData; q: DrawnQuery }> {
  return consistentRead(
    getDb(),
    (from) => readExportData(from, view, q),
    (r) => r.data.revision,
    q.revision,
  );
}

export interface ExportFile {
  body: Buffer | string;
  type: string;
  filename: string;
  /** The dataset revision the file draws. */
  revision: number;
}

const TYPES: Record<ExportFormat, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  pdf: "application/pdf",
  zip: "application/zip",
};

// Files by dataset revision and request: a new revision makes new keys, and old ones age out. Each
// instance keeps its own; all instances make the same file from the same revision and request.
const cache = new LRUCache<string, ExportFile>({
  maxSize: 96 * 1024 * 1024,
  sizeCalculation: (f) => Math.max(1, typeof f.body === "string" ? f.body.length * 2 : f.body.byteLength),
});

/** The build this server runs: a new build may draw differently, so its files get new keys and ETags. */
const BUILD = (() => {
  try {
    return readFileSync(join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
})();

/** The cache key (and ETag seed): revision, build, file, origin and the parsed query in a fixed order,
 * so spelling the same request differently finds the same file. */
export function exportCacheKey(revision: number, file: string, q: ExportQuery, origin: string): string {
  const { view: _view, q: _search, ...rest } = q;
  const sorted = Object.entries(rest)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([revision, BUILD, file, origin, sorted]);
}

// A request for a file already being made waits for it rather than making it again (and counts against
// nothing). Every other miss is checked against this process's counts for its client (429), admitted by
// the render queue (or refused with 503) and counted against its client's shared limits (429) before
// anything is read or drawn.
const making = new Map<string, Promise<ExportFile>>();

export interface ExportJob {
  view: ExportView;
  format: ExportFormat;
  q: ExportQuery;
  origin: string;
  /** Who asked (client-address.ts), for the per-client limits. */
  client: string;
}

/** The file for a request keyed by the revision it read (`key`): from the cache, or made and kept under
 * the key of the revision it draws (a publish may have come between). */
export async function cachedExport(key: string, job: ExportJob): Promise<{ file: ExportFile; cached: boolean }> {
  const hit = cache.get(key);
  if (hit) return { file: hit, cached: true };
  let pending = making.get(key);
  if (!pending) {
    checkLocalQuota(job.client);
    const releaseRender = admitRender(renderCost({ format: job.format, q: job.q }));
    let releaseQuota: () => Promise<void>;
    try {
      releaseQuota = await takeExportQuota(job.client);
    } catch (e) {
      releaseRender();
      throw e;
    }
    pending = making.get(key);
    if (pending) {
      // Someone started the same file meanwhile: share it.
      releaseRender();
      await releaseQuota();
    } else {
      pending = makeExportFile(job).finally(() => {
        making.delete(key);
        releaseRender();
        return releaseQuota();
      });
      making.set(key, pending);
    }
  }
  const file = await pending;
  const drawn = exportCacheKey(file.revision, `${job.view}.${job.format}`, job.q, job.origin);
  cache.set(drawn, file);
  return { file, cached: false };
}

/** The map's picture in the query's state (export-reads.ts), all of one revision, as `exportData` reads. */
async function exportMapPicture(q: ExportQuery) {
  return consistentRead(
    getDb(),
    (from) => readMapPicture(from, q),
    (r) => r.picture.revision,
    q.revision,
  );
}

/** Reads the published data the view draws (only that: export-reads.ts), then makes the file in the render
 * pool; a map's picture formats draw its picture, kept per revision. */
export async function makeExportFile({ view, format, q, origin }: ExportJob): Promise<ExportFile> {
  const { result, revision } = await (async () => {
    if (view === "map" && format !== "zip") {
      const { picture, q: drawn } = await exportMapPicture(q);
      return { result: await renderInPool({ view, format, picture, q: drawn, origin }), revision: picture.revision };
    }
    const { data, q: drawn } = await exportData(view, q);
    checkChangeDates(view, q, drawn.date);
    return { result: await renderInPool({ view, format, data, q: drawn, origin }), revision: data.revision };
  })();
  if (!result.ok) throw new ParameterError(result.parameter, result.message);
  const body =
    typeof result.body === "string" ? result.body : Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength);
  return { body, type: TYPES[format], filename: result.filename, revision };
}

/** What the actor page's export dialogs need, one per topic: the published data the API's actor export
 * reads (the same queries as the dashboard's), read once for the page and cut to this actor. */
export async function actorExportData(actor: string, topics: readonly Topic[], db: Db = getDb()): Promise<ExportData[]> {
  // Only what the actor's export draws: its own row, stances and notes, and the sources they cite. Reading
  // every stance of every topic made the actor page's time grow with the dataset.
  const [actors, revision] = await Promise.all([selectCompactActors(db, [actor]), readRevision(db)]);
  const perTopic = await Promise.all(
    topics.map(async (topic) => {
      const [stances, gaps] = await Promise.all([selectStanceTimeline(db, topic.slug, actor), selectGapsBySlug(db, topic.slug, [actor])]);
      return { topic, stances, gaps };
    }),
  );
  // With the sources they were found through, which the source line names ("Al Jazeera via ICWA").
  const sources = (
    await sourcesCitedBy(
      db,
      perTopic.flatMap((t) => t.stances.flatMap((s) => s.sources)),
    )
  ).map(compactSource);
  return perTopic.map(({ topic, stances, gaps }) =>
    actorData({ revision, topic, actors, stances, gaps: gaps.map(compactGap), events: [], reactions: null, sources }, actor),
  );
}
