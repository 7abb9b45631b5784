// `npm run bench:dashboard -w @stancemap/web` — the dashboard in headless Chromium on the synthetic
// dataset (250 states on real map codes, 5,000 actors, 50,000 stances): how long a date change takes
// to recolour the map (to React's commit and to the next frame), and the page's first-load JavaScript.

import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { build, CHROMIUM_ARGS, quantile, root, startApp, synthetic } from "./server";

const { values } = parseArgs({ options: { fresh: { type: "boolean" }, steps: { type: "string" } } });
const steps = Number(values.steps ?? 40);
const PORT = 3401;
const file = synthetic(join(root, "data", "bench.db"), [], values.fresh);
build();
const stop = await startApp(file, PORT);
const base = `http://127.0.0.1:${PORT}`;

try {
  // First-load JavaScript: every script the dashboard's HTML loads, raw and gzipped.
  const html = await (await fetch(`${base}/?date=2023-01-01`)).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string))];
  let raw = 0;
  let gz = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }
  console.log(`first-load JS: ${scripts.length} files, ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzipped`);
  console.log(`dashboard HTML on the synthetic dataset: ${(html.length / 1024).toFixed(0)} KiB`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${base}/?date=2023-01-01`, { waitUntil: "networkidle" });
  const coloured = await page.locator("path.country[data-actor]").count();
  const input = page.getByLabel("As of");
  const start = Date.parse("2021-09-01T00:00:00Z");
  for (let i = 0; i < steps; i++) {
    const date = new Date(start + i * 37 * 86_400_000).toISOString().slice(0, 10);
    const before = await page.evaluate(() => window.__stancemapPerf?.recolour.length ?? 0);
    await input.fill(date);
    await page.waitForFunction((n) => (window.__stancemapPerf?.recolour.length ?? 0) > n, before);
  }
  const samples = await page.evaluate(() => window.__stancemapPerf?.recolour ?? []);
  const commit = samples.map((s) => s.commit);
  const frame = samples.map((s) => s.frame);
  console.log(
    `recolour on a date change (${samples.length} changes, ${coloured} coloured countries): ` +
      `commit median ${quantile(commit, 0.5).toFixed(1)} ms, p95 ${quantile(commit, 0.95).toFixed(1)} ms; ` +
      `to next frame median ${quantile(frame, 0.5).toFixed(1)} ms, p95 ${quantile(frame, 0.95).toFixed(1)} ms`,
  );
  await browser.close();
} finally {
  stop();
}
