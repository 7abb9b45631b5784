import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { PROXY_BODY_BYTES } from "./lib/server/body-limit";
import { bundleRenderWorker } from "./scripts/render-worker-bundle.mjs";

const config: NextConfig = {
  // Internal packages ship TypeScript source; Next compiles them.
  transpilePackages: ["@stancemap/core", "@stancemap/db", "@stancemap/charts"],
  // Native and wasm-backed database drivers stay outside the bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@resvg/resvg-js",
    "pdfkit",
    "svg-to-pdfkit",
    "pino",
    "pino-pretty",
    "piscina",
  ],
  poweredByHeader: false,
  // Separate build folders let several builds (a second e2e run, a benchmark) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    // Bulk import uploads (refused with a clear message above 10 MB by the import itself).
    serverActions: { bodySizeLimit: "11mb" },
    // Every request's body passes through proxy.ts's buffer: room for the largest write body, plus the
    // margin by which one cut there is known to be too big (lib/server/body-limit.ts).
    proxyClientMaxBodySize: PROXY_BODY_BYTES,
  },
};

// The export render pool's worker is its own bundle (scripts/render-worker-bundle.mjs): made fresh by
// `next build` and `next dev`, and by `next start` when it is missing.
export default async function nextConfig(phase: string): Promise<NextConfig> {
  // Build workers load this file again; they inherit the flag and skip the bundle.
  if (!process.env.STANCEMAP_RENDER_WORKER_BUNDLED) await bundleRenderWorker({ ifMissing: phase === PHASE_PRODUCTION_SERVER });
  process.env.STANCEMAP_RENDER_WORKER_BUNDLED = "1";
  return config;
}
