// End-to-end tests in Debian's Chromium against the production build, served on a fresh
// database made for this run (support/server.ts). Refuses to run against a non-local database.
// Timeouts are sized for a busy 2-core machine (load ~10): a passing test never waits for them.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium.mjs";
import { missingPrerequisite } from "./support/preflight.mjs";

const PORT = Number(process.env.STANCEMAP_E2E_PORT ?? 3100);
/** Specs that sweep every operation of the API (the contract check and the fuzz). */
const SWEEPS = /api\/(contract|fuzz)\.spec\.ts$/;

// Before the server or any browser starts: one line naming what is missing, instead of a launch error per test.
const missing = missingPrerequisite();
if (missing) {
  console.error(missing);
  process.exit(1);
}

export default defineConfig({
  testDir: ".",
  testMatch: ["**/*.spec.ts"],
  outputDir: process.env.STANCEMAP_E2E_OUTPUT ?? ".tmp/test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  globalSetup: "./support/global-setup.ts",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: SWEEPS },
    // The sweeps publish records of their own (a topic, stances, reactions) and read the audit log to pin
    // writes on requests, so they run alone, after every other spec: the dataset the others assert on stays
    // the shipped one, and no other spec's writes land in the sweeps' audit window.
    { name: "sweeps", use: { browserName: "chromium" }, testMatch: SWEEPS, dependencies: ["chromium"] },
  ],
  webServer: {
    command: `node --import tsx support/server.ts`,
    // Liveness, not readiness: a busy start-up may answer 503 "not ready" for a moment, and that is fine here.
    url: `http://127.0.0.1:${PORT}/api/health/live`,
    reuseExistingServer: false,
    // Migrating, seeding and starting on a loaded machine; the run starts as soon as health answers.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { STANCEMAP_E2E_PORT: String(PORT) },
  },
});
