// `npm run bench:export -w @stancemap/web`: how long the export API takes to make each view as PNG, PDF, SVG
// and ZIP, on the shipped dataset and on a synthetic one (5,000 actors by default): the first request
// after the server starts (cold: modules, fonts and projection load), then 10 more of each (warm; each asks
// for a new title, so nothing is a 304 or a cache hit: median, min and max), then one repeat (served from
// the export cache). Options: --size 500|5000|20000|none (the synthetic dataset; none: shipped only), --no-build,
// --only REGEX (only the exports whose label matches, e.g. "^map (PNG 2x|PDF|SVG)").
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build, load, root, SIZES, showSpread, signatureOf, spread, startApp, synthetic, table } from "./server";

const { values } = parseArgs({ options: { size: { type: "string" }, "no-build": { type: "boolean" }, only: { type: "string" } } });
const only = values.only ? new RegExp(values.only) : null;
const size = values.size ?? "5000";
if (size !== "none" && !(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")} or none`);

const dir = mkdtempSync(join(tmpdir(), "stancemap-bench-export-"));
const shipped = join(dir, "shipped.db");
const env = { ...process.env, DATABASE_URL: `file:${shipped}`, STANCEMAP_NO_DEMO_ADMIN: "1" };
execFileSync("npm", ["run", "db:migrate"], { cwd: root, env, stdio: "ignore" });
execFileSync("npm", ["run", "db:seed"], { cwd: root, env, stdio: "ignore" });
const datasets: { label: string; file: string }[] = [{ label: "shipped (33 actors)", file: shipped }];
if (size !== "none")
  datasets.push({
    label: `synthetic (${size} actors)`,
    file: synthetic(`synth-${size}`, [...SIZES[size as unknown as keyof typeof SIZES]]),
  });
build();

async function time(base: string, path: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(`${base}${path}`);
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return { ms: performance.now() - start, bytes: body.byteLength };
}

try {
  for (const dataset of datasets) {
    const actor = dataset.file === shipped ? "russia" : (await signatureOf(dataset.file)).last.slug;
    const app = await startApp(dataset.file);
    try {
      const rows: string[][] = [];
      for (const [label, path] of [
        ["map PNG 2x (2400×1350)", "/api/v1/export/map.png?date=2025-07-03&scale=2"],
        ["map PDF (1200×675 px page)", "/api/v1/export/map.pdf?date=2025-07-03"],
        ["map SVG", "/api/v1/export/map.svg?date=2025-07-03"],
        ["map PNG A4 at 300 dpi (3509×2481)", "/api/v1/export/map.png?date=2025-07-03&preset=a4&dpi=300"],
        ["network PNG 2x", "/api/v1/export/network.png?date=2025-07-03&scale=2"],
        ["network PDF", "/api/v1/export/network.pdf?date=2025-07-03"],
        ["timeline PDF", "/api/v1/export/timeline.pdf?date=2025-07-03"],
        [`actor (${actor}) PNG 2x`, `/api/v1/export/actor.png?date=2025-07-03&actor=${actor}&scale=2`],
        ["map data ZIP", "/api/v1/export/map.zip?date=2025-07-03"],
      ] as const) {
        if (only && !only.test(label)) continue;
        const cold = await time(app.base, `${path}&title=cold`);
        const warm: number[] = [];
        let bytes = 0;
        for (let i = 0; i < 10; i++) {
          const t = await time(app.base, `${path}&title=warm-${i}`);
          warm.push(t.ms);
          bytes = t.bytes;
        }
        // The same request again: served from the cache (same dataset revision).
        const cached = await time(app.base, `${path}&title=warm-0`);
        rows.push([label, cold.ms.toFixed(0), showSpread(spread(warm)), cached.ms.toFixed(0), `${(bytes / 1024).toFixed(0)} KiB`]);
      }
      console.log(`\nexports on the ${dataset.label} dataset; ${load()}`);
      console.log(table(["export", "cold ms", "warm ms: median (min–max) of 10", "cached ms", "size"], rows));
    } finally {
      app.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
