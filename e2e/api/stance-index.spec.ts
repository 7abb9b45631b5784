// The dashboard's stance index (/data/stance-index/{topic}) and what it buys: the index of a revision is
// cached for good, the current one revalidates by revision; and `/` at 5,000 synthetic actors carries its
// first screen, not every stance, so its HTML stays under 300 kB gzipped.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { POSTURE } from "../support/api-session";

const run = promisify(execFile);

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

test.describe("the stance index", () => {
  test("a client asking for a revision's index gets it cached for a year, immutable", async ({ request }) => {
    const health = (await (await request.get("/api/health")).json()) as { database: { revision: number } };
    const revision = health.database.revision;
    const res = await request.get(`/data/stance-index/${POSTURE}?revision=${revision}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const body = (await res.json()) as {
      format: string;
      topic: string;
      revision: number;
      actors: { slug: string }[];
      stances: { id: string[] };
    };
    expect(body.format).toBe("stancemap-stance-index/1");
    expect(body.topic).toBe(POSTURE);
    expect(body.revision).toBe(revision);
    expect(body.actors.map((a) => a.slug)).toContain("russia");
    expect(body.stances.id.length).toBeGreaterThan(10);
  });

  test("without a revision the current index revalidates by its ETag", async ({ request }) => {
    const res = await request.get(`/data/stance-index/${POSTURE}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const etag = res.headers().etag ?? "";
    expect(etag).toMatch(/^W\/"stance-index-.+-r\d+"$/);
    const again = await request.get(`/data/stance-index/${POSTURE}`, { headers: { "if-none-match": etag } });
    expect(again.status()).toBe(304);
  });

  test("an unknown topic, a malformed revision and a revision not yet published are refused", async ({ request }) => {
    expect((await request.get("/data/stance-index/no-such-topic")).status()).toBe(404);
    const bad = await request.get(`/data/stance-index/${POSTURE}?revision=latest`);
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    expect((await request.get(`/data/stance-index/${POSTURE}?revision=999999`)).status()).toBe(404);
  });
});

test.describe("the dashboard's HTML at 5,000 actors", () => {
  // Writing the synthetic dataset and starting a second server take minutes on a busy machine.
  test.describe.configure({ timeout: 900_000 });
  const port = Number(process.env.STANCEMAP_E2E_PORT ?? 3100) + 1;
  const base = `http://127.0.0.1:${port}`;
  const dir = join(root, "e2e", ".tmp", `size-${process.pid}`);
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    // A hook keeps the project's 90 s unless told: describe.configure sizes the tests, not their hooks.
    test.setTimeout(900_000);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const url = `file:${join(dir, "synth.db")}`;
    // The bench's 5,000-actor dataset, with fewer reactions: the page does not carry them.
    // Asynchronously: a synchronous child would block this worker (and its heartbeat to the runner) for minutes.
    await run(
      "npm",
      [
        "run",
        "db:synth",
        "--",
        "--url",
        url,
        "--actors",
        "5000",
        "--states",
        "250",
        "--stances",
        "50000",
        "--reactions",
        "1000",
        "--events",
        "500",
      ],
      { cwd: root },
    );
    server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: join(root, "apps", "web"),
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_ENV: "production",
        PORT: String(port),
        STANCEMAP_HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
      },
      // Its errors show in the test's output.
      stdio: ["ignore", "ignore", "inherit"],
    });
    // A server that exits (a port taken, a crash) fails the wait at once, saying how, rather than after minutes.
    let exited: string | null = null;
    server.on("exit", (code, signal) => {
      exited = `the 5,000-actor server on port ${port} exited (code ${code}, signal ${signal})`;
    });
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (exited) throw new Error(exited);
      if ((await fetch(`${base}/api/health/live`, { signal: AbortSignal.timeout(10_000) }).catch(() => null))?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`the 5,000-actor server on port ${port} did not answer within 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  test("an analyst opening / gets under 300 kB gzipped, and the index has every stance", async () => {
    const count = (await (await fetch(`${base}/api/v1/actors?limit=1`)).json()) as { data: unknown[] };
    expect(count.data.length).toBe(1);
    const html = Buffer.from(await (await fetch(`${base}/?date=2023-01-01`)).arrayBuffer());
    const gz = gzipSync(html).length;
    console.log(`/ at 5,000 actors: ${(html.length / 1000).toFixed(0)} kB raw, ${(gz / 1000).toFixed(0)} kB gzipped`);
    expect(gz).toBeLessThan(300_000);
    const index = (await (await fetch(`${base}/data/stance-index/${POSTURE}`)).json()) as { actors: unknown[]; stances: { id: unknown[] } };
    expect(index.actors.length).toBeGreaterThanOrEqual(5000);
    expect(index.stances.id.length).toBeGreaterThan(1000);
  });
});
