// `npm run test:start`: two `npm start` at once from this checkout, on two ports and two databases
// (SQLite, and PostgreSQL when it answers): both serve their pages and every script file of them answers
// 200; then a published edit survives a restart through the same start path. Ports: the two after
// STANCEMAP_E2E_PORT (default 3100).
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import pg from "pg";
import { root } from "./web-build.mjs";

const base = Number(process.env.STANCEMAP_E2E_PORT ?? 3100);
const ports = [base + 1, base + 2];
const dir = mkdtempSync(join(tmpdir(), "stancemap-start-test-"));
const ADMIN_URL = process.env.STANCEMAP_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const pgName = `stancemap_start_${process.pid}_${Date.now().toString(36)}`;
const running = new Set();
const EDITED = `Edited through the write API at ${new Date().toISOString()}; a restart must keep it.`;

async function postgresUrl() {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${pgName}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${pgName}`;
    return url.toString();
  } catch (error) {
    console.log(`[start test] PostgreSQL skipped (${error.message}); the second instance uses SQLite`);
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
}

let instances = [];

/** `npm start` in its own process group, its output kept. */
function start(instance) {
  const child = spawn("npm", ["start", "--silent"], {
    cwd: root,
    detached: true,
    env: { ...process.env, DATABASE_URL: instance.url, PORT: String(instance.port), STANCEMAP_NO_DEMO_ADMIN: "1" },
  });
  const proc = { child, out: "", exited: new Promise((resolve) => child.on("exit", resolve)) };
  for (const stream of [child.stdout, child.stderr])
    stream.on("data", (d) => {
      proc.out += d;
    });
  running.add(proc);
  child.on("exit", () => running.delete(proc));
  return proc;
}

async function stop(proc) {
  try {
    process.kill(-proc.child.pid, "SIGTERM");
  } catch {}
  await proc.exited;
}

/**
 * Until nothing listens on the instance's port (a connection refused): the server outlives npm's exit by
 * its shutdown. A slow answer or a reset is not that: on a busy machine a server still shutting down may
 * not answer within the timeout, and the next start's readiness check would then be answered by it.
 */
async function gone(instance) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      await fetch(`${instance.base}/api/health/live`, { signal: AbortSignal.timeout(2000) });
    } catch (error) {
      const refused = (e) => e?.code === "ECONNREFUSED" || (Array.isArray(e?.errors) && e.errors.length > 0 && e.errors.every(refused));
      if (refused(error.cause)) return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on ${instance.port} still answers a minute after it was stopped`);
}

/** Ready when this start said it serves and the port answers (not a server of an earlier start). */
async function ready(instance, proc, minutes = 20) {
  const until = Date.now() + minutes * 60_000;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`npm start on ${instance.port} exited:\n${proc.out}`);
    try {
      if (proc.out.includes("serving on port") && (await fetch(`${instance.base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm start on ${instance.port} never answered:\n${proc.out}`);
}

/** A page answers 200 and so does every script file it loads. */
async function pageAndScripts(instance, path) {
  const res = await fetch(`${instance.base}${path}`);
  assert.equal(res.status, 200, `${path} on ${instance.port}`);
  const html = await res.text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
  assert.ok(scripts.length > 0, `${path} loads script files`);
  const statuses = await Promise.all(scripts.map(async (src) => [src, (await fetch(new URL(src, instance.base))).status]));
  assert.deepEqual(
    statuses.filter(([, s]) => s !== 200),
    [],
    `every script file of ${path} on ${instance.port} answers 200`,
  );
  return scripts.length;
}

async function signIn(instance) {
  const email = `reviewer-${instance.port}@start.test`;
  const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "admin:create", "--", "--email", email, "--role", "reviewer"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: instance.url },
  });
  const password = stdout.match(/Password[^:]*: (\S+)/)?.[1];
  assert.ok(password, stdout);
  const res = await fetch(`${instance.base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: instance.base },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(res.status, 200, await res.text());
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return (path, init = {}) =>
    fetch(`${instance.base}${path}`, {
      ...init,
      headers: { "content-type": "application/json", origin: instance.base, cookie, ...(init.headers ?? {}) },
    });
}

/**
 * A GET on an instance. A reset on a reused idle connection is retried once, as browsers retry idempotent
 * requests; any other network failure fails with its cause and what the instance's process said.
 */
async function get(instance, proc, path) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(`${instance.base}${path}`);
    } catch (error) {
      const code = error.cause?.code ?? error.cause?.message ?? error.message;
      if (attempt === 1 && /ECONNRESET|UND_ERR_SOCKET/.test(String(code))) continue;
      const state = proc.child.exitCode === null ? "still running" : `exited with ${proc.child.exitCode}`;
      throw new Error(`GET ${path} on ${instance.port} failed (${code}); its npm start is ${state} and said:\n${proc.out}`);
    }
  }
}

const json = async (res) => {
  const text = await res.text();
  assert.ok(res.ok, `${res.status} ${text}`);
  return JSON.parse(text);
};

before(async () => {
  const pgUrl = await postgresUrl();
  instances = [
    { name: "SQLite", url: `file:${join(dir, "a.db")}` },
    pgUrl ? { name: "PostgreSQL", url: pgUrl } : { name: "SQLite", url: `file:${join(dir, "b.db")}` },
  ].map((i, n) => ({ ...i, port: ports[n], base: `http://127.0.0.1:${ports[n]}` }));
});

