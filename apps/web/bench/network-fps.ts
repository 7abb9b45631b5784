// `npx tsx apps/web/bench/network-fps.ts [--size 2k|20k]` — the reaction network on a large synthetic
// dataset in headless Chromium, drawn as this browser gets it (its WebGL is SwiftShader, a software renderer:
// the 2D canvas, lib/webgl-support.ts; sigma.js on a GPU): 2k is 2,000 actors, 10,000 reactions and 200
// events; 20k is 20,000 actors, 100,000 reactions and 500 events, served with the network's cap raised to
// 100,000 so that every reaction is drawn. It measures the time to the first layout frame and to a settled
// layout, whether the main thread stayed responsive while the worker laid the graph out (long tasks,
// longest gap between animation frames), then frames and redraws per second while panning with mouse
// drags, while hovering (each node entered redraws with its neighbours lit) and while
// zooming with the wheel. Options: --fresh (rewrite the database), --no-build, --seconds N, --screenshot FILE.
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { figure, loadNow, record } from "./results";
import { build, CHROMIUM_ARGS, load, quantile, startApp, synthetic } from "./server";

const { values } = parseArgs({
  options: {
    fresh: { type: "boolean" },
    "no-build": { type: "boolean" },
    seconds: { type: "string" },
    screenshot: { type: "string" },
    size: { type: "string" },
  },
});
const PAN_MS = Number(values.seconds ?? 5) * 1000;
const SIZES = {
  "2k": {
    synth: ["--actors", "2000", "--states", "200", "--reactions", "10000", "--stances", "4000", "--events", "200"],
    words: "2,000 actors, 10,000 reactions, 200 events",
    cap: "20000",
  },
  "20k": {
    synth: ["--actors", "20000", "--states", "250", "--stances", "20000", "--reactions", "100000", "--events", "500"],
    words: "20,000 actors, 100,000 reactions, 500 events",
    cap: "100000",
  },
} as const;
const sizeKey = (values.size ?? "2k") as keyof typeof SIZES;
const size = SIZES[sizeKey];
if (!size) throw new Error(`bench: --size is one of ${Object.keys(SIZES).join(", ")}`);
const file = synthetic("network", [...size.synth], values.fresh);
build();
const app = await startApp(file, { STANCEMAP_NETWORK_MAX_REACTIONS: size.cap });

type NetworkStats = NonNullable<Window["__stancemapNetwork"]>;
// The page's own statistics (declared on Window by NetworkChart.tsx), plus this script's probes.
type Probe = Window & {
  __bench: { longTasks: { start: number; duration: number }[]; frames: number[] };
};

