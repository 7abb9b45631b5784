// The Prisma CLI downloads native engines at every command, and this project runs
// where that cannot happen. Placeholder engines stop the download; the CLI then
// uses its wasm schema engine and the client uses the wasm query compiler.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const prismaDir = join(repoRoot, "prisma");
export const generatedDir = join(prismaDir, "generated");
export const providers = ["sqlite", "postgresql"];
const kyselyGenerator = createRequire(import.meta.url).resolve("prisma-kysely/dist/bin.js");

export function prismaEnv() {
  const engines = join(generatedDir, "engines");
  mkdirSync(engines, { recursive: true });
  const schemaEngine = join(engines, "schema-engine-placeholder");
  const queryEngine = join(engines, "query-engine-placeholder.node");
  if (!existsSync(schemaEngine)) {
    writeFileSync(schemaEngine, "#!/bin/sh\necho 'native schema engine not available: use the wasm engine' >&2\nexit 1\n");
    chmodSync(schemaEngine, 0o755);
  }
  if (!existsSync(queryEngine)) writeFileSync(queryEngine, "");
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: schemaEngine,
    PRISMA_QUERY_ENGINE_LIBRARY: queryEngine,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

/** The schema for one provider, derived from prisma/schema.prisma (the only file to edit). */
export function schemaFor(source, provider) {
  return (
    source
      .replaceAll('"../packages/db/src/generated/PROVIDER"', `"../../../packages/db/src/generated/${provider}"`)
      // prisma-kysely's entry point by path: where npm puts its bin link depends on how it was hoisted.
      .replace('provider = "prisma-kysely"', `provider = "node ${kyselyGenerator}"`)
      .replace(
        /datasource db \{[^}]*\}/,
        `datasource db {\n  provider = "${provider}"\n  url      = "${provider === "sqlite" ? "file:./placeholder.db" : "postgresql://localhost/placeholder"}"\n}`,
      )
  );
}
