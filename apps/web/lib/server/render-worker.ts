// The render pool's worker thread (bundled to .render-worker/render-worker.mjs by
// scripts/render-worker-bundle.mjs): makes one export file per call, off the server's event loop.
import { type RenderResult, type RenderTask, renderFile } from "./export-render";

export default async function render(task: RenderTask): Promise<RenderResult> {
  const result = await renderFile(task);
  // A Buffer may be a view into a larger pooled allocation: hand back exactly its bytes.
  if (result.ok && typeof result.body !== "string") return { ...result, body: new Uint8Array(result.body) };
  return result;
}
