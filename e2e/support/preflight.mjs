// Fails fast, with one line saying what is missing and how to get it, before any build or browser
// starts: the Chromium the specs run in (CHROMIUM_PATH or Debian's /usr/bin/chromium) and the build's tools.
//   node e2e/support/preflight.mjs   exits 1 with that line when something is missing.
import { accessSync, constants, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const INSTALL = "install it with `apt-get install -y chromium` (as .ci/run does) or set CHROMIUM_PATH to a Chromium binary";

/** What is missing, as one line; null when everything is there. Cheap: no process is started. */
export function missingPrerequisite() {
  if (!existsSync(CHROMIUM_PATH)) return `e2e: no Chromium at ${CHROMIUM_PATH}; ${INSTALL}`;
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    return `e2e: ${CHROMIUM_PATH} is not executable; ${INSTALL}`;
  }
  for (const tool of ["next", "turbo", "playwright"]) {
    if (!existsSync(join(root, "node_modules", ".bin", tool)))
      return `e2e: the build tool \`${tool}\` is missing from node_modules/.bin; run \`npm ci\` at the repository root`;
  }
  return null;
}

/** Launches the browser once the way the specs do; the reason as one line when it does not start. */
export async function chromiumWontStart() {
  const { chromium } = await import("@playwright/test");
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 120_000 });
    await browser.close();
    return null;
  } catch (error) {
    const first = String(error instanceof Error ? error.message : error)
      .split("\n")
      .find((l) => l.trim());
    return `e2e: Chromium at ${CHROMIUM_PATH} does not start (${first?.trim()}); ${INSTALL}`;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = missingPrerequisite() ?? (await chromiumWontStart());
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
