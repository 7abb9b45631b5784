// Exports on the server: a view's SVG from the same model and renderer the browser uses
// (lib/export/views.ts, packages/charts), with the fonts embedded; PNG from it with resvg, vector PDF
// with pdfkit + svg-to-pdfkit (text kept as text, the font embedded), and the data behind it as a ZIP.
// Published data only. Results are kept in memory by dataset revision and request (see cache below).
import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { embedFonts } from "@stancemap/charts/export";
import type { ExportQuery, Topic } from "@stancemap/core";
import { getDb, readRevision, selectCompactActors, selectGapsBySlug, selectStanceTimeline } from "@stancemap/db";
import { LRUCache } from "lru-cache";
import pLimit from "p-limit";
import {
  actorData,
  CREDIT,
  type ExportData,
  type ExportFormat,
  type ExportModel,
  type ExportView,
  exportModel,
  LICENCE,
} from "@/lib/export/views";
import { dashboardSources, loadDashboard } from "./dashboard";
import { dataZip } from "./export-data";
import { embeddedFonts, fontFiles } from "./export-fonts";
import { ParameterError } from "./http";
import { mapGeometry } from "./map-geometry";

export class ExportNotFound extends Error {}

/** The model of a view in the query's state, from the published data. */
export async function loadExportModel(view: ExportView, q: ExportQuery): Promise<{ model: ExportModel; revision: number }> {
  const raw: Record<string, string> = {};
  if (q.topic) raw.topic = q.topic;
  if (q.date) raw.date = q.date;
  if (view === "network") raw.view = "network";
  const { data, state } = await loadDashboard(raw);
  if (q.topic && data.topic.slug !== q.topic) throw new ExportNotFound(`No topic "${q.topic}".`);
  if ((view === "actor" || (view === "timeline" && q.actor)) && !data.actors.some((a) => a.slug === q.actor))
    throw new ExportNotFound(`No actor "${q.actor}".`);
  const geometry =
    view === "map" ? mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : []))) : undefined;
  const model = exportModel(view, data, { ...q, topic: data.topic.slug, date: state.date }, geometry);
  return { model, revision: data.revision };
}

export function renderSvg(model: ExportModel, q: ExportQuery, origin: string): string {
  return embedFonts(model.render({ ...q, origin }), embeddedFonts());
}

/** The PNG with its density recorded (a pHYs chunk after the header), so that layout software places it at
 * the picture's size: 96 dpi at 1x, 192 at 2x, 300 when asked for print. */
export function withDensity(png: Buffer, dpi: number): Buffer {
  const data = Buffer.alloc(9);
  const perMetre = Math.round(dpi / 0.0254);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data.writeUInt8(1, 8); // unit: metre
  const type = Buffer.from("pHYs", "latin1");
  const chunk = Buffer.alloc(4 + 4 + 9 + 4);
  chunk.writeUInt32BE(9, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 17);
  // Signature (8 bytes), then IHDR: length, type, 13 bytes of data, CRC.
  const afterHeader = 8 + 4 + 4 + png.readUInt32BE(8) + 4;
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

export async function svgToPng(svg: string, pixelWidth: number): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const fonts = fontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: pixelWidth },
    // The exports' own font first; the machine's fonts only for letters it lacks.
    font: { fontFiles: [fonts.regular, fonts.bold], loadSystemFonts: true, defaultFontFamily: "Noto Sans" },
  });
  return resvg.render().asPng();
}

/** One vector page the size of the picture (1 px = 0.75 pt, so 1200 px is 900 pt), text kept as text. */
export async function svgToPdf(svg: string, width: number, height: number, title: string): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const { default: SVGtoPDF } = await import("svg-to-pdfkit");
  const fonts = fontFiles();
  const doc = new PDFDocument({
    size: [width * 0.75, height * 0.75],
    margin: 0,
    info: { Title: title, Creator: CREDIT, Subject: LICENCE },
  });
  doc.registerFont("NotoSans", fonts.regular);
  doc.registerFont("NotoSans-Bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  SVGtoPDF(doc, svg, 0, 0, {
    width: width * 0.75,
    height: height * 0.75,
    assumePt: false,
    fontCallback: (_family: string, bold: boolean) => (bold ? "NotoSans-Bold" : "NotoSans"),
  });
  doc.end();
  return done;
}

export interface ExportFile {
  body: Buffer | string;
  type: string;
  filename: string;
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

// At most two files are made at once (the others wait their turn), and a request for a file already
// being made waits for it rather than making it again.
const limit = pLimit(2);
const making = new Map<string, Promise<ExportFile>>();

/** The file for a request: from the cache, or made and kept. */
export async function cachedExport(key: string, make: () => Promise<ExportFile>): Promise<{ file: ExportFile; cached: boolean }> {
  const hit = cache.get(key);
  if (hit) return { file: hit, cached: true };
  let pending = making.get(key);
  if (!pending) {
    pending = limit(make).finally(() => making.delete(key));
    making.set(key, pending);
  }
  const file = await pending;
  cache.set(key, file);
  return { file, cached: false };
}

/** Makes the file: the view's SVG, PNG or PDF, or its data as a ZIP. */
export async function makeExportFile(view: ExportView, format: ExportFormat, q: ExportQuery, origin: string): Promise<ExportFile> {
  const { model, revision } = await loadExportModel(view, q);
  if (format === "zip") return { body: dataZip(model, revision, origin), type: TYPES.zip, filename: `${model.name}-data.zip` };
  if (model.tooLarge) throw new ParameterError(model.tooLarge.parameter, model.tooLarge.message);
  const svg = renderSvg(model, q, origin);
  const suffix = format === "png" ? (q.dpi ? `@${q.dpi}dpi` : q.scale !== 1 ? `@${q.scale}x` : "") : "";
  const body =
    format === "svg"
      ? svg
      : format === "png"
        ? withDensity(await svgToPng(svg, q.pixelWidth), q.dpi ?? 96 * q.scale)
        : await svgToPdf(svg, q.width, q.height, q.title || model.defaults.title);
  return { body, type: TYPES[format], filename: `${model.name}${suffix}.${format}` };
}

/** What the actor page's export dialogs need, one per topic: the published data the API's actor export
 * reads (the same queries as the dashboard's), read once for the page and cut to this actor. */
export async function actorExportData(actor: string, topics: readonly Topic[]): Promise<ExportData[]> {
  const db = getDb();
  const [actors, sources, revision] = await Promise.all([selectCompactActors(db), dashboardSources(db), readRevision(db)]);
  return Promise.all(
    topics.map(async (topic) => {
      const [stances, gaps] = await Promise.all([selectStanceTimeline(db, topic.slug), selectGapsBySlug(db, topic.slug)]);
      const data = {
        revision,
        topic,
        actors,
        stances,
        gaps: gaps.map((g) => ({ actor: g.actor, note: g.note })),
        events: [],
        reactions: null,
        sources,
      };
      return actorData(data, actor);
    }),
  );
}
