// Starts the production server for the e2e run on a database of its own: a fresh SQLite file
// (or STANCEMAP_E2E_DATABASE_URL, which must be local), migrated and seeded with the dataset.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, createUserRecord, loadDataset, migrate, seedDataset } from "@stancemap/db";
import { usersFile } from "./users-file.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const port = process.env.STANCEMAP_E2E_PORT ?? "3100";

function localOnly(url: string): string {
  if (url.startsWith("file:")) return url;
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    throw new Error(`e2e refuses to run against a non-local database (${host}); point STANCEMAP_E2E_DATABASE_URL at this machine`);
  }
  return url;
}

const tmp = join(here, "..", ".tmp", `run-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const url = localOnly(process.env.STANCEMAP_E2E_DATABASE_URL ?? `file:${join(tmp, "e2e.db")}`);

await migrate(url);
const db = createDb(url);
await seedDataset(db, loadDataset());
// One account per role, with passwords made for this run and kept beside it for the specs (support/auth.ts).
const users: Record<string, { email: string; password: string }> = {};
for (const role of ["editor", "reviewer", "admin"] as const) {
  const email = `${role}@e2e.test`;
  const password = randomBytes(12).toString("base64url");
  await createUserRecord(db, null, { email, name: `E2E ${role}`, role, password });
  users[role] = { email, password };
}
writeFileSync(usersFile(port), JSON.stringify(users));
await db.close();

const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  cwd: join(root, "apps", "web"),
  env: {
    ...process.env,
    DATABASE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    PORT: port,
    STANCEMAP_HOST: "127.0.0.1",
    // One JSON line per request would bury the test report; warnings and errors still show.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  },
  stdio: "inherit",
});
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  rmSync(tmp, { recursive: true, force: true });
  process.exit(code ?? 0);
});
