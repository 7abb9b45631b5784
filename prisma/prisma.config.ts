// Prisma CLI configuration: the wasm schema engine through a driver adapter (no native engines,
// which cannot be downloaded here). Used by packages/db/scripts; `npx prisma … --config prisma/prisma.config.ts`.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const url = process.env.STANCEMAP_PRISMA_CLI_URL ?? "file::memory:";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "generated/sqlite/schema.prisma",
  migrations: { path: "migrations/sqlite" },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
