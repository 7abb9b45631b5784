// `npm run bench:export -w @stancemap/web`: how long the export API takes to make the map as PNG at 2x
// and as PDF, on the shipped dataset: the first request after the server starts (cold: modules, fonts and
// projection load) and then 10 more of each (warm; each asks for a new title, so nothing is a 304 or
// a cache hit), then one repeat (served from the export cache). The other views and the data ZIP too.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, root, startApp, waitFor } from "./server";

const port = 3417;
const dir = mkdtempSync(join(tmpdir(), "stancemap-bench-export-"));
const file = join(dir, "bench.db");
const env = { ...process.env, DATABASE_URL: `file:${file}`, STANCEMAP_NO_DEMO_ADMIN: "1" };
execFileSync("npm", ["run", "db:migrate"], { cwd: root, env, stdio: "ignore" });
execFileSync("npm", ["run", "db:seed"], { cwd: root, env, stdio: "ignore" });
if (!process.argv.includes("--no-build")) build();
const stop = await startApp(file, port);
const base = `http://127.0.0.1:${port}`;

async function time(path: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(`${base}${path}`);
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return { ms: performance.now() - start, bytes: body.byteLength };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
try {
  await waitFor(`${base}/api/health`);
  const rows: string[] = [];
  for (const [label, path] of [
    ["map PNG 2x (2400×1350)", "/api/v1/export/map.png?date=2025-07-03&scale=2"],
    ["map PDF (1200×675 px page)", "/api/v1/export/map.pdf?date=2025-07-03"],
    ["map SVG", "/api/v1/export/map.svg?date=2025-07-03"],
    ["map PNG A4 at 300 dpi (3509×2481)", "/api/v1/export/map.png?date=2025-07-03&preset=a4&dpi=300"],
    ["network PNG 2x", "/api/v1/export/network.png?date=2025-07-03&scale=2"],
    ["network PDF", "/api/v1/export/network.pdf?date=2025-07-03"],
    ["timeline PDF", "/api/v1/export/timeline.pdf?date=2025-07-03"],
    ["actor (Russia) PNG 2x", "/api/v1/export/actor.png?date=2025-07-03&actor=russia&scale=2"],
    ["map data ZIP", "/api/v1/export/map.zip?date=2025-07-03"],
  ] as const) {
    const cold = await time(`${path}&title=cold`);
    const warm: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 10; i++) {
      const t = await time(`${path}&title=warm-${i}`);
      warm.push(t.ms);
      bytes = t.bytes;
    }
    // The same request again: served from the cache (same dataset revision).
    const cached = await time(`${path}&title=warm-0`);
    rows.push(
      `| ${label} | ${cold.ms.toFixed(0)} | ${median(warm).toFixed(0)} | ${Math.max(...warm).toFixed(0)} | ${cached.ms.toFixed(0)} | ${(bytes / 1024).toFixed(0)} KiB |`,
    );
  }
  console.log("\n| export | cold ms | warm median ms | warm max ms | cached ms | size |\n| --- | --- | --- | --- | --- | --- |");
  console.log(rows.join("\n"));
} finally {
  stop();
  rmSync(dir, { recursive: true, force: true });
}
