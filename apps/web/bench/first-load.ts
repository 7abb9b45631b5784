// `npm run bench:first-load -w @stancemap/web [-- --dist .next --baseline .next-baseline --runs 7]`: what
// a first visit costs, per build folder. For each route: first-load JavaScript (gzipped, from the build's
// manifests, checked against the scripts the served HTML names) and stylesheets (bytes, @font-face
// rules); then, in Chromium with mobile throttling (4× CPU, 150 ms RTT, 1.6 Mbps), LCP, its element and
// how much of it is render delay (after the HTML's first byte), FCP and total blocking time. Builds are
// measured in interleaved runs against servers this script starts on free ports of the same fresh
// database, and the load average is printed with the medians (the machine is shared).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDb, loadDataset, migrate, seedDataset } from "@stancemap/db";
import { chromium } from "playwright-core";
import { firstLoad, kB, ROUTES, sum } from "../scripts/first-load.mjs";
import { type Figure, figure, loadNow, record } from "./results";
import { CHROMIUM_ARGS, freePort, quantile, root, waitFor } from "./server";

const { values } = parseArgs({
  options: {
    dist: { type: "string", default: ".next" },
    baseline: { type: "string" },
    runs: { type: "string", default: "5" },
    actor: { type: "string", default: "china" },
  },
});
const web = join(root, "apps", "web");
const builds = [...(values.baseline ? [{ name: "baseline", dir: values.baseline }] : []), { name: "this build", dir: values.dist }];
const runs = Number(values.runs);
const pages = ["/", "/?view=network", `/actors/${values.actor}`, "/admin/sign-in"];

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

