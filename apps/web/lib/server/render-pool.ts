// The export render pool: worker threads (piscina) that make export files, so a render never blocks the
// event loop, behind an admission bound: at most STANCEMAP_RENDER_QUEUE renders admitted (running and
// waiting) and their estimated memory within STANCEMAP_RENDER_MEMORY_MB. Past either, a render is refused
// at once (503 with Retry-After) instead of piling up.
import "server-only";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Piscina from "piscina";
import type { ExportData, MapPicture } from "@/lib/export/views";
import { env } from "./env";
import type { PictureTask, RenderResult, RenderTask } from "./export-render";
import { fastPng } from "./png";

/** A refusal of expensive work: 503 (the server is busy) or 429 (this client is over its limit). */
export class ExportRefused extends Error {
  constructor(
    readonly status: 429 | 503,
    readonly retryAfter: number,
    message: string,
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;
/** What a render holds besides its pixels: the data, the model, the SVG, a PDF. */
const BASE_COST = 24 * MB;

/** Estimated memory of a render: its pixels (4 bytes each) when it is a PNG, and up to FAST_PNG_MAX_PIXELS
 * (png.ts's fastPng) the copies `encodePng` makes (RGBA out of resvg, the RGB rows: 7 more bytes a pixel). */
export function renderCost(task: Pick<RenderTask, "format"> & { q: { pixelWidth: number; pixelHeight: number } }): number {
  if (task.format !== "png") return BASE_COST;
  const pixels = task.q.pixelWidth * task.q.pixelHeight;
  return BASE_COST + pixels * (fastPng(task.q.pixelWidth, task.q.pixelHeight) ? 11 : 4);
}

let pool: Piscina<RenderTask | PictureTask, RenderResult | MapPicture> | null = null;
function renderPool(): Piscina<RenderTask | PictureTask, RenderResult | MapPicture> {
  pool ??= new Piscina<RenderTask | PictureTask, RenderResult | MapPicture>({
    // Bundled by scripts/render-worker-bundle.mjs (next.config.ts runs it); the server runs from apps/web.
    filename: pathToFileURL(join(process.cwd(), ".render-worker", "render-worker.mjs")).href,
    minThreads: 0,
    maxThreads: env.STANCEMAP_RENDER_THREADS,
    idleTimeout: 60_000,
    // A worker's own JavaScript heap is bounded too; resvg's pixels are outside it (counted above).
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
    // Between tasks a worker's event loop must run: resvg's pixels are freed by finalizers that run on a
    // later turn, after the collection that follows each render (render-worker.ts). Piscina's default
    // ("sync") parks the thread in Atomics.wait between tasks, so they never ran, and each 4x PNG of the
    // map left its 52 MB of pixels behind (24 of them: +1.3 GB of RSS). Tasks arrive by message instead.
    atomics: "disabled",
  });
  return pool;
}

let admitted = 0;
let admittedBytes = 0;
/** Seconds a render took, smoothed; the basis of Retry-After. */
let averageSeconds = 2;

/** Seconds until a place is likely free: the renders ahead of it, at the recent pace, over the threads. */
export function busyFor(ahead: number = admitted): number {
  return Math.min(120, Math.max(1, Math.ceil((averageSeconds * Math.max(1, ahead)) / env.STANCEMAP_RENDER_THREADS)));
}

/** Reserves a place for a render of `cost` bytes, or refuses with 503. Returns its release. */
export function admitRender(cost: number): () => void {
  const budget = env.STANCEMAP_RENDER_MEMORY_MB * MB;
  // A render larger than the whole budget still runs, alone, so that it is not refused for ever.
  const overMemory = admitted > 0 && admittedBytes + cost > budget;
  if (admitted >= env.STANCEMAP_RENDER_QUEUE || overMemory)
    throw new ExportRefused(
      503,
      busyFor(),
      overMemory
        ? "The export renderer's memory budget is taken by the files being made; retry after the time given."
        : "The export renderer's queue is full; retry after the time given.",
    );
  admitted++;
  admittedBytes += cost;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    admitted--;
    admittedBytes -= cost;
  };
}

/** Renders in a worker thread; the caller holds an admission. */
export async function renderInPool(task: RenderTask): Promise<RenderResult> {
  const started = performance.now();
  try {
    return (await renderPool().run(task)) as RenderResult;
  } finally {
    averageSeconds = averageSeconds * 0.7 + ((performance.now() - started) / 1000) * 0.3;
  }
}

/** A map's picture made from its data in a worker thread (the part of a map export that grows with the
 * dataset); the caller holds an admission. */
export async function mapPictureInPool(data: ExportData, q: PictureTask["q"]): Promise<MapPicture> {
  const started = performance.now();
  try {
    return (await renderPool().run({ make: "map-picture", data, q } satisfies PictureTask)) as MapPicture;
  } finally {
    averageSeconds = averageSeconds * 0.7 + ((performance.now() - started) / 1000) * 0.3;
  }
}

/** What the pool holds now (for tests and health). */
export function renderLoad(): { admitted: number; admittedMB: number; threads: number } {
  return { admitted, admittedMB: Math.round(admittedBytes / MB), threads: env.STANCEMAP_RENDER_THREADS };
}
