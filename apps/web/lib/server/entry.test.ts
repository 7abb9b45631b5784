// The server entry over real HTTP: one JSON log line per request with its id, path, status, duration
// and user; the id echoed in X-Request-Id; TRACE and broken %-escapes answered before the app sees them.
import { once } from "node:events";
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Admission } from "./admission";
import { MAX_JSON_BODY_BYTES } from "./body-limit";
import { createEntry } from "./entry";
import { currentRequestId, noteUser } from "./request-context";

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const logger = pino({ level: "info" }, sink);
let server: Server;
let base: string;
let appSaw = 0;

beforeAll(async () => {
  // The app behind the entry: notes a user (as dal.ts does) and echoes the request id it sees, or fails.
  const entry = createEntry(async (req, res) => {
    appSaw++;
    if (req.url?.startsWith("/fail")) throw new Error("the app broke");
    await new Promise((resolve) => setImmediate(resolve));
    noteUser("user-42");
    res.statusCode = 201;
    res.end(JSON.stringify({ seen: currentRequestId() }));
  }, logger);
  server = createServer(entry);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const lineFor = async (id: string) => {
  for (let i = 0; i < 100 && !lines.some((l) => l.reqId === id); i++) await new Promise((r) => setTimeout(r, 10));
  return lines.find((l) => l.reqId === id);
};

describe("server entry", () => {
  it("logs one line per request with id, method, path, status, duration and user, and sends the id back", async () => {
    const res = await fetch(`${base}/api/v1/things?secret=no`, { method: "POST" });
    const id = res.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ seen: id });
    const line = await lineFor(id);
    expect(line).toMatchObject({ msg: "request", reqId: id, method: "POST", path: "/api/v1/things", status: 201, userId: "user-42" });
    expect(typeof line?.durationMs).toBe("number");
    expect(typeof line?.time).toBe("number");
  });

  it("keeps a well-formed incoming request id and replaces a malformed one", async () => {
    const kept = await fetch(`${base}/x`, { headers: { "x-request-id": "lb-1234567890abcdef" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-1234567890abcdef");
    const replaced = await fetch(`${base}/x`, { headers: { "x-request-id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).not.toBe("<script>");
  });

  it("answers TRACE with 405 and a path with an invalid UTF-8 escape with 400, as problems with security headers, without calling the app", async () => {
    const before = appSaw;
    // fetch refuses to send TRACE; speak HTTP directly.
    const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request(`${base}/api/v1/actors`, { method: "TRACE" }, (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    });
    expect(answer.status).toBe(405);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.headers.allow).toContain("GET");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(JSON.parse(answer.body)).toMatchObject({ status: 405, requestId: answer.headers["x-request-id"] });
    for (const path of ["/api/v1/actors/%FF", "/actors/%C3%28", "/embed/map/%E0%A4"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      const body = await res.json();
      expect(body).toMatchObject({ status: 400, title: "Malformed path", instance: path, requestId: res.headers.get("x-request-id") });
    }
    expect(appSaw).toBe(before);
  });

  it("refuses an API parameter named __proto__ (which Next's parsing would drop) with 400 naming it, without calling the app", async () => {
    const before = appSaw;
    for (const path of [
      "/api/v1/actors?__proto__=x",
      "/api/v1/export/map.png?title=a&__proto__[x]=1&__proto__=y",
      "/data/stance-index/t?__proto__=",
    ]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = await res.json();
      expect(body).toMatchObject({ status: 400, title: "Invalid query parameter", errors: [{ field: "__proto__" }] });
    }
    expect(appSaw).toBe(before);
    // Pages ignore unknown parameters, this one too; an API value of "__proto__" is the route's to judge.
    for (const path of ["/x?__proto__=x", "/api/v1/actors?q=__proto__", "/api/v1/actors?__proto__x=1"]) {
      expect((await fetch(`${base}${path}`)).status, path).not.toBe(400);
    }
    expect(appSaw).toBe(before + 3);
  });

  it("refuses an API parameter whose name or value has a %-escape that is not valid UTF-8, naming it, without calling the app", async () => {
    const before = appSaw;
    for (const [path, field] of [
      ["/api/v1/export/map.svg?title=x%ED%A0%80y", "title"], // a lone surrogate
      ["/api/v1/actors?q=%C0%AF", "q"], // overlong
      ["/api/v1/export/map.svg?date=2025-07-03&subtitle=100%zz", "subtitle"], // no escape at all
      ["/data/stance-index/t?revision=%FF", "revision"],
      ["/api/v1/actors?%ED%BF%BF=1", "%ED%BF%BF"], // the name itself
    ]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 400, title: "Invalid query parameter", errors: [{ field }] });
    }
    expect(appSaw).toBe(before);
    // Well-formed escapes, a plus for a space, an empty value, and pages (their own to judge) pass.
    for (const path of [
      "/api/v1/actors?q=%E2%80%AEevil+x&empty=&flag",
      "/api/v1/export/map.svg?title=Caf%C3%A9%20%F0%9F%98%80",
      "/x?title=%ED%A0%80",
    ]) {
      expect((await fetch(`${base}${path}`)).status, path).not.toBe(400);
    }
    expect(appSaw).toBe(before + 3);
  });

  it("refuses a body declared over the 16 MiB limit without calling the app, and the client gets the answer and keeps its connection", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (bytes: number) =>
      new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
        const req = request(`${base}/api/v1/sources`, { method: "POST", agent, headers: { "content-length": String(bytes) } }, (res) => {
          let body = "";
          res.on("data", (c) => {
            body += c;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body, socket: req.socket }));
        });
        req.on("error", reject);
        const piece = Buffer.alloc(64 * 1024, 0x61);
        for (let sent = 0; sent < bytes; sent += piece.length) req.write(piece.subarray(0, Math.min(piece.length, bytes - sent)));
        req.end();
      });
    try {
      const before = appSaw;
      const over = await post(MAX_JSON_BODY_BYTES + 1);
      expect(over.status).toBe(400);
      expect(JSON.parse(over.body)).toMatchObject({
        title: "Invalid input",
        errors: [
          { field: "body", code: "too_big", message: `is ${MAX_JSON_BODY_BYTES + 1} bytes or more; the limit is ${MAX_JSON_BODY_BYTES}` },
        ],
      });
      expect(appSaw).toBe(before);
      // At the limit it goes on to the app (which reads what it needs), on the same connection.
      const at = await post(MAX_JSON_BODY_BYTES);
      expect(at.status).toBe(201);
      expect(appSaw).toBe(before + 1);
      expect(at.socket).toBe(over.socket);
    } finally {
      agent.destroy();
    }
  });

  it("turns an app failure into a 500 problem with the request id, and logs the error with the id and its stack", async () => {
    const res = await fetch(`${base}/fail`);
    const id = res.headers.get("x-request-id") ?? "";
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ status: 500, requestId: id });
    const error = lines.find((l) => l.reqId === id && l.level === 50) as { err?: { message: string; stack: string } } | undefined;
    expect(error?.err?.message).toBe("the app broke");
    expect(error?.err?.stack).toContain("entry.test.ts");
  });
});