async function serve(dist: string, url: string): Promise<{ base: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: web,
    env: {
      ...process.env,
      NEXT_DIST_DIR: dist,
      DATABASE_URL: url,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      STANCEMAP_HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  process.on("exit", stop);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health/live`);
  return { base, stop };
}

/** Recorded figures: "this.*" for the build measured, "baseline.*" for the one it is compared with. */
const figures: Record<string, Figure> = {};
const side = (name: string) => (name === "baseline" ? "baseline" : "this");

// 1. Sizes, from each build's manifests.
console.log(`first-load sizes (gzip level 6; kB = 1000 bytes)`);
for (const b of builds) {
  for (const r of ROUTES) {
    const f = firstLoad(join(web, b.dir), r.entry);
    const at = loadNow();
    figures[`${side(b.name)}.${r.url}.js.gz`] = figure(sum(f.js, "gz"), "B", at);
    figures[`${side(b.name)}.${r.url}.css.raw`] = figure(sum(f.css, "bytes"), "B", at);
    figures[`${side(b.name)}.${r.url}.css.fontFaces`] = figure(sum(f.css, "fontFaces"), "", at);
    console.log(
      `  ${b.name.padEnd(10)} ${r.url.padEnd(15)} JS ${kB(sum(f.js, "gz")).padStart(9)} gz (${f.js.length} files)  ` +
        `CSS ${kB(sum(f.css, "bytes")).padStart(9)} (${kB(sum(f.css, "gz"))} gz, ${sum(f.css, "fontFaces")} @font-face)`,
    );
  }
}

// Recorded now, so that the sizes stand if the browser's part fails.
record("first-load", { dist: values.dist, baseline: values.baseline ?? null }, figures);
for (const k of Object.keys(figures)) delete figures[k];

// 2. Pages in the browser, on one fresh database for every build.
const tmp = mkdtempSync(join(tmpdir(), "stancemap-first-load-"));
const url = `file:${join(tmp, "bench.db")}`;
await migrate(url);
const db = createDb(url);
await seedDataset(db, loadDataset());
await db.close();

type Sample = { ttfb: number; fcp: number; lcp: number; tbt: number; element: string; css: number; fonts: number };
const servers = await Promise.all(builds.map((b) => serve(b.dir, url)));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  // The served HTML names the scripts the manifests predict (else this measures the wrong thing).
  for (const [i, b] of builds.entries()) {
    const html = await (await fetch(`${servers[i]?.base}/`)).text();
    const named = new Set([...html.matchAll(/<script[^>]+src="\/_next\/([^"?]+)"/g)].map((m) => m[1]));
    const predicted = firstLoad(join(web, b.dir), "/page").js.map((f) => f.file);
    const missing = predicted.filter((f) => !named.has(f));
    if (missing.length) console.log(`  ${b.name}: the HTML of / does not load ${missing.join(", ")}`);
  }
  const samples = new Map<string, Sample[]>();
  const loads: string[] = [];
  for (let run = 0; run < runs; run++) {
    loads.push(load());
    for (const path of pages)
      for (const [i, b] of builds.entries()) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8,
          uploadThroughput: (750 * 1024) / 8,
        });
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        await page.addInitScript(() => {
          const w = window as unknown as { __lcp: { t: number; el: string }; __tbt: number };
          w.__lcp = { t: 0, el: "" };
          w.__tbt = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { element?: Element })[]) {
              const el = e.element;
              w.__lcp = {
                t: e.startTime,
                el: el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}` : "?",
              };
            }
          }).observe({ type: "largest-contentful-paint", buffered: true });
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__tbt += Math.max(0, e.duration - 50);
          }).observe({ type: "longtask", buffered: true });
        });
        await page.goto(`${servers[i]?.base}${path}`, { waitUntil: "networkidle", timeout: 120_000 });
        const s = await page.evaluate(() => {
          const w = window as unknown as { __lcp: { t: number; el: string }; __tbt: number };
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
          const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
          return {
            ttfb: nav.responseStart,
            fcp,
            lcp: w.__lcp.t,
            element: w.__lcp.el,
            tbt: w.__tbt,
            css: res.filter((r) => r.initiatorType === "link" && r.name.endsWith(".css")).reduce((n, r) => n + r.encodedBodySize, 0),
            fonts: res.filter((r) => r.name.endsWith(".woff2")).length,
          };
        });
        const key = `${path}\t${b.name}`;
        samples.set(key, [...(samples.get(key) ?? []), s]);
        await context.close();
      }
  }
  console.log(
    `\nin Chromium, 390×844, 4× CPU, 150 ms RTT, 1.6 Mbps; medians of ${runs} interleaved runs (load average per run: ${loads.join(" | ")})`,
  );
  for (const path of pages)
    for (const b of builds) {
      const list = samples.get(`${path}\t${b.name}`) ?? [];
      const m = (k: "ttfb" | "fcp" | "lcp" | "tbt" | "css" | "fonts") =>
        quantile(
          list.map((x) => x[k]),
          0.5,
        );
      const lcp = m("lcp");
      const delay = quantile(
        list.map((x) => (x.lcp - x.ttfb) / x.lcp),
        0.5,
      );
      const elements = [...new Set(list.map((x) => x.element))].join(",");
      const at = loadNow();
      for (const k of ["ttfb", "fcp", "lcp", "tbt"] as const)
        figures[`${side(b.name)}.page ${path}.${k}`] = figure(
          list.map((x) => x[k]),
          "ms",
          at,
        );
      figures[`${side(b.name)}.page ${path}.fonts`] = figure(
        list.map((x) => x.fonts),
        "",
        at,
      );
      console.log(
        `  ${path.padEnd(16)} ${b.name.padEnd(10)} LCP ${lcp.toFixed(0).padStart(5)} ms (min ${Math.min(...list.map((x) => x.lcp)).toFixed(0)}, max ${Math.max(...list.map((x) => x.lcp)).toFixed(0)}; ${elements}; ${(delay * 100).toFixed(0)}% after first byte)  ` +
          `FCP ${m("fcp").toFixed(0)} ms  TTFB ${m("ttfb").toFixed(0)} ms  TBT ${m("tbt").toFixed(0)} ms  CSS ${kB(m("css"))} over the wire  fonts ${m("fonts")}`,
      );
    }
  console.log(`load average now: ${load()}`);
  record("first-load", { runs }, figures);
} finally {
  await browser.close();
  for (const s of servers) s.stop();
  rmSync(tmp, { recursive: true, force: true });
}
