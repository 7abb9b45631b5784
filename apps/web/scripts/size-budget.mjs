// `npm run test:size` (the last step of `npm test`): the first load of `/` in bytes, from the build the
// end-to-end step just made (turbo's cache answers at once when the sources have not changed since; a
// clean clone builds here). Prints every file `/` loads first, gzipped, and the stylesheets, then fails
// when the JavaScript passes its limit or the stylesheets carry the Arabic and Chinese @font-face rules
// (those belong only to pages whose text needs them). The dashboard's own chunk, which `/` preloads and
// hydrates right after its shell (LazyDashboard), is counted apart with a limit of its own, so code moved
// out of the first load cannot grow there unseen. A size, not a timing: the same build gives the same
// figure on any machine.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterShell, FIRST_LOAD_GOAL, firstLoad, kB, MAX_FONT_FACES, ROUTES, sum } from "./first-load.mjs";

/**
 * The limit of `/`'s first-load JavaScript, gzipped: React and Next (~138 kB) and the page's shell. The
 * dashboard hydrates after it (see ARCHITECTURE.md, "First load").
 */
const LIMIT = FIRST_LOAD_GOAL;
/**
 * The limit of the dashboard's chunk (map, legend, timeline, URL state), hydrated after the shell; lower
 * it as the dashboard's code shrinks, never raise it without saying why in the commit.
 */
const DASHBOARD_LIMIT = 70_000;

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(web, "..", "..");
const dist = join(web, process.env.NEXT_DIST_DIR || ".next");

// `--no-build` measures the build folder as it stands (NEXT_DIST_DIR names another one).
if (!process.argv.includes("--no-build"))
  execFileSync(join(root, "node_modules", ".bin", "turbo"), ["run", "build", "--filter=@stancemap/web", "--output-logs=errors-only"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
  });

const home = firstLoad(dist, "/page");
console.log("first load of / (gzip level 6, kB = 1000 bytes):");
for (const f of home.js) console.log(`  ${f.file.padEnd(40)} ${kB(f.gz).padStart(9)} gz  ${kB(f.bytes).padStart(9)} raw`);
for (const f of home.css)
  console.log(`  ${f.file.padEnd(40)} ${kB(f.gz).padStart(9)} gz  ${kB(f.bytes).padStart(9)} raw  ${f.fontFaces} @font-face`);
const js = sum(home.js, "gz");
const faces = sum(home.css, "fontFaces");
console.log(`  JavaScript ${kB(js)} gz (limit ${kB(LIMIT)}); CSS ${kB(sum(home.css, "bytes"))} raw, ${faces} @font-face`);
const dashboard = afterShell(dist, "/page", "DashboardRoot");
console.log("hydrated right after the shell (preloaded): the dashboard's chunks");
for (const f of dashboard) console.log(`  ${f.file.padEnd(40)} ${kB(f.gz).padStart(9)} gz  ${kB(f.bytes).padStart(9)} raw`);
const dashboardJs = sum(dashboard, "gz");
console.log(`  JavaScript ${kB(dashboardJs)} gz (limit ${kB(DASHBOARD_LIMIT)})`);
for (const r of ROUTES.filter((r) => r.url !== "/")) {
  const f = firstLoad(dist, r.entry);
  console.log(`  (${r.url}: JavaScript ${kB(sum(f.js, "gz"))} gz, CSS ${kB(sum(f.css, "bytes"))} raw)`);
}

const failures = [];
if (js > LIMIT) failures.push(`the first-load JavaScript of / is ${kB(js)} gzipped, over its limit of ${kB(LIMIT)}`);
if (dashboardJs > DASHBOARD_LIMIT)
  failures.push(`the dashboard's chunks are ${kB(dashboardJs)} gzipped, over their limit of ${kB(DASHBOARD_LIMIT)}`);
if (faces > MAX_FONT_FACES)
  failures.push(
    `the stylesheets of / carry ${faces} @font-face rules (at most ${MAX_FONT_FACES}: Arabic and Chinese fonts load only where needed)`,
  );
if (failures.length) {
  for (const f of failures) console.error(`size budget: ${f}`);
  process.exit(1);
}
console.log("size budget: within the limits");