describe("requests in progress", () => {
  it("works on a bounded number at once, writes and probes first, and never starts one whose client has gone", async () => {
    const started: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const admission = new Admission(1);
    const entry = createEntry(
      async (req, res) => {
        started.push(`${req.method} ${req.url}`);
        if (req.url === "/slow") await held;
        res.end("ok");
      },
      logger,
      admission,
    );
    const one = createServer(entry);
    one.listen(0, "127.0.0.1");
    await once(one, "listening");
    const at = `http://127.0.0.1:${(one.address() as AddressInfo).port}`;
    const until = async (condition: () => boolean) => {
      for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(condition()).toBe(true);
    };
    try {
      const slow = fetch(`${at}/slow`);
      await until(() => admission.running === 1);
      const read = fetch(`${at}/read`);
      await until(() => admission.waiting === 1);
      const gone = new AbortController();
      const abandoned = fetch(`${at}/abandoned`, { signal: gone.signal }).catch(() => null);
      await until(() => admission.waiting === 2);
      const write = fetch(`${at}/write`, { method: "POST", body: "{}" });
      const probe = fetch(`${at}/api/health`);
      await until(() => admission.waiting === 4);
      expect(started).toEqual(["GET /slow"]);
      gone.abort();
      await abandoned;
      await until(() => lines.some((l) => l.path === "/abandoned" && l.aborted === true));
      release();
      await Promise.all([slow, read, write, probe]);
      expect(started.slice(0, 1)).toEqual(["GET /slow"]);
      expect(new Set(started.slice(1, 3))).toEqual(new Set(["POST /write", "GET /api/health"]));
      expect(started.slice(3)).toEqual(["GET /read"]);
      await until(() => admission.running === 0);
    } finally {
      await new Promise<void>((resolve) => one.close(() => resolve()));
    }
  });
});
