// The HTTP front of the app, in front of Next's handler: gives each request an id (X-Request-Id),
// logs one line per request, and answers what Next would turn into a 500 (TRACE, broken %-escapes
// in the path) or silently drop (an API parameter named __proto__), and a body declared larger than any
// route reads, itself with a problem body and the usual security headers.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type pino from "pino";
import { contentSecurityPolicy, securityHeaders } from "../../proxy";
import { Admission, goesFirst, isProbe } from "./admission";
import { bodyTooBig, MAX_JSON_BODY_BYTES } from "./body-limit";
import { type RequestContext, runWithRequest } from "./request-context";

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** An incoming id is kept when it is a plain token (a proxy's or a client's), else a new one is made. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;
export const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  return q === -1 ? raw : raw.slice(0, q);
}

/** Whether every %-escape in the path decodes to valid UTF-8. */
export function pathDecodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function problemBody(
  status: number,
  title: string,
  detail: string,
  instance: string,
  requestId: string,
  errors?: { field: string; code: string; message: string }[],
): string {
  const type = `https://stancemap.dev/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return JSON.stringify({ type, title, status, detail, instance, requestId, ...(errors ? { errors } : {}) });
}

/**
 * A query parameter named `__proto__` on the API: Next's query parsing drops it (an object cannot hold that
 * key), so the route would answer as if it were absent where any other unknown parameter gets 400.
 */
export function droppedQueryKey(url: string | undefined, path: string): string | null {
  if (!path.startsWith("/api/") && !path.startsWith("/data/")) return null;
  const q = url?.indexOf("?") ?? -1;
  if (q === -1 || !url) return null;
  for (const key of new URLSearchParams(url.slice(q + 1)).keys()) if (key === "__proto__") return key;
  return null;
}

/**
 * A query parameter of the API whose name or value has a %-escape that is not valid UTF-8 (`%ED%A0%80`, a
 * lone surrogate; `%C0%AF`, overlong) or is no escape at all (`%zz`): the query parser turns the first into
 * U+FFFD and keeps the second as typed, so a title or a search would silently be another text. Returns the
 * parameter's name (as sent, when the name itself does not decode).
 */
export function malformedQueryKey(url: string | undefined, path: string): string | null {
  if (!path.startsWith("/api/") && !path.startsWith("/data/")) return null;
  const q = url?.indexOf("?") ?? -1;
  if (q === -1 || !url) return null;
  for (const pair of url.slice(q + 1).split("&")) {
    const at = pair.indexOf("=");
    const [key, value] = at === -1 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
    const name = decodes(key);
    if (name === null) return key;
    if (decodes(value) === null) return name;
  }
  return null;
}

function decodes(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** A problem answered by the entry itself, with the headers proxy.ts puts on every other response. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  path: string,
  requestId: string,
  extra: Record<string, string> = {},
  errors?: { field: string; code: string; message: string }[],
): void {
  const nonce = Buffer.from(randomUUID()).toString("base64");
  for (const [name, value] of securityHeaders(contentSecurityPolicy(nonce, path, false), path)) res.setHeader(name, value);
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
  res.setHeader("content-type", "application/problem+json");
  res.setHeader("cache-control", "no-store");
  res.statusCode = status;
  res.end(problemBody(status, title, detail, path, requestId, errors));
}

/** `inProgress`: how many requests are worked on at once (0: no limit), or the line they wait in; see admission.ts. */
export function createEntry(handle: Handler, logger: pino.Logger, inProgress: number | Admission = 0) {
  const admission = typeof inProgress !== "number" ? inProgress : inProgress > 0 ? new Admission(inProgress) : null;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
    // Route handlers read it from the header too (a context can be lost across Next's internals).
    req.headers["x-request-id"] = id;
    res.setHeader("x-request-id", id);
    const context: RequestContext = { id };
    const path = pathOf(req.url);
    const line = (extra: Record<string, unknown> = {}) => ({
      reqId: id,
      method: req.method,
      path,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      userId: context.userId ?? null,
      ...extra,
    });
    res.on("finish", () => logger.info(line(), "request"));
    res.on("close", () => {
      if (!res.writableFinished) logger.warn(line({ aborted: true }), "request aborted by the client");
    });

    if (req.method === "TRACE") {
      sendProblem(res, 405, "Method not allowed", `${req.method} is not supported.`, path, id, { allow: ALLOWED_METHODS });
      return;
    }
    if (!pathDecodes(path)) {
      sendProblem(res, 400, "Malformed path", "The path has a %-escape that is not valid UTF-8.", path, id);
      return;
    }
    const dropped = droppedQueryKey(req.url, path);
    if (dropped) {
      sendProblem(res, 400, "Invalid query parameter", `\`${dropped}\` is not a parameter of this endpoint.`, path, id, {}, [
        { field: dropped, code: "unrecognized_keys", message: "not a parameter of this endpoint" },
      ]);
      return;
    }
    const malformed = malformedQueryKey(req.url, path);
    if (malformed !== null) {
      sendProblem(res, 400, "Invalid query parameter", `\`${malformed}\` has a %-escape that is not valid UTF-8.`, path, id, {}, [
        { field: malformed, code: "invalid_string", message: "has a %-escape that is not valid UTF-8" },
      ]);
      return;
    }
    // No route reads a body this large: refused before Next would buffer its first 17 MiB for proxy.ts,
    // for anyone, and before it takes a place among the requests in progress (body-limit.ts). Node reads
    // and drops the rest, so the client still gets the answer on a connection it can keep.
    const declared = Number(req.headers["content-length"]);
    if (declared > MAX_JSON_BODY_BYTES) {
      const { issue, detail } = bodyTooBig(declared);
      sendProblem(res, 400, "Invalid input", detail, path, id, {}, [issue]);
      return;
    }
    const run = () =>
      runWithRequest(context, async () => {
        try {
          await handle(req, res);
        } catch (error) {
          logger.error({ reqId: id, path, err: error }, "unexpected failure");
          if (!res.headersSent) sendProblem(res, 500, "Internal error", "The server failed to answer; quote the request id.", path, id);
          else res.destroy();
        }
      });
    if (!admission) {
      run();
      return;
    }
    // 'close' comes once the response is sent or the connection is gone, whichever is first.
    let closed = false;
    let begun = false;
    const ticket = {
      first: goesFirst(req.method, path, req.headers.authorization),
      probe: isProbe(path),
      wanted: () => !closed,
      start: () => {
        begun = true;
        run();
      },
    };
    res.on("close", () => {
      closed = true;
      if (begun) admission.done(ticket);
    });
    admission.enter(ticket);
  };
}

/** Requests Node's parser refuses (a method it does not know, such as TRACK; a broken request line) get a 400 problem too. */
export function answerClientError(logger: pino.Logger) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const id = randomUUID();
    logger.info({ reqId: id, status: 400, code: error.code }, "request refused by the HTTP parser");
    const body = problemBody(400, "Bad request", "The request could not be parsed.", "/", id);
    const headers = [
      "HTTP/1.1 400 Bad Request",
      "content-type: application/problem+json",
      "cache-control: no-store",
      `x-request-id: ${id}`,
      ...securityHeaders("default-src 'none'; frame-ancestors 'none'", "/").map(([n, v]) => `${n}: ${v}`),
      `content-length: ${Buffer.byteLength(body)}`,
      "connection: close",
    ];
    socket.end(`${headers.join("\r\n")}\r\n\r\n${body}`);
  };
}
