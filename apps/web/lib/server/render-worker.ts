// The render pool's worker thread (bundled to .render-worker/render-worker.mjs by
// scripts/render-worker-bundle.mjs): makes one export file per call, off the server's event loop.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { MapPicture } from "@/lib/export/views";
import { mapPictureOf, type PictureTask, type RenderResult, type RenderTask, renderFile } from "./export-render";
import { fastPng } from "./png";

// resvg's pixels (hundreds of MB for a print PNG) are native memory freed only when their JavaScript
// wrapper is collected, and V8 does not see that pressure: collect after each render. (A worker thread
// cannot be started with --expose-gc; the flag set here exposes `gc` to a fresh context.)
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as (() => void) | undefined;

export default async function render(task: RenderTask | PictureTask): Promise<RenderResult | MapPicture> {
  if ("make" in task) return mapPictureOf(task);
  // A large PNG (print, 4x) is collected before its answer goes: collected after it, the next render
  // started first and a flood of 600 dpi exports peaked ~90 MB higher (export-flood.spec.ts). Any other
  // render is collected on the worker's next turn, so the collection (20–60 ms) no longer delays its answer.
  const large = task.format === "png" && !fastPng(task.q.pixelWidth, task.q.pixelHeight);
  try {
    const result = await renderFile(task);
    // A Buffer may be a view into a larger pooled allocation: hand back exactly its bytes.
    if (result.ok && typeof result.body !== "string") return { ...result, body: new Uint8Array(result.body) };
    return result;
  } finally {
    if (large) collect?.();
    else setImmediate(() => collect?.());
  }
}
