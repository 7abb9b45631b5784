// `npm run bench:flood -w @stancemap/web`: do export floods stall other users? A fresh seeded SQLite
// database, the production build on a free loopback port, then light requests (health, topics, stances
// as of a date; one user, one after another) measured with no flood, and during 16 and 40 parallel
// uncached exports (A4 at 600 dpi, a new title each): from one client, then with each flooder
// claiming its own address (X-Forwarded-For, which reaches the shared queue's bounds). Prints p50/p95/max
// of the light requests, their ratio to the unloaded run, the server's peak resident memory and the
// exports' status counts. Stops by itself (each flood phase is capped). FLOOD_LIGHT (light requests per
// phase, 60) and FLOOD_CAP_MS (a phase's cap, 30 s) adjust it.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Figure, figure, loadNow, record } from "./results";
import { build, freePort, quantile, root, shippedDatabase, waitFor } from "./server";

const LIGHT = ["/api/health", "/api/v1/topics", "/api/v1/stances?topic=posture-toward-taliban-government&at=2025-07-03"] as const;
const EXPORT = "/api/v1/export/map.png?preset=a4&dpi=600";
const LIGHT_PER_PHASE = Number(process.env.FLOOD_LIGHT ?? 60);
const PHASE_CAP_MS = Number(process.env.FLOOD_CAP_MS ?? 30_000);

/** Resident memory of the server process in MB: now (VmRSS) or its peak so far (VmHWM). */
function memory(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.replace(/\D+/g, "")) / 1024 : Number.NaN;
}

const { dir, env } = shippedDatabase("flood");
if (!process.argv.includes("--no-build")) build();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  cwd: join(root, "apps", "web"),
  // Loopback is the "proxy" here, so the spread phases' X-Forwarded-For makes each request its own client.
  env: {
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    STANCEMAP_TRUSTED_PROXIES: "127.0.0.1",
    PORT: String(port),
    STANCEMAP_HOST: "127.0.0.1",
  },
  stdio: "ignore",
});
const stop = () => child.kill("SIGTERM");
process.on("exit", stop);

interface Phase {
  name: string;
  light: number[];
  lightFailed: number;
  statuses: Map<number | string, number>;
  rssPeak: number;
  /** How long the server took to answer quickly again after the phase. */
  drainMs: number;
}

/** Light requests one after another: at least LIGHT_PER_PHASE and until `until()`, but no longer than
 * FLOOD_CAP_MS (a stalled server answers few). */
async function lightRound(phase: Phase, until: () => boolean): Promise<void> {
  const started = performance.now();
  for (let i = 0; ; i++) {
    const path = LIGHT[i % LIGHT.length] ?? LIGHT[0];
    const start = performance.now();
    try {
      const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      if (response.status !== 200) phase.lightFailed++;
    } catch {
      phase.lightFailed++;
    }
    phase.light.push(performance.now() - start);
    if ((i + 1 >= LIGHT_PER_PHASE && until()) || performance.now() - started > PHASE_CAP_MS) break;
  }
}

/** `parallel` flooders, each asking for a new uncached export as soon as its last one answered (after a
 * refusal it waits 200 ms, so a refused client keeps knocking without spinning). */
async function runPhase(name: string, parallel: number, spread: boolean): Promise<Phase> {
  const phase: Phase = { name, light: [], lightFailed: 0, statuses: new Map(), rssPeak: 0, drainMs: 0 };
  const pid = child.pid ?? 0;
  const sampler = setInterval(() => {
    phase.rssPeak = Math.max(phase.rssPeak, memory(pid, "VmRSS"));
  }, 100);
  const controller = new AbortController();
  let flooding = parallel > 0;
  let seq = 0;
  const flooders = Array.from({ length: parallel }, async (_, n) => {
    const headers: Record<string, string> = spread ? { "x-forwarded-for": `10.9.${n >> 8}.${n & 255}` } : {};
    while (flooding) {
      try {
        const response = await fetch(`${base}${EXPORT}&title=${name}-${seq++}`, { headers, signal: controller.signal });
        await response.arrayBuffer();
        phase.statuses.set(response.status, (phase.statuses.get(response.status) ?? 0) + 1);
        if (response.status !== 200) await new Promise((r) => setTimeout(r, 200));
      } catch {
        if (flooding) phase.statuses.set("error", (phase.statuses.get("error") ?? 0) + 1);
      }
    }
  });
  const started = performance.now();
  // Let the flood build up before measuring.
  if (parallel > 0) await new Promise((r) => setTimeout(r, 1500));
  await lightRound(phase, () => parallel === 0 || performance.now() - started > Math.min(PHASE_CAP_MS, 10_000));
  flooding = false;
  const capped = setTimeout(() => controller.abort(), 1000);
  // Exports still running after the phase are abandoned (aborted) rather than awaited forever.
  await Promise.race([Promise.all(flooders), new Promise((r) => setTimeout(r, PHASE_CAP_MS))]);
  controller.abort();
  clearTimeout(capped);
  clearInterval(sampler);
  // Wait (at most a minute) until the server has finished what it started, so the next phase starts from quiet.
  const draining = performance.now();
  while (performance.now() - draining < 60_000) {
    const t = performance.now();
    const quiet = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) })
      .then(async (r) => {
        await r.arrayBuffer();
        return performance.now() - t < 200;
      })
      .catch(() => false);
    if (quiet) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  phase.drainMs = performance.now() - draining;
  report(phase);
  return phase;
}

