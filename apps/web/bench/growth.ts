// `npm run bench:growth -w @stancemap/web`: how the site grows with the dataset. For each synthetic size
// (500, 5,000 and 20,000 actors by default) a server of its own on a free port, checked to serve that
// database; then the dashboard's HTML bytes and server time, the actor page's server time, the map export
// (SVG), the stances API's p99 at 50 connections and the recolour of a date change to the painted frame;
// then the network view: its HTML, what it loads on demand, how many reactions it draws of how many the
// database holds up to its date, and whether it says so when it leaves some out.
// Timings are the median (min–max) of `--repeat` runs; the load average is printed with each size.
// Options: --sizes 500,5000,20000, --repeat N (default 5), --no-browser (skip the recolour), --no-build.
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { createDb } from "@stancemap/db";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { type Figure, figure, loadNow, record } from "./results";
import {
  build,
  CHROMIUM_ARGS,
  changeDate,
  load,
  quantile,
  SIZES,
  showSpread,
  signatureOf,
  spread,
  startApp,
  synthetic,
  table,
  urlOf,
} from "./server";

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
  const headers = runs.map((r) => r.headers);
  const total = runs.map((r) => r.total);
  return {
    headers: { ...spread(headers), values: headers },
    total: { ...spread(total), values: total },
    body: runs[0]?.body ?? Buffer.alloc(0),
  };
}

/** The network view's date: after every synthetic reaction (they span 2021-08-15 and 1,600 days). */
const NETWORK_DATE = "2026-06-01";

/** How many times the HTML carries the map's largest country shape: the start of its path data, counted
 * (the SVG's `d` attribute, and again in the page's data when the geometry is sent as a prop too). */
function shapeCopies(html: string): number {
  const paths = [...html.matchAll(/<path\b[^>]*>/g)]
    .filter((m) => /\sclass="country\b/.test(m[0]))
    .flatMap((m) => /\sd="([^"]+)"/.exec(m[0])?.[1] ?? []);
  const largest = paths.sort((a, b) => b.length - a.length)[0];
  if (!largest) return Number.NaN;
  return html.split(largest.slice(0, 80)).length - 1;
}

/** Reactions the database holds up to `date`, counted here rather than asked of the app. */
async function reactionsUpTo(file: string, date: string): Promise<number> {
  const db = createDb(urlOf(file));
  try {
    const [row] = await db.sql.all<{ n: number }>(`SELECT count(*) AS "n" FROM "Reaction" WHERE "sortDate" <= '${date}'`);
    return Number(row?.n ?? Number.NaN);
  } finally {
    await db.close();
  }
}

