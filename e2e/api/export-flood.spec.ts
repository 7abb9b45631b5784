// An anonymous flood of uncached exports (40 at once, A4 at 600 dpi, a new title each) against a production
// server of its own (fresh database, so the shared e2e server's other specs are not refused): the excess is
// refused at once with 429 or 503, Retry-After and problem+json; light requests keep answering 200 while
// renders are still running; the server's resident memory stays within a size budget.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { createDb, loadDataset, migrate, seedDataset } from "@stancemap/db";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** What the server may hold resident at its peak, flood included (it starts near 300 MB under the
 * production entry, tsx's loader included; an unbounded flood of 16 took the old server to 1.8 GB). */
const RSS_BUDGET_MB = 1280;
const LIGHT = ["/api/health", "/api/v1/topics", "/api/v1/stances?topic=posture-toward-taliban-government&at=2025-07-03"];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const residentMB = (pid: number, field: "VmRSS" | "VmHWM") =>
  Number(
    readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${field}:`))
      ?.replace(/\D+/g, ""),
  ) / 1024;

test.describe("an export flood", () => {
  // One worker, one server for both tests.
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let server: ChildProcess;
  let base: string;
  let tmp: string;
  let serverErrors = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    tmp = join(root, "e2e", ".tmp", `flood-${process.pid}-${Date.now()}`);
    mkdirSync(tmp, { recursive: true });
    const url = `file:${join(tmp, "flood.db")}`;
    await migrate(url);
    const db = createDb(url);
    await seedDataset(db, loadDataset());
    await db.close();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: join(root, "apps", "web"),
      // Loopback is the "proxy" here, so the X-Forwarded-For the flood sets makes each request its own client.
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        STANCEMAP_TRUSTED_PROXIES: "127.0.0.1",
        PORT: String(port),
        STANCEMAP_HOST: "127.0.0.1",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    // The server's errors, printed after the run (the last 8 KB), so a failure here says why.
    server.stderr?.on("data", (chunk: Buffer) => {
      serverErrors = (serverErrors + chunk.toString("utf8")).slice(-8192);
    });
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 120_000, intervals: [250] })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (serverErrors) console.log(`export flood: the server's stderr:\n${serverErrors}`);
    server?.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  });

  test("40 parallel uncached exports are bounded and light requests keep answering", async () => {
    const pid = server.pid ?? 0;
    for (const path of LIGHT) expect((await fetch(`${base}${path}`)).status).toBe(200);
    const unloaded: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await (await fetch(`${base}${LIGHT[i % LIGHT.length]}`)).arrayBuffer();
      unloaded.push(performance.now() - t);
    }
    let rssPeak = residentMB(pid, "VmRSS");
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, residentMB(pid, "VmRSS"));
    }, 100);
    // Half from this client, half each claiming an address of its own (so both the client's limits and the
    // shared queue's bounds are reached).
    let pending = 0;
    const exports = Array.from({ length: 40 }, async (_, i) => {
      pending++;
      try {
        const headers: Record<string, string> = i % 2 ? { "x-forwarded-for": `10.77.0.${i}` } : {};
        const response = await fetch(`${base}/api/v1/export/map.png?preset=a4&dpi=600&title=flood-${i}`, { headers });
        const body = Buffer.from(await response.arrayBuffer());
        return {
          status: response.status,
          type: response.headers.get("content-type"),
          retryAfter: response.headers.get("retry-after"),
          body,
        };
      } finally {
        pending--;
      }
    });
    // Light requests, one after another, for as long as renders are running.
    const during: { status: number; ms: number }[] = [];
    await expect.poll(() => pending, { timeout: 10_000, intervals: [10] }).toBeLessThan(40);
    while (pending > 0) {
      const t = performance.now();
      const response = await fetch(`${base}${LIGHT[during.length % LIGHT.length]}`);
      await response.arrayBuffer();
      if (pending > 0) during.push({ status: response.status, ms: performance.now() - t });
    }
    const answered = await Promise.all(exports);
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, residentMB(pid, "VmRSS"));

    const counts = new Map<number, number>();
    for (const a of answered) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? Number.NaN;
    const lightMs = during.map((d) => d.ms);
    console.log(
      `export flood: exports ${[...counts].map(([s, n]) => `${s}: ${n}`).join(", ")}; light requests unloaded p50 ${q(unloaded, 0.5).toFixed(0)} ms p95 ${q(unloaded, 0.95).toFixed(0)} ms; ` +
        `during the flood (${during.length}) p50 ${q(lightMs, 0.5).toFixed(0)} ms p95 ${q(lightMs, 0.95).toFixed(0)} ms max ${Math.max(...lightMs).toFixed(0)} ms; ` +
        `server RSS peak ${rssPeak.toFixed(0)} MB (VmHWM ${residentMB(pid, "VmHWM").toFixed(0)} MB, budget ${RSS_BUDGET_MB} MB)`,
    );

    // The excess was refused, each refusal with Retry-After and a problem document.
    const refused = answered.filter((a) => a.status === 429 || a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.type).toBe("application/problem+json");
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(r.body.toString("utf8"))).toMatchObject({
        status: r.status,
        title: expect.any(String),
        detail: expect.any(String),
      });
    }
    // What was admitted was made: real PNGs; nothing else answered.
    const made = answered.filter((a) => a.status === 200);
    expect(made.length).toBeGreaterThan(0);
    for (const m of made) expect(m.body.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(made.length + refused.length).toBe(40);
    // Light requests answered, all of them 200, while renders were still in flight.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.filter((d) => d.status !== 200)).toEqual([]);
    expect(rssPeak).toBeLessThan(RSS_BUDGET_MB);
  });

  test("print-size PNGs made one after another give their pixels back", async () => {
    // Each 4x PNG of the map holds 52 MB of pixels until a finalizer frees them on a later turn of the
    // render worker's event loop; parked between tasks, the workers kept every one (render-pool.ts).
    const pid = server.pid ?? 0;
    const png = async (i: number) => {
      const res = await fetch(`${base}/api/v1/export/map.png?scale=4&title=print-${i}`, {
        headers: { "x-forwarded-for": `10.9.0.${i + 1}` },
      });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    };
    for (let i = 0; i < 2; i++) await png(i);
    const before = residentMB(pid, "VmRSS");
    let peak = before;
    const renders = 12;
    for (let i = 2; i < 2 + renders; i++) {
      await png(i);
      peak = Math.max(peak, residentMB(pid, "VmRSS"));
    }
    console.log(`export flood: ${renders} print-size PNGs in a row: server RSS ${before.toFixed(0)} → at most ${peak.toFixed(0)} MB`);
    // Kept, they would be renders × 52 MB (624 MB); a few pictures' worth may remain in the allocator.
    expect(peak - before).toBeLessThan(4 * 52);
  });

  test("a cached export is never refused, however many ask for it", async () => {
    const path = `${base}/api/v1/export/map.svg?title=cached-once`;
    expect((await fetch(path)).status).toBe(200);
    const again = await Promise.all(Array.from({ length: 60 }, () => fetch(path)));
    expect(again.map((r) => r.status)).toEqual(Array(60).fill(200));
    expect(again.every((r) => r.headers.get("x-export-cache") === "hit")).toBe(true);
    const etag = again[0]?.headers.get("etag") ?? "";
    const revalidated = await Promise.all(Array.from({ length: 60 }, () => fetch(path, { headers: { "if-none-match": etag } })));
    expect(revalidated.map((r) => r.status)).toEqual(Array(60).fill(304));
  });
});
