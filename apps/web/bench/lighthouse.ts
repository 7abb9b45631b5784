// `npm run bench:lighthouse -w @stancemap/web`: Lighthouse (mobile preset, its simulated throttling) on the
// dashboard, the network view and an actor page of the production build, on the shipped dataset and on a
// synthetic one (5,000 actors by default). Each page is audited `--repeat` times, the pages interleaved, and
// the performance score, LCP, first contentful paint and TBT are printed as median (min–max) with the load.
// Options: --size 500|5000|20000|none (none: shipped only), --repeat N (default 3), --no-build.
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { type Figure, figure, loadNow, record } from "./results";
import { build, load, SIZES, shippedDatabase, showSpread, signatureOf, spread, startApp, synthetic, table } from "./server";

const { values } = parseArgs({ options: { size: { type: "string" }, repeat: { type: "string" }, "no-build": { type: "boolean" } } });
const size = values.size ?? "5000";
const repeat = Number(values.repeat ?? 3);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error("--repeat takes a whole number");
if (size !== "none" && !(size in SIZES)) throw new Error(`--size takes ${Object.keys(SIZES).join(", ")} or none`);

const { file: shipped } = shippedDatabase("lighthouse");
const datasets = [{ label: "shipped (33 actors)", key: "shipped", file: shipped }];
if (size !== "none")
  datasets.push({
    label: `synthetic (${Number(size).toLocaleString("en")} actors)`,
    key: size,
    file: synthetic(`synth-${size}`, [...SIZES[size as unknown as keyof typeof SIZES]]),
  });
build();

interface Audit {
  score: number;
  lcp: number;
  tbt: number;
  fcp: number;
}

/** One Lighthouse run of `url` in a fresh Chromium (so no run warms the next one's cache). */
async function audit(url: string): Promise<Audit> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`bench: Lighthouse returned nothing for ${url}`);
    const numeric = (id: string) => Number(lhr.audits[id]?.numericValue ?? Number.NaN);
    return {
      score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      lcp: numeric("largest-contentful-paint"),
      tbt: numeric("total-blocking-time"),
      // Lighthouse 12.2's LCP-element breakdown fails on this Chromium's traces ("frame_sequence"), so the
      // first contentful paint stands beside the LCP: when they are close, the LCP is not waiting on script.
      fcp: numeric("first-contentful-paint"),
    };
  } finally {
    chrome.kill();
  }
}

const rows: string[][] = [];
const figures: Record<string, Figure> = {};
for (const dataset of datasets) {
  const app = await startApp(dataset.file);
  try {
    const actor = dataset.file === shipped ? "russia" : (await signatureOf(dataset.file)).last.slug;
    const pages = { dashboard: "/", network: "/?view=network", actor: `/actors/${actor}` };
    for (const path of Object.values(pages)) await fetch(`${app.base}${path}`); // compiles and warms each route once
    const runs = Object.fromEntries(Object.keys(pages).map((k) => [k, [] as Audit[]])) as Record<keyof typeof pages, Audit[]>;
    for (let r = 0; r < repeat; r++)
      for (const [name, path] of Object.entries(pages) as [keyof typeof pages, string][])
        runs[name].push(await audit(`${app.base}${path}`));
    for (const [name, path] of Object.entries(pages) as [keyof typeof pages, string][]) {
      const of = (k: keyof Audit) => runs[name].map((a) => a[k]).filter(Number.isFinite);
      const at = loadNow();
      figures[`${dataset.key}.${name}.score`] = figure(of("score"), "", at);
      for (const k of ["lcp", "fcp", "tbt"] as const) figures[`${dataset.key}.${name}.${k}`] = figure(of(k), "ms", at);
      rows.push([
        dataset.label,
        path,
        showSpread(spread(of("score"))),
        showSpread(spread(of("lcp").map((v) => v / 1000)), 2),
        showSpread(spread(of("fcp").map((v) => v / 1000)), 2),
        showSpread(spread(of("tbt"))),
        load(),
      ]);
    }
  } finally {
    app.stop();
  }
}
console.log(`\nLighthouse, mobile preset (simulated throttling); median (min–max) of ${repeat} runs\n`);
console.log(table(["dataset", "page", "performance", "LCP s", "FCP s", "TBT ms", "load"], rows));
console.log("\ngoal: performance ≥ 95, LCP ≤ 1.5 s");
record("lighthouse", { size, repeat }, figures);
