// `npm run bench:dashboard -w @stancemap/web`: the dashboard in headless Chromium on a synthetic dataset:
// its first-load JavaScript and HTML, then how long a date change takes to recolour the map: to React's
// commit, to the painted frame, and the main-thread script time (long tasks) in the half second after it,
// where a URL write or a re-render of every country would show.
// Options: --size 500|5000|20000 (default 5000), --steps N (default 40), --fresh, --no-build.
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { figure, loadNow, record } from "./results";
import { build, CHROMIUM_ARGS, changeDate, load, quantile, SIZES, showSpread, spread, startApp, synthetic } from "./server";

const { values } = parseArgs({
  options: { size: { type: "string" }, steps: { type: "string" }, fresh: { type: "boolean" }, "no-build": { type: "boolean" } },
});
const size = (values.size ?? "5000") as unknown as keyof typeof SIZES;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
const steps = Number(values.steps ?? 40);
const file = synthetic(`synth-${size}`, [...SIZES[size]], values.fresh);
build();
const app = await startApp(file);

type Probe = Window & { __longTasks: { start: number; duration: number }[] };

try {
  // First-load JavaScript: every script the dashboard's HTML loads, raw and gzipped.
  const html = await (await fetch(`${app.base}/?date=2023-01-01`)).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string))];
  let raw = 0;
  let gz = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, app.base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }
  console.log(`first-load JS: ${scripts.length} files, ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzipped`);
  console.log(
    `dashboard HTML at ${size} actors: ${(html.length / 1024).toFixed(0)} KiB, ${(gzipSync(html).length / 1024).toFixed(0)} KiB gzipped`,
  );

  const at0 = loadNow();
  // Recorded now, so that the sizes stand if the browser's part fails.
  record(
    "dashboard",
    { size: Number(size) },
    {
      "js.gz": figure(gz, "B", at0),
      "js.files": figure(scripts.length, "", at0),
      "html.raw": figure(Buffer.byteLength(html), "B", at0),
      "html.gz": figure(gzipSync(html).length, "B", at0),
    },
  );

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  `);
  await page.goto(`${app.base}/?date=2023-01-01`, { waitUntil: "networkidle", timeout: 180_000 });
  const coloured = await page.locator("use.country[data-actor]").count();
  await changeDate(page, "2021-06-01"); // once hydrated; not counted
  const from = await page.evaluate(() => window.__stancemapPerf?.recolour.length ?? 0);
  const start = Date.parse("2021-09-01T00:00:00Z");
  const script: number[] = [];
  for (let i = 0; i < steps; i++) {
    const date = new Date(start + i * 37 * 86_400_000).toISOString().slice(0, 10);
    const before = await page.evaluate(() => ({ t: performance.now() }));
    await changeDate(page, date);
    // The half second after the change: what else the main thread did for it (a URL write, effects).
    await page.waitForTimeout(500);
    script.push(
      await page.evaluate(
        (t) =>
          (window as unknown as Probe).__longTasks.filter((x) => x.start >= t && x.start < t + 500).reduce((n, x) => n + x.duration, 0),
        before.t,
      ),
    );
  }
  const samples = await page.evaluate((k) => (window.__stancemapPerf?.recolour ?? []).slice(k), from);
  const commit = samples.map((s) => s.commit);
  const frame = samples.map((s) => s.frame);
  console.log(`recolour on a date change at ${size} actors (${samples.length} changes, ${coloured} coloured countries; ${load()}):`);
  console.log(`  to React's commit:  median (min–max) ${showSpread(spread(commit), 1)} ms, p95 ${quantile(commit, 0.95).toFixed(1)} ms`);
  console.log(`  to the painted frame: median (min–max) ${showSpread(spread(frame), 1)} ms, p95 ${quantile(frame, 0.95).toFixed(1)} ms`);
  console.log(`  long-task time in the 500 ms after: median (min–max) ${showSpread(spread(script), 0)} ms`);
  const at = loadNow();
  record(
    "dashboard",
    { size: Number(size), steps },
    {
      "recolour.commit": figure(commit, "ms", at),
      "recolour.commit.p95": figure(quantile(commit, 0.95), "ms", at),
      "recolour.frame": figure(frame, "ms", at),
      "recolour.frame.p95": figure(quantile(frame, 0.95), "ms", at),
      "recolour.longtasks": figure(script, "ms", at),
    },
  );
  await browser.close();
} finally {
  app.stop();
}