const figures: Record<string, Figure> = {};
/** A phase's name as a figure's key: "unloaded", "16-one-client", "40-one-address-each". */
const keyOf = (name: string) => name.replace(/ parallel,?/, "").replace(/\W+/g, "-");
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
let unloadedP95 = Number.NaN;
/** One row per phase, printed as soon as it ends (a stalled server still leaves the rows before it). */
function report(p: Phase): void {
  if (Number.isNaN(unloadedP95)) {
    unloadedP95 = quantile(p.light, 0.95);
    console.log(
      "\n| phase | light requests | p50 | p95 | max | p95 ratio | failed | server RSS peak | exports answered | quiet again after |",
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  }
  const at = loadNow();
  const key = keyOf(p.name);
  figures[`${key}.light.p50`] = figure(quantile(p.light, 0.5), "ms", at);
  figures[`${key}.light.p95`] = figure(quantile(p.light, 0.95), "ms", at);
  figures[`${key}.light.max`] = figure(Math.max(...p.light), "ms", at);
  figures[`${key}.light.p95ratio`] = figure(quantile(p.light, 0.95) / unloadedP95, "×", at);
  figures[`${key}.light.failed`] = figure(p.lightFailed, "", at);
  figures[`${key}.rss.peak`] = figure(p.rssPeak, "MB", at);
  for (const [status, n] of p.statuses) figures[`${key}.exports.${status}`] = figure(n, "", at);
  const counts = [...p.statuses].map(([s, n]) => `${s}: ${n}`).join(", ") || "-";
  console.log(
    `| ${p.name} | ${p.light.length} | ${fmt(quantile(p.light, 0.5))} | ${fmt(quantile(p.light, 0.95))} | ${fmt(Math.max(...p.light))} | ${(quantile(p.light, 0.95) / unloadedP95).toFixed(1)}x | ${p.lightFailed} | ${p.rssPeak.toFixed(0)} MB | ${counts} | ${fmt(p.drainMs)} |`,
  );
}

try {
  await waitFor(`${base}/api/health`);
  // The server serves the fresh dataset: the topic the light requests ask for, with stances.
  const stances = (await (await fetch(`${base}${LIGHT[2]}`)).json()) as { data?: unknown[] };
  if (!stances.data?.length) throw new Error("bench: the fresh database serves no stances for the topic");
  console.log(
    `bench: server pid ${child.pid} on ${base}, ${stances.data.length} stances; resident ${memory(child.pid ?? 0, "VmRSS").toFixed(0)} MB`,
  );
  // Warm every route once (first requests load modules, fonts and the render thread).
  for (const path of LIGHT) await fetch(`${base}${path}`).then((r) => r.arrayBuffer());
  await fetch(`${base}${EXPORT}&title=warm`).then((r) => r.arrayBuffer());
  await runPhase("unloaded", 0, false);
  // FLOOD_SPREAD=0 leaves out the phases where each flooder claims its own address.
  const spreads = process.env.FLOOD_SPREAD === "0" ? [false] : [false, true];
  for (const [parallel, spread] of spreads.flatMap((s) => [16, 40].map((n) => [n, s] as const))) {
    await runPhase(`${parallel} parallel${spread ? ", one address each" : ", one client"}`, parallel, spread);
  }
  const peak = memory(child.pid ?? 0, "VmHWM");
  console.log(`\nserver peak resident memory over the whole run (VmHWM): ${peak.toFixed(0)} MB`);
  figures["rss.hwm"] = figure(peak, "MB");
  record("flood", { light: LIGHT_PER_PHASE, capMs: PHASE_CAP_MS, spread: process.env.FLOOD_SPREAD !== "0" }, figures);
} finally {
  stop();
  rmSync(dir, { recursive: true, force: true });
}