try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Before any of the page's scripts: record long tasks and every animation frame's time.
  // As a string: tsx would wrap named functions in a helper that the page does not have.
  await page.addInitScript(`
    window.__bench = { longTasks: [], frames: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    requestAnimationFrame(function frame(t) {
      window.__bench.frames.push(t);
      requestAnimationFrame(frame);
    });
  `);

  const started = Date.now();
  await page.goto(`${app.base}/?view=network&date=2026-01-01`, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as Probe).__stancemapNetwork?.settled != null, undefined, {
    timeout: 600_000,
    polling: 200,
  });
  const loadSeconds = (Date.now() - started) / 1000;
  const layout = await page.evaluate(() => {
    const probe = window as unknown as Probe;
    const stats = probe.__stancemapNetwork as NetworkStats;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const end = stats.settled ?? Number.POSITIVE_INFINITY;
    const frames = probe.__bench.frames.filter((t) => t >= stats.posted && t <= end);
    let maxGap = 0;
    for (let i = 1; i < frames.length; i++) maxGap = Math.max(maxGap, (frames[i] as number) - (frames[i - 1] as number));
    const longDuring = probe.__bench.longTasks.filter((t) => t.start >= stats.posted && t.start <= end);
    return {
      stats,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      framesDuringLayout: frames.length,
      maxFrameGapDuringLayout: maxGap,
      longTasksDuringLayout: longDuring.length,
      longestTaskDuringLayout: longDuring.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasksBeforeLayout: probe.__bench.longTasks.filter((t) => t.start < stats.posted).length,
      longestTaskBeforeLayout: probe.__bench.longTasks.filter((t) => t.start < stats.posted).reduce((m, t) => Math.max(m, t.duration), 0),
    };
  });

  console.log(
    `bench: settled; ${layout.longTasksDuringLayout} long tasks during layout (longest ${layout.longestTaskDuringLayout.toFixed(0)} ms)`,
  );
  if (values.screenshot) await page.screenshot({ path: values.screenshot });

  // Pan: drag the drawing back and forth for PAN_MS, counting animation frames and redraws in the page.
  // WebGL (sigma's stage), else the 2D canvas a browser without WebGL2 gets.
  const canvas = page.locator(".net-webgl, canvas.net-canvas").first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("bench: no WebGL stage or canvas on the page (was the graph drawn as SVG?)");
  // Edges are drawn once the layout has settled: wait for that drawing before measuring.
  await page.waitForTimeout(2000);
  // Grab the background near the top-left corner (a press on a node would drag the node instead).
  const cx = box.x + 40;
  const cy = box.y + 40;
  const mark = () =>
    page.evaluate(() => {
      const probe = window as unknown as Probe;
      const stats = probe.__stancemapNetwork;
      return {
        frames: probe.__bench.frames.length,
        draws: stats?.draws ?? 0,
        blits: stats?.blits ?? 0,
        overlays: stats?.overlays ?? 0,
        t: performance.now(),
      };
    });
  const since = (from: Awaited<ReturnType<typeof mark>>) =>
    page.evaluate((from) => {
      const probe = window as unknown as Probe;
      const now = performance.now();
      const frames = probe.__bench.frames.slice(from.frames);
      const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
      const long = probe.__bench.longTasks.filter((t) => t.start >= from.t);
      return {
        seconds: (now - from.t) / 1000,
        frames: frames.length,
        draws: (probe.__stancemapNetwork?.draws ?? 0) - from.draws,
        blits: (probe.__stancemapNetwork?.blits ?? 0) - from.blits,
        overlays: (probe.__stancemapNetwork?.overlays ?? 0) - from.overlays,
        gaps,
        lastDrawMs: probe.__stancemapNetwork?.lastDrawMs ?? 0,
        longTasks: long.length,
        longest: long.reduce((m, t) => Math.max(m, t.duration), 0),
      };
    }, from);

  const before = await mark();
  const panStart = Date.now();
  let moves = 0;
  while (Date.now() - panStart < PAN_MS) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 30 && Date.now() - panStart < PAN_MS; i++) {
      const a = (i / 30) * 2 * Math.PI;
      await page.mouse.move(cx + (1 - Math.cos(a)) * 200, cy + (1 - Math.cos(2 * a)) * 80);
      moves++;
    }
    await page.mouse.up();
  }
  const pan = await since(before);
  console.log(`bench: panned ${pan.seconds.toFixed(1)} s, ${pan.frames} frames, ${pan.draws} drawings, ${pan.longTasks} long tasks`);

  // Hover sweep: the pointer crosses the graph without a button, so each node it enters is
  // highlighted with its neighbours: a redraw per change (not a moved bitmap). On the 2D canvas that is
  // the highlight layer drawn over a copy of the last full drawing; sigma redraws its WebGL stage.
  // A long time on a software rasteriser: the click returns once the page answers again.
  await page.getByRole("button", { name: "Fit" }).click({ timeout: 300_000 });
  await page.waitForTimeout(300);
  const hoverFrom = await mark();
  const sweepStart = Date.now();
  let sweeps = 0;
  while (Date.now() - sweepStart < 3000) {
    const y = box.y + box.height * (0.3 + 0.4 * ((sweeps * 0.37) % 1));
    for (let x = box.x + box.width * 0.3; x < box.x + box.width * 0.7 && Date.now() - sweepStart < 3000; x += 6)
      await page.mouse.move(x, y);
    sweeps++;
  }
  const sweep = await since(hoverFrom);

  // Zoom: wheel steps in and out over the middle of the graph; each step redraws at the new scale.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const zoomFrom = await mark();
  const zoomStart = Date.now();
  let wheels = 0;
  while (Date.now() - zoomStart < 3000) {
    await page.mouse.wheel(0, wheels % 20 < 10 ? -120 : 120);
    wheels++;
  }
  const zoom = await since(zoomFrom);
  await browser.close();

  const s = layout.stats;
  const ms = (v: number | null) => (v === null ? "n/a" : `${v.toFixed(0)} ms`);
  console.log(`\nreaction network on the synthetic dataset (${size.words}), date 2026-01-01`);
  console.log(`  drawn:                         ${s.nodes} nodes, ${s.edges} edges on ${s.renderer}`);
  console.log(`  page load to settled layout:   ${loadSeconds.toFixed(1)} s (DOMContentLoaded at ${ms(layout.domContentLoaded)})`);
  console.log(`  graph sent to the worker at:   ${ms(s.posted)} after navigation start`);
  console.log(
    `  first layout frame:            ${ms(s.firstFrame)} after navigation start, ${ms((s.firstFrame ?? 0) - s.posted)} after the graph was sent`,
  );
  console.log(`  layout settled:                ${ms(s.settled)} (${s.ticks} ticks, ${ms((s.settled ?? 0) - s.posted)} in the worker)`);
  console.log(
    `  main thread during layout:     ${layout.framesDuringLayout} animation frames, longest gap ${layout.maxFrameGapDuringLayout.toFixed(0)} ms; ` +
      `${layout.longTasksDuringLayout} long tasks (>50 ms), longest ${layout.longestTaskDuringLayout.toFixed(0)} ms`,
  );
  console.log(
    `  before layout (load, hydrate): ${layout.longTasksBeforeLayout} long tasks, longest ${layout.longestTaskBeforeLayout.toFixed(0)} ms`,
  );
  console.log(
    `  panning for ${pan.seconds.toFixed(1)} s (${moves} mouse moves):  ${(pan.frames / pan.seconds).toFixed(1)} fps ` +
      `(requestAnimationFrame callbacks); frame gap p50 ${quantile(pan.gaps, 0.5).toFixed(1)} ms, p95 ${quantile(pan.gaps, 0.95).toFixed(1)} ms, ` +
      `max ${Math.max(0, ...pan.gaps).toFixed(0)} ms; ${pan.longTasks} long tasks (longest ${pan.longest.toFixed(0)} ms)`,
  );
  console.log(
    `  redraws while panning:         ${((pan.draws + pan.blits) / pan.seconds).toFixed(1)}/s ` +
      `(${pan.draws} full drawings${pan.blits ? `, ${pan.blits} moved bitmaps` : ""}); the last drawing took ${pan.lastDrawMs.toFixed(1)} ms of script`,
  );
  console.log(
    `  hover sweep for ${sweep.seconds.toFixed(1)} s:        ${(sweep.frames / sweep.seconds).toFixed(1)} fps; ` +
      `${((sweep.draws + sweep.overlays) / sweep.seconds).toFixed(1)} redraws/s highlighting neighbours (${sweep.draws} full drawings, ` +
      `${sweep.overlays} highlight layers over the last full drawing); frame gap p95 ${quantile(sweep.gaps, 0.95).toFixed(1)} ms; ` +
      `${sweep.longTasks} long tasks (longest ${sweep.longest.toFixed(0)} ms)`,
  );
  console.log(
    `  wheel zoom for ${zoom.seconds.toFixed(1)} s (${wheels} steps): ${(zoom.frames / zoom.seconds).toFixed(1)} fps; ` +
      `${(zoom.draws / zoom.seconds).toFixed(1)} full drawings/s, ${(zoom.blits / zoom.seconds).toFixed(1)} moved bitmaps/s; frame gap p95 ` +
      `${quantile(zoom.gaps, 0.95).toFixed(1)} ms; ${zoom.longTasks} long tasks (longest ${zoom.longest.toFixed(0)} ms)`,
  );
  console.log(`  ${load()}`);
  const at = loadNow();
  const one = (v: number | null, unit: string) => figure(v ?? Number.NaN, unit, at);
  record(
    `network-${sizeKey}`,
    { size: sizeKey, cap: Number(size.cap), seconds: PAN_MS / 1000 },
    {
      "drawn.nodes": one(s.nodes, ""),
      "drawn.edges": one(s.edges, ""),
      "layout.settled": one(s.settled === null ? null : s.settled - s.posted, "ms"),
      "layout.longtasks": one(layout.longTasksDuringLayout, ""),
      "layout.longest": one(layout.longestTaskDuringLayout, "ms"),
      "layout.maxgap": one(layout.maxFrameGapDuringLayout, "ms"),
      "beforeLayout.longest": one(layout.longestTaskBeforeLayout, "ms"),
      "pan.fps": one(pan.frames / pan.seconds, "fps"),
      "pan.gap.p95": one(quantile(pan.gaps, 0.95), "ms"),
      "hover.fps": one(sweep.frames / sweep.seconds, "fps"),
      "hover.redraws": one((sweep.draws + sweep.overlays) / sweep.seconds, "/s"),
      "hover.gap.p95": one(quantile(sweep.gaps, 0.95), "ms"),
      "hover.longest": one(sweep.longest, "ms"),
      "zoom.fps": one(zoom.frames / zoom.seconds, "fps"),
      "zoom.gap.p95": one(quantile(zoom.gaps, 0.95), "ms"),
    },
  );
} finally {
  app.stop();
}
