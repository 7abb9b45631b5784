// Generates the Prisma client for each provider from prisma/schema.prisma.
// Runs at `npm install` (postinstall) and via `npm run db:generate`.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { generatedDir, prismaDir, prismaEnv, providers, schemaFor } from "./prisma-env.mjs";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const source = readFileSync(join(prismaDir, "schema.prisma"), "utf8");
const env = prismaEnv();

for (const provider of providers) {
  const dir = join(generatedDir, provider);
  mkdirSync(dir, { recursive: true });
  const schemaPath = join(dir, "schema.prisma");
  writeFileSync(schemaPath, schemaFor(source, provider));
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schemaPath], { env, stdio: ["ignore", "ignore", "inherit"] });
  console.log(`prisma client generated for ${provider}`);
}
