// `npm run bench:growth -w @stancemap/web`: how the site grows with the dataset. For each synthetic size
// (500, 5,000 and 20,000 actors by default) a server of its own on a free port, checked to serve that
// database; then the dashboard's HTML bytes and server time, the actor page's server time, the map export
// (SVG), the stances API's p99 at 50 connections and the recolour of a date change to the painted frame.
// Timings are the median (min–max) of `--repeat` runs; the load average is printed with each size.
// Options: --sizes 500,5000,20000, --repeat N (default 5), --no-browser (skip the recolour), --no-build.
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { build, CHROMIUM_ARGS, changeDate, load, SIZES, showSpread, signatureOf, spread, startApp, synthetic, table } from "./server";

const { values } = parseArgs({
  options: { sizes: { type: "string" }, repeat: { type: "string" }, "no-browser": { type: "boolean" }, "no-build": { type: "boolean" } },
});
const sizes = (values.sizes ?? "500,5000,20000").split(",") as unknown as (keyof typeof SIZES)[];
for (const s of sizes) if (!(s in SIZES)) throw new Error(`--sizes takes ${Object.keys(SIZES).join(", ")}`);
const repeat = Number(values.repeat ?? 5);
const files = sizes.map((s) => synthetic(`synth-${s}`, [...SIZES[s]]));
build();

/** Server time (to the response's headers) and whole-response time of a GET, and its body. */
async function timed(url: string): Promise<{ headers: number; total: number; body: Buffer }> {
  const start = performance.now();
  const response = await fetch(url);
  const headers = performance.now() - start;
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return { headers, total: performance.now() - start, body };
}

async function repeated(url: (i: number) => string) {
  const runs = [];
  for (let i = 0; i < repeat; i++) runs.push(await timed(url(i)));
  return { headers: spread(runs.map((r) => r.headers)), total: spread(runs.map((r) => r.total)), body: runs[0]?.body ?? Buffer.alloc(0) };
}

const rows: string[][] = [];
for (const [n, size] of sizes.entries()) {
  const file = files[n] as string;
  const actor = (await signatureOf(file)).last.slug;
  const app = await startApp(file);
  try {
    await timed(`${app.base}/?date=2023-01-01`); // compiles the route and warms the caches once
    const home = await repeated(() => `${app.base}/?date=2023-01-01`);
    const actorPage = await repeated(() => `${app.base}/actors/${actor}`);
    const mapSvg = await repeated((i) => `${app.base}/api/v1/export/map.svg?date=2023-01-01&title=growth-${i}`);
    const api = (await autocannon({
      url: `${app.base}/api/v1/stances?topic=posture-toward-taliban-government&at=2024-01-01&limit=100`,
      connections: 50,
      duration: 5,
    })) as autocannon.Result;
    let recolour = "skipped";
    if (!values["no-browser"]) {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${app.base}/?date=2023-01-01`, { waitUntil: "networkidle", timeout: 300_000 });
        await changeDate(page, "2021-06-01"); // once hydrated; not counted
        const from = await page.evaluate(() => window.__stancemapPerf?.recolour.length ?? 0);
        for (let i = 0; i < 12; i++)
          await changeDate(page, new Date(Date.parse("2021-09-01") + i * 61 * 86_400_000).toISOString().slice(0, 10));
        const frames = await page.evaluate((k) => (window.__stancemapPerf?.recolour ?? []).slice(k).map((r) => r.frame), from);
        recolour = showSpread(spread(frames), 1);
      } finally {
        await browser.close();
      }
    }
    rows.push([
      `${Number(size).toLocaleString("en")} actors`,
      `${(home.body.length / 1024).toFixed(0)} / ${(gzipSync(home.body).length / 1024).toFixed(0)}`,
      `${showSpread(home.headers)}; ${showSpread(home.total)}`,
      `${showSpread(actorPage.headers)}; ${showSpread(actorPage.total)}`,
      showSpread(mapSvg.total),
      String(api.latency.p99),
      recolour,
      load(),
    ]);
  } finally {
    app.stop();
  }
}
console.log(`\ngrowth with the dataset; median (min–max) of ${repeat} runs\n`);
console.log(
  table(
    [
      "dataset",
      "`/` KiB raw / gz",
      "`/` ms to headers; whole",
      "actor page ms to headers; whole",
      "map SVG export ms",
      "stances API p99 ms (50 conn.)",
      "recolour to paint ms",
      "load",
    ],
    rows,
  ),
);
