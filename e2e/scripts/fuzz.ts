// `npm run fuzz -w @stancemap/e2e -- --requests 10000 [--seed N] [--port 3261]`: a larger fuzz run against a
// production server it starts itself on a fresh database (support/server.ts), so the dataset revision is
// watched too (`--skip <regex>` leaves out hostile values by name). Prints the counts by status and every 5xx; exits 1 on a 5xx or a write from a refused request.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { fuzzSessions, generate, report, runFuzz } from "../api/fuzz";
import type { OpenApiDoc } from "../api/openapi-contract";
import { usersFile } from "../support/users-file.mjs";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "10000" },
    seed: { type: "string" },
    port: { type: "string", default: "3261" },
    /** Leave out hostile values whose name matches, to look past a failure already being fixed. */
    skip: { type: "string" },
  },
});
const port = values.port;
const seed = Number(values.seed ?? Date.now() % 1_000_000);
const baseURL = `http://127.0.0.1:${port}`;
const here = dirname(fileURLToPath(import.meta.url));

const server = spawn(process.execPath, ["--import", "tsx", join(here, "..", "support", "server.ts")], {
  env: { ...process.env, STANCEMAP_E2E_PORT: port },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const stop = () => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
};
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});

async function ready(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server on ${baseURL} did not become healthy in 180 s`);
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

try {
  await ready();
  const admin = (JSON.parse(readFileSync(usersFile(port), "utf8")) as Record<string, { email: string; password: string }>).admin;
  if (!admin) throw new Error("no admin account in the users file");
  const doc = (await (await fetch(`${baseURL}/api/v1/openapi.json`)).json()) as OpenApiDoc;
  const requests = generate(doc, Number(values.requests), seed, values.skip ? new RegExp(values.skip) : undefined);
  const sessions = await fuzzSessions(baseURL, admin);
  const started = performance.now();
  let last = 0;
  const result = await runFuzz(baseURL, requests, sessions, {
    origin: baseURL,
    withRevision: true,
    onProgress: (done) => {
      if (done - last >= 1000) {
        last = done;
        process.stderr.write(`  ${done}/${requests.length}\n`);
      }
    },
  });
  console.log(`seed ${seed}\n${report(result, requests.length, (performance.now() - started) / 1000)}`);
  process.exitCode = result.serverErrors.length > 0 || result.refusedWrites.length > 0 ? 1 : 0;
} finally {
  stop();
}
