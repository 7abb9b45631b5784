import type { NextConfig } from "next";

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
  ],
  poweredByHeader: false,
  // Separate build folders let several builds (a second e2e run, a benchmark) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    // Bulk import uploads (refused with a clear message above 10 MB by the import itself).
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

export default config;