const rows: string[][] = [];
const networkRows: string[][] = [];
for (const [n, size] of sizes.entries()) {
  const file = files[n] as string;
  const actor = (await signatureOf(file)).last.slug;
  const app = await startApp(file);
  try {
    await timed(`${app.base}/?date=2023-01-01`); // compiles the route and warms the caches once
    const home = await repeated(() => `${app.base}/?date=2023-01-01`);
    const actorPage = await repeated(() => `${app.base}/actors/${actor}`);
    const mapSvg = await repeated((i) => `${app.base}/api/v1/export/map.svg?date=2023-01-01&title=growth-${i}`);
    await timed(`${app.base}/?view=network&date=${NETWORK_DATE}`);
    const networkHtml = await repeated(() => `${app.base}/?view=network&date=${NETWORK_DATE}`);
    const serverLoad = loadNow();
    const api = (await autocannon({
      url: `${app.base}/api/v1/stances?topic=posture-toward-taliban-government&at=2024-01-01&limit=100`,
      connections: 50,
      duration: 5,
    })) as autocannon.Result;
    let recolour = "skipped";
    let frames: number[] = [];
    let commits: number[] = [];
    let network: { edges: number; nodes: number; note: string | null; fetched: number; requests: number; seconds: number } | null = null;
    const inDatabase = await reactionsUpTo(file, NETWORK_DATE);
    if (!values["no-browser"]) {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${app.base}/?date=2023-01-01`, { waitUntil: "networkidle", timeout: 300_000 });
        await changeDate(page, "2021-06-01"); // once hydrated; not counted
        const from = await page.evaluate(() => window.__stancemapPerf?.recolour.length ?? 0);
        for (let i = 0; i < 12; i++)
          await changeDate(page, new Date(Date.parse("2021-09-01") + i * 61 * 86_400_000).toISOString().slice(0, 10));
        const samples = await page.evaluate((k) => (window.__stancemapPerf?.recolour ?? []).slice(k), from);
        frames = samples.map((r) => r.frame);
        commits = samples.map((r) => r.commit);
        recolour = showSpread(spread(frames), 1);
        // The network view in a fresh page: it asks for its reactions once open, then draws them.
        const view = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        const opened = performance.now();
        await view.goto(`${app.base}/?view=network&date=${NETWORK_DATE}`, { waitUntil: "load", timeout: 300_000 });
        await view.waitForFunction(() => (window.__stancemapNetwork?.edges ?? 0) > 0, undefined, { timeout: 600_000, polling: 200 });
        const seconds = (performance.now() - opened) / 1000;
        network = await view.evaluate(() => {
          const fetched = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
            (r) => r.initiatorType === "fetch",
          );
          const note = document.querySelector("[data-testid=network-truncated]")?.textContent?.trim() || null;
          return {
            edges: window.__stancemapNetwork?.edges ?? 0,
            nodes: window.__stancemapNetwork?.nodes ?? 0,
            note,
            fetched: fetched.reduce((n, r) => n + r.encodedBodySize, 0),
            requests: fetched.length,
            seconds: 0,
          };
        });
        network.seconds = seconds;
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
    const networkGz = gzipSync(networkHtml.body).length;
    networkRows.push([
      `${Number(size).toLocaleString("en")} actors`,
      `${(networkHtml.body.length / 1024).toFixed(0)} / ${(networkGz / 1024).toFixed(0)}`,
      network ? `${(network.fetched / 1024).toFixed(0)} in ${network.requests}` : "skipped",
      network ? network.seconds.toFixed(1) : "skipped",
      network ? `${network.edges.toLocaleString("en")} of ${inDatabase.toLocaleString("en")}` : `? of ${inDatabase.toLocaleString("en")}`,
      network ? (network.note ?? "none") : "skipped",
    ]);
    const at = loadNow();
    const figures: Record<string, Figure> = {
      "home.raw": figure(home.body.length, "B", serverLoad),
      "home.gz": figure(gzipSync(home.body).length, "B", serverLoad),
      "home.ttfb": figure(home.headers.values, "ms", serverLoad),
      "home.shapeCopies": figure(shapeCopies(home.body.toString("utf8")), "", serverLoad),
      "home.total": figure(home.total.values, "ms", serverLoad),
      "actor.ttfb": figure(actorPage.headers.values, "ms", serverLoad),
      "actor.total": figure(actorPage.total.values, "ms", serverLoad),
      "mapSvg.total": figure(mapSvg.total.values, "ms", serverLoad),
      "mapSvg.bytes": figure(mapSvg.body.length, "B", serverLoad),
      "network.html.raw": figure(networkHtml.body.length, "B", serverLoad),
      "network.html.gz": figure(networkGz, "B", serverLoad),
      "network.html.ttfb": figure(networkHtml.headers.values, "ms", serverLoad),
      "network.inDatabase": figure(inDatabase, "", serverLoad),
      "api.stances.c50.p99": figure(api.latency.p99, "ms", serverLoad),
    };
    if (frames.length) {
      figures["recolour.frame"] = figure(frames, "ms", at);
      figures["recolour.frame.p95"] = figure(quantile(frames, 0.95), "ms", at);
      figures["recolour.commit"] = figure(commits, "ms", at);
      figures["recolour.commit.p95"] = figure(quantile(commits, 0.95), "ms", at);
    }
    if (network) {
      figures["network.edges"] = figure(network.edges, "", at);
      figures["network.nodes"] = figure(network.nodes, "", at);
      figures["network.noteShown"] = figure(network.note ? 1 : 0, "", at);
      figures["network.fetched"] = figure(network.fetched, "B", at);
      figures["network.toDrawn"] = figure(network.seconds * 1000, "ms", at);
    }
    const noBrowser = "run with --no-browser";
    record(
      `growth-${size}`,
      { size: Number(size), repeat, browser: !values["no-browser"], networkDate: NETWORK_DATE },
      figures,
      values["no-browser"] ? { recolour: noBrowser, "network.edges": noBrowser, "network.noteShown": noBrowser } : undefined,
    );
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
console.log(`\nthe network view at ${NETWORK_DATE} (every synthetic reaction counts by then)\n`);
console.log(
  table(
    [
      "dataset",
      "HTML KiB raw / gz",
      "loaded on demand KiB in requests",
      "s to first drawing",
      "reactions drawn of those in the database",
      "note",
    ],
    networkRows,
  ),
);
