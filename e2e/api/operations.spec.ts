// What operators rely on, over real HTTP against the production server (apps/web/server.ts): every
// answer carries an X-Request-Id that problem bodies repeat; TRACE and undecodable paths are refused
// cleanly; an unexpected database failure answers a 500 problem with the id, never an empty body.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { createDb, loadDataset, migrate, seedDataset } from "@stancemap/db";

const web = fileURLToPath(new URL("../../apps/web", import.meta.url));

function raw(base: string, method: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test.describe("request ids and refusals before the app", () => {
  test("every answer carries an X-Request-Id; problem bodies repeat it; a well-formed incoming id is kept", async ({ request }) => {
    const ok = await request.get("/api/v1/topics");
    expect(ok.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await request.get("/api/v1/actors/no-such-actor");
    expect(missing.status()).toBe(404);
    expect((await missing.json()).requestId).toBe(missing.headers()["x-request-id"]);
    const badQuery = await request.get("/api/v1/actors?limit=-5", { headers: { "x-request-id": "edge-proxy-0123456789" } });
    expect(badQuery.status()).toBe(400);
    expect(badQuery.headers()["x-request-id"]).toBe("edge-proxy-0123456789");
    expect((await badQuery.json()).requestId).toBe("edge-proxy-0123456789");
  });

  test("TRACE on an API path and on a page answers 405 problem+json with Allow and the security headers", async ({ baseURL }) => {
    for (const path of ["/api/v1/topics", "/", "/actors/pakistan"]) {
      const res = await raw(baseURL as string, "TRACE", path);
      expect(res.status, path).toBe(405);
      expect(res.headers["content-type"]).toBe("application/problem+json");
      expect(res.headers.allow).toContain("GET");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
      expect(JSON.parse(res.body)).toMatchObject({ status: 405, requestId: res.headers["x-request-id"] });
    }
  });

  test("a path segment with an invalid UTF-8 escape (%FF) answers 400 problem+json on the API and on pages", async ({ request }) => {
    for (const path of ["/api/v1/actors/%FF", "/api/v1/actors/%C3%28/head", "/actors/%FF", "/embed/map/%E0%A4"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(res.headers()["content-type"]).toBe("application/problem+json");
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["content-security-policy"]).toContain("default-src 'self'");
      expect(await res.json()).toMatchObject({ status: 400, title: "Malformed path", requestId: res.headers()["x-request-id"] });
    }
  });

  test("liveness answers without the database; readiness and /api/health report the database as writable", async ({ request }) => {
    expect((await request.get("/api/health/live")).status()).toBe(200);
    const ready = await request.get("/api/health/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: { ok: true, writable: true } });
  });
});

test.describe("an unexpected database failure", () => {
  const port = Number(process.env.STANCEMAP_E2E_PORT ?? 3100) + 2;
  const base = `http://127.0.0.1:${port}`;
  let dir: string;
  let url: string;
  let server: ChildProcess;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), "stancemap-ops-"));
    url = `file:${join(dir, "ops.db")}`;
    await migrate(url);
    const db = createDb(url);
    await seedDataset(db, loadDataset());
    await db.close();
    server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: web,
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_ENV: "production",
        PORT: String(port),
        STANCEMAP_HOST: "127.0.0.1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    for (let i = 0; i < 600; i++) {
      const up = await fetch(`${base}/api/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the second server did not start on port ${port}`);
  });
  test.afterAll(async () => {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  test("a table gone from under the running server: the read answers 500 problem+json with the request id, logged with it; readiness says 503 why", async () => {
    const logged: string[] = [];
    server.stdout?.on("data", (chunk: Buffer) => logged.push(...chunk.toString().split("\n")));
    expect((await fetch(`${base}/api/v1/topics`)).status).toBe(200);
    // The fault: the schema changes under the server (a half-applied migration, a wrong database).
    const db = createDb(url);
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "DatasetRevision" RENAME TO "DatasetRevisionGone"`);
    await db.close();
    const res = await fetch(`${base}/api/v1/topics`);
    const id = res.headers.get("x-request-id");
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    expect(body).toMatchObject({ status: 500, title: "Internal error", requestId: id });
    expect(JSON.stringify(body)).not.toMatch(/DatasetRevision|stack|at /);
    await expect.poll(() => logged.filter((l) => l.includes(`"reqId":"${id}"`)).length).toBeGreaterThanOrEqual(2);
    const error = JSON.parse(logged.find((l) => l.includes(`"reqId":"${id}"`) && l.includes('"level":50')) ?? "{}");
    expect(error.err?.stack).toContain("DatasetRevision");
    const ready = await fetch(`${base}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).reasons.join(" ")).toMatch(/a read failed/);
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
  });
});