after(async () => {
  await Promise.all([...running].map(stop));
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  await admin
    .connect()
    .then(() => admin.query(`DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`))
    .catch(() => {});
  await admin.end().catch(() => {});
});

test("two npm start at once from one checkout both serve, and a published edit survives a restart", { timeout: 40 * 60_000 }, async () => {
  const t0 = Date.now();
  const procs = instances.map(start);
  await Promise.all(instances.map((i, n) => ready(i, procs[n])));
  console.log(`[start test] both instances answered after ${Math.round((Date.now() - t0) / 1000)} s`);
  for (const [n, proc] of procs.entries()) console.log(`[start test] instance ${n + 1} (${instances[n].name}) said:\n${proc.out}`);
  const outputs = procs.map((p) => p.out).join("\n");
  assert.doesNotMatch(outputs, /Another next build process is already running/);
  assert.ok(procs.filter((p) => /building the web app/.test(p.out)).length <= 1, "at most one of them built");

  for (const instance of instances) {
    const count = (await pageAndScripts(instance, "/")) + (await pageAndScripts(instance, "/actors/russia"));
    console.log(`[start test] ${instance.name} on ${instance.port}: / and /actors/russia and their ${count} script files answered 200`);
  }

  // A reviewer changes Russia's description through the write API and publishes it, on both databases.
  const revisions = [];
  for (const instance of instances) {
    const api = await signIn(instance);
    const head = await json(await api("/api/v1/actors/russia/head"));
    const saved = await json(
      await api("/api/v1/actors/russia", { method: "PATCH", body: JSON.stringify({ description: EDITED, expectedVersion: head.version }) }),
    );
    await json(await api(`/api/v1/drafts/${saved.draftId}/publish`, { method: "POST", body: "{}" }));
    assert.equal((await json(await fetch(`${instance.base}/api/v1/actors/russia`))).description, EDITED);
    revisions.push((await json(await fetch(`${instance.base}/api/health`))).database.revision);
  }

  // Restart both through the same start path, at once again.
  await Promise.all(procs.map(stop));
  await Promise.all(instances.map(gone));
  const restarted = instances.map(start);
  await Promise.all(instances.map((i, n) => ready(i, restarted[n])));
  for (const [n, instance] of instances.entries()) {
    const out = restarted[n].out;
    console.log(`[start test] restart of ${instance.name} said:\n${out}`);
    assert.match(out, /nothing written/);
    assert.doesNotMatch(out, /building the web app/);
    assert.equal(
      (await json(await get(instance, restarted[n], "/api/v1/actors/russia"))).description,
      EDITED,
      `${instance.name} kept the edit`,
    );
    assert.equal(
      (await json(await get(instance, restarted[n], "/api/health"))).database.revision,
      revisions[n],
      `${instance.name} revision unchanged`,
    );
  }
  await Promise.all(restarted.map(stop));
});
