// The e2e prerequisite check, run as a user would hit it: without Chromium (or with one that does not
// start) `node support/preflight.mjs` and `playwright test` stop with one line and a non-zero exit.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const e2e = join(dirname(fileURLToPath(import.meta.url)), "..");
const playwright = join(e2e, "..", "node_modules", ".bin", "playwright");

function run(command, args, chromium) {
  const env = { ...process.env, CHROMIUM_PATH: chromium, STANCEMAP_E2E_PORT: "3249" };
  const res = spawnSync(command, args, { cwd: e2e, env, encoding: "utf8", timeout: 180_000 });
  const lines = `${res.stdout}${res.stderr}`.split("\n").filter((l) => l.trim());
  return { status: res.status, lines };
}

const oneLine = (lines, ...parts) => {
  assert.equal(lines.length, 1, `expected one line, got:\n${lines.join("\n")}`);
  for (const part of parts) assert.ok(lines[0].includes(part), `"${part}" in: ${lines[0]}`);
};

test("no Chromium: the check prints what is missing and how to install it, and exits 1", () => {
  const { status, lines } = run("node", ["support/preflight.mjs"], "/nonexistent/chromium");
  assert.equal(status, 1);
  oneLine(lines, "no Chromium at /nonexistent/chromium", "apt-get install -y chromium", "CHROMIUM_PATH");
});

test("no Chromium: `playwright test` stops before starting a server or a browser, with the same one line", () => {
  const { status, lines } = run(playwright, ["test"], "/nonexistent/chromium");
  assert.notEqual(status, 0);
  oneLine(lines, "no Chromium at /nonexistent/chromium", "apt-get install -y chromium");
});

test("a Chromium path that is not executable is named as such", () => {
  const { status, lines } = run("node", ["support/preflight.mjs"], fileURLToPath(import.meta.url));
  assert.equal(status, 1);
  oneLine(lines, "is not executable", "apt-get install -y chromium");
});

test("a Chromium that does not start: one line saying so", () => {
  const { status, lines } = run("node", ["support/preflight.mjs"], "/bin/false");
  assert.equal(status, 1);
  oneLine(lines, "Chromium at /bin/false does not start", "apt-get install -y chromium");
});

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
test("with Chromium installed the check passes silently", {
  skip: existsSync(chromium) ? false : `no Chromium at ${chromium} on this machine`,
}, () => {
  const { status, lines } = run("node", ["support/preflight.mjs"], chromium);
  assert.deepEqual(lines, []);
  assert.equal(status, 0);
});
