// Bundles the export render pool's worker (lib/server/render-worker.ts and what it imports) into one
// file that Node loads at run time: .render-worker/render-worker.mjs. Next bundles the server but not
// worker-thread entry points, so next.config.ts calls this on build, dev and start (when missing).
// Native and heavy packages stay outside, resolved from the app's node_modules.
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const app = join(dirname(fileURLToPath(import.meta.url)), "..");
export const renderWorkerFile = join(app, ".render-worker", "render-worker.mjs");

/** Writes the bundle (atomically: several builds may share the checkout); `ifMissing` skips an existing one. */
export async function bundleRenderWorker({ ifMissing = false } = {}) {
  if (ifMissing && existsSync(renderWorkerFile)) return renderWorkerFile;
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [join(app, "lib", "server", "render-worker.ts")],
    absWorkingDir: app,
    tsconfig: join(app, "tsconfig.json"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // "server-only" resolves to its empty module under react-server, as in Next's server bundles.
    conditions: ["react-server"],
    external: ["@resvg/resvg-js", "pdfkit", "svg-to-pdfkit", "fontkit"],
    // Bundled CommonJS dependencies may call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    write: false,
    logLevel: "warning",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("render worker: esbuild wrote nothing");
  mkdirSync(dirname(renderWorkerFile), { recursive: true });
  const tmp = `${renderWorkerFile}.${process.pid}.tmp`;
  writeFileSync(tmp, output.contents);
  renameSync(tmp, renderWorkerFile);
  return renderWorkerFile;
}

// Run directly, it bundles now. (No top-level await: next.config.ts require()s this file.)
if (process.argv[1] === fileURLToPath(import.meta.url)) bundleRenderWorker().then(console.log);
