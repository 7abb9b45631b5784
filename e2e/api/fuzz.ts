// A seeded fuzzer generated from the served OpenAPI document: hostile values for every parameter and body
// field of every operation, and for every page route, sent as each role over real HTTP. It counts answers
// by status, lists every 5xx with its request, and checks that no refused request wrote anything.
import { type OpenApiDoc, type Operation, operationsOf } from "./openapi-contract";

/** mulberry32: small, fast and seeded, so a failing run can be replayed with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A hostile value, spelled for a JSON body (raw JSON text) and for a URL (already percent-encoded). */
interface Hostile {
  name: string;
  json: string;
  url: string;
}

const deepArray = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;

export const HOSTILE: Hostile[] = [
  { name: "huge string", json: JSON.stringify("A".repeat(300_000)), url: "A".repeat(6_000) },
  { name: "huge unicode", json: JSON.stringify("👨‍👩‍👧".repeat(20_000)), url: encodeURIComponent("👨‍👩‍👧".repeat(300)) },
  { name: "empty", json: '""', url: "" },
  { name: "number", json: "12345", url: "12345" },
  { name: "negative", json: "-1", url: "-1" },
  { name: "huge number", json: "1e308", url: "99999999999999999999" },
  { name: "overflowing number", json: "-99999999999999999999999", url: "1e400" },
  { name: "fraction", json: "1.5", url: "1.5" },
  { name: "NaN text", json: '"NaN"', url: "NaN" },
  { name: "boolean", json: "true", url: "true" },
  { name: "null", json: "null", url: "null" },
  { name: "array of mixed", json: '["a",["b"],{"c":1}]', url: "a,b,,c" },
  { name: "empty object", json: "{}", url: "%7B%7D" },
  { name: "__proto__ key", json: '{"__proto__":{"polluted":"yes"}}', url: "__proto__" },
  { name: "constructor.prototype", json: '{"constructor":{"prototype":{"polluted":"yes"}}}', url: "constructor" },
  { name: "prototype value", json: '"prototype"', url: "prototype" },
  { name: "__proto__ value", json: '"__proto__"', url: "__proto__.polluted" },
  { name: "toString value", json: '"toString"', url: "toString" },
  { name: "lone surrogate", json: '"x\\ud800y"', url: "x%ED%A0%80y" },
  { name: "lone low surrogate", json: '"\\udfffz"', url: "%ED%BF%BFz" },
  { name: "invalid escape", json: '"a\\x41\\u12"', url: "%zz" },
  { name: "bad percent", json: '"%FF%"', url: "%FF" },
  { name: "overlong utf-8", json: '"\\u0000/"', url: "%C0%AF" },
  { name: "NUL", json: '"a\\u0000b"', url: "a%00b" },
  { name: "RTL override", json: '"\\u202eevil\\u202c.txt"', url: "%E2%80%AEevil" },
  { name: "markup", json: JSON.stringify('"><img src=x onerror=alert(1)><svg onload=alert(1)>'), url: "%22%3E%3Cimg%20src%3Dx%3E" },
  { name: "script url", json: '"javascript:alert(1)"', url: "javascript:alert(1)" },
  { name: "path traversal", json: '"../../../etc/passwd"', url: "..%2F..%2Fetc%2Fpasswd" },
  { name: "far date", json: '"9999-12-31"', url: "9999-12-31" },
  { name: "zero date", json: '"0000-00-00"', url: "0000-00-00" },
  { name: "impossible date", json: '"2025-02-30"', url: "2025-02-30" },
  { name: "deep array", json: deepArray(5_000), url: encodeURIComponent(deepArray(200)) },
  { name: "deep object", json: deepObject(3_000), url: encodeURIComponent(deepObject(100)) },
  { name: "csv injection", json: '"=HYPERLINK(\\"http://x\\")"', url: "%3DSUM(A1)" },
  { name: "sql", json: '"\' OR 1=1; DROP TABLE actor; --"', url: "'%20OR%201%3D1--" },
  { name: "newlines", json: '"a\\r\\nSet-Cookie: x=1"', url: "a%0D%0ASet-Cookie:%20x%3D1" },
];

/** Page routes of the app, with the query parameters their pages read. */
const PAGES: { path: string; params: string[] }[] = [
  { path: "/", params: ["topic", "date", "view", "actor", "region", "kind", "cat", "sent", "nkind", "q"] },
  { path: "/actors/{slug}", params: ["topic", "date"] },
  { path: "/embed/{view}", params: ["topic", "date", "actor", "region", "kind", "cat", "sent", "nkind", "theme"] },
  { path: "/admin", params: [] },
  { path: "/admin/sign-in", params: ["next", "error"] },
  {
    path: "/admin/{collection}",
    params: ["q", "sort", "dir", "page", "cursor", "kind", "topic", "category", "sentiment", "publisher", "series", "draft"],
  },
  { path: "/admin/{collection}/new", params: ["draft"] },
  { path: "/admin/audit", params: ["user", "type", "action", "from", "to", "cursor"] },
  { path: "/admin/review", params: ["status", "draft"] },
  { path: "/admin/drafts", params: ["status"] },
  { path: "/admin/transfer", params: [] },
  { path: "/admin/users", params: [] },
  { path: "/admin/account", params: [] },
  { path: "/admin/preview", params: ["topic", "date", "view"] },
  // The dashboard's stance index: an internal route, not in the OpenAPI document.
  { path: "/data/stance-index/{topic}", params: ["revision"] },
  // The world's outlines (the dashboard's map sprite): one name is served, every other is a 404.
  { path: "/data/world/{file}", params: [] },
];
const PAGE_SEGMENTS: Record<string, string[]> = {
  slug: ["russia", "RUS", "united-nations", "no-such-actor"],
  view: ["map", "network", "timeline", "actor"],
  collection: ["actors", "topics", "stances", "reactions", "events", "sources", "gaps"],
  topic: ["posture-toward-taliban-government", "no-such-topic"],
  file: ["0000000000000000.svg", "world.svg"],
};

/** Plausible values for path parameters: keys that exist nowhere, so accepted writes touch no shared record. */
const PATH_DEFAULTS: Record<string, string> = { slug: "fuzz-none", id: "fuzz-none", file: "map.svg" };

export type Role = "anonymous" | "editor" | "reviewer" | "admin";
export const ROLES: Role[] = ["anonymous", "editor", "reviewer", "admin"];

export interface FuzzRequest {
  role: Role;
  method: string;
  url: string;
  contentType?: string;
  body?: string;
  what: string;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

type Schema = { [key: string]: unknown };

function resolve(doc: OpenApiDoc, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; i < 10 && s && typeof s.$ref === "string"; i++) s = doc.components.schemas[s.$ref.split("/").pop() ?? ""];
  return s;
}

/** The top-level field names a body schema lists (through `$ref`, `allOf`, `anyOf`). */
function fieldsOf(doc: OpenApiDoc, schema: Schema | undefined): string[] {
  const s = resolve(doc, schema);
  if (!s) return [];
  const own = Object.keys((s.properties as Schema | undefined) ?? {});
  const parts = [...((s.allOf as Schema[]) ?? []), ...((s.anyOf as Schema[]) ?? [])].flatMap((p) => fieldsOf(doc, p));
  return [...new Set([...own, ...parts])];
}

/** A valid-looking body for an operation, so a hostile field is checked past the first refusal. */
function baseBody(op: Operation, n: number): Schema {
  const key = `fz-${n.toString(36)}-${Date.now().toString(36)}`;
  if (op.method === "post" && op.path === "/api/v1/sources")
    return { id: key, publisher: "Fuzz", title: "Fuzz", reliability: "A fuzz fixture.", url: "https://example.org/fuzz" };
  if (op.method === "post" && op.path === "/api/v1/actors") return { slug: key, name: "Fuzz", kind: "group", description: "fuzz" };
  if (op.path === "/api/v1/import") return { sources: [{ id: key, publisher: "Fuzz", title: "Fuzz", reliability: "r" }] };
  if (op.method === "patch") return { expectedVersion: "1.0" };
  if (op.path.endsWith("/revert")) return { revision: 1, expectedVersion: 1 };
  if (op.path.endsWith("/return")) return { comment: "fuzz" };
  if (op.path === "/api/v1/users") return { email: `${key}@fuzz.test`, name: "Fuzz", role: "editor", password: "fuzz-password-long" };
  if (op.path.endsWith("/tokens")) return { name: "fuzz" };
  return {};
}

const PLACEHOLDER = "\u0001FUZZ\u0001";

/** Generates `count` hostile requests, round-robin over the document's operations, pages and roles. */
export function generate(doc: OpenApiDoc, count: number, seed: number, skip?: RegExp): FuzzRequest[] {
  const hostileValues = skip ? HOSTILE.filter((h) => !skip.test(h.name)) : HOSTILE;
  const csvHeaders = ["__proto__.polluted", "constructor.prototype.x", "evidence.0.x", "zz"].filter((h) => !skip?.test(h));
  const random = prng(seed);
  const ops = operationsOf(doc);
  const out: FuzzRequest[] = [];
  for (let n = 0; out.length < count; n++) {
    const role = ROLES[n % ROLES.length] as Role;
    const slot = Math.floor(n / ROLES.length) % (ops.length + PAGES.length);
    const hostile = pick(random, hostileValues);
    if (slot >= ops.length) {
      const page = PAGES[slot - ops.length] as (typeof PAGES)[number];
      let path = page.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
        random() < 0.5 ? hostile.url : pick(random, PAGE_SEGMENTS[name] ?? ["x"]),
      );
      if (path === "") path = "/";
      const params = page.params.length > 0 && random() < 0.85 ? [pick(random, page.params)] : [];
      const query = params.map((p) => `${p}=${hostile.url}`);
      if (random() < 0.15) query.push(`zz_unknown=${hostile.url}`);
      if (random() < 0.1 && params[0]) query.push(`${params[0]}=again`);
      out.push({
        role,
        method: "GET",
        url: `${path}${query.length ? `?${query.join("&")}` : ""}`,
        what: `page ${page.path} ${hostile.name}`,
      });
      continue;
    }
    const op = ops[slot] as Operation;
    const pathParams = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
    const queryParams = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
    const target = random();
    const hostilePath = pathParams.length > 0 && target < 0.2;
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => (hostilePath ? hostile.url : (PATH_DEFAULTS[name] ?? "x")));
    const query: string[] = [];
    if (queryParams.length > 0 && (!op.body || target < 0.5)) query.push(`${pick(random, queryParams)}=${hostile.url}`);
    if (random() < 0.1) query.push(`zz_unknown=${hostile.url}`);
    if (random() < 0.1 && queryParams[0]) query.push(`${queryParams[0]}=a&${queryParams[0]}=b`);
    if (op.path === "/api/v1/import" && !query.some((q) => q.startsWith("dryRun="))) query.push("dryRun=true");
    let body: string | undefined;
    let contentType: string | undefined;
    let what = `${hostile.name}${hostilePath ? " in the path" : query.length ? " in the query" : ""}`;
    if (op.body) {
      contentType = "application/json";
      const base = baseBody(op, n);
      const fields = [...fieldsOf(doc, op.body.schema), "zz_unknown", "__proto__", "constructor"];
      const shape = random();
      if (shape < 0.55) {
        const field = pick(random, fields);
        body = JSON.stringify({ ...base, [field]: PLACEHOLDER }).replace(JSON.stringify(PLACEHOLDER), hostile.json);
        what = `${hostile.name} in body field ${field}`;
      } else if (shape < 0.75) {
        body = hostile.json;
        what = `${hostile.name} as the whole body`;
      } else if (shape < 0.85) {
        body = `${JSON.stringify(base).slice(0, -1)}${Object.keys(base).length ? "," : ""}"a":${hostile.json},"a":1}`;
        what = `${hostile.name} under a repeated key`;
      } else if (shape < 0.93 && op.path === "/api/v1/import") {
        contentType = "text/csv";
        body = `id,publisher,title,reliability,${pick(random, csvHeaders)}\nfz-${n},P,T,r,${hostile.url}\n`;
        if (!query.some((q) => q.startsWith("format="))) query.push("format=csv", "type=source");
        what = `CSV with ${hostile.name}`;
      } else {
        contentType = pick(random, ["text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", ""]);
        body = JSON.stringify(base);
        what = `content type "${contentType}"`;
      }
    }
    out.push({
      role,
      method: op.method.toUpperCase(),
      url: `${path}${query.length ? `?${query.join("&")}` : ""}`,
      ...(contentType !== undefined ? { contentType } : {}),
      ...(body !== undefined ? { body } : {}),
      what: `${op.method.toUpperCase()} ${op.path}: ${what}`,
    });
  }
  return out;
}

/** A signed-in session (cookie) per role, for a fuzz run. */
export type Sessions = Partial<Record<Role, { cookie: string; userId: string }>>;

export interface FuzzResult {
  counts: Record<string, number>;
  serverErrors: { request: FuzzRequest; status: number; body: string }[];
  refusedWrites: { request: FuzzRequest; status: number; before: string; after: string }[];
  accepted: number;
  /** Set when the run stopped early because every answer had become a 5xx. */
  stoppedAt?: number;
}

/**
 * What could show a write: the newest audit entry by a fuzz account or by nobody (refused anonymous
 * writes), and, when the server is ours alone, the dataset revision.
 */
async function snapshot(baseURL: string, sessions: Sessions, withRevision: boolean): Promise<string> {
  const admin = sessions.admin;
  if (!admin) throw new Error("the fuzz run needs an admin session to read the audit log");
  const ids = new Set(Object.values(sessions).map((s) => s?.userId));
  const res = await fetch(`${baseURL}/api/v1/audit?limit=50`, { headers: { cookie: admin.cookie } });
  // A server that cannot read its audit log is already failing; the 5xx count says so, the run goes on.
  if (res.status !== 200) return `audit unreadable (${res.status})`;
  const page = (await res.json()) as { data: { id: number; userId: string | null }[] };
  const mine = page.data.filter((c) => c.userId === null || ids.has(c.userId)).map((c) => c.id);
  const newest = mine.length ? Math.max(...mine) : 0;
  if (!withRevision) return `audit ${newest}`;
  const health = (await (await fetch(`${baseURL}/api/health`)).json()) as { database: { revision: number } };
  return `audit ${newest}, revision ${health.database.revision}`;
}

/** One request as sent; a network failure or timeout counts as 599, headers too large for the client as 0. */
async function send(baseURL: string, request: FuzzRequest, sessions: Sessions, origin: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { origin };
  const session = request.role === "anonymous" ? undefined : sessions[request.role];
  if (session) headers.cookie = session.cookie;
  if (request.contentType) headers["content-type"] = request.contentType;
  try {
    const res = await fetch(`${baseURL}${request.url}`, {
      method: request.method,
      headers,
      redirect: "manual",
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: res.status, text: await res.text() };
  } catch (error) {
    // undici refuses answers whose headers pass 16 KB (a redirect echoing a huge URL): the client's limit, not a server fault.
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === "UND_ERR_HEADERS_OVERFLOW") return { status: 0, text: "response headers over 16 KB" };
    return { status: 599, text: `${String(error)} ${code ?? ""}` };
  }
}

/**
 * Sends the requests in order: reads a few at a time, each write alone and followed by a look at the
 * audit log (and revision), so a write can be pinned on the request that made it.
 */
export async function runFuzz(
  baseURL: string,
  requests: FuzzRequest[],
  sessions: Sessions,
  opts: { origin: string; withRevision: boolean; onProgress?: (done: number) => void },
): Promise<FuzzResult> {
  const result: FuzzResult = { counts: {}, serverErrors: [], refusedWrites: [], accepted: 0 };
  let failing = 0;
  const count = (request: FuzzRequest, answer: { status: number; text: string }) => {
    result.counts[String(answer.status)] = (result.counts[String(answer.status)] ?? 0) + 1;
    if (answer.status >= 500) result.serverErrors.push({ request, status: answer.status, body: answer.text.slice(0, 300) });
    failing = answer.status >= 500 ? failing + 1 : 0;
  };
  let before = await snapshot(baseURL, sessions, opts.withRevision);
  let done = 0;
  for (let i = 0; i < requests.length; ) {
    // A server that fails everything has already been broken by an earlier request: stop, and say where.
    if (failing >= 40) {
      result.stoppedAt = done;
      break;
    }
    const reads: FuzzRequest[] = [];
    while (i < requests.length && requests[i]?.method === "GET" && reads.length < 4) reads.push(requests[i++] as FuzzRequest);
    if (reads.length > 0) {
      const answers = await Promise.all(reads.map((r) => send(baseURL, r, sessions, opts.origin)));
      for (const [k, r] of reads.entries()) count(r, answers[k] as { status: number; text: string });
      done += reads.length;
    } else {
      const request = requests[i++] as FuzzRequest;
      const answer = await send(baseURL, request, sessions, opts.origin);
      count(request, answer);
      const after = await snapshot(baseURL, sessions, opts.withRevision);
      if (answer.status >= 200 && answer.status < 300) result.accepted++;
      else if (after !== before) result.refusedWrites.push({ request, status: answer.status, before, after });
      before = after;
      done++;
    }
    opts.onProgress?.(done);
  }
  return result;
}

/** Makes one fresh account per role (as an existing admin) and signs each in, so the run's writes are its own. */
export async function fuzzSessions(baseURL: string, adminCredentials: { email: string; password: string }): Promise<Sessions> {
  const signIn = async (credentials: { email: string; password: string }) => {
    const res = await fetch(`${baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL },
      body: JSON.stringify(credentials),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${credentials.email} answered ${res.status}: ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const body = (await res.json()) as { user: { id: string } };
    return { cookie, userId: body.user.id };
  };
  const root = await signIn(adminCredentials);
  const sessions: Sessions = {};
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  for (const role of ["editor", "reviewer", "admin"] as const) {
    const credentials = { email: `fuzz-${role}-${tag}@fuzz.test`, password: `fuzz-${tag}-password` };
    const res = await fetch(`${baseURL}/api/v1/users`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL, cookie: root.cookie },
      body: JSON.stringify({ ...credentials, name: `Fuzz ${role}`, role }),
    });
    if (res.status !== 201) throw new Error(`creating the fuzz ${role} answered ${res.status}: ${await res.text()}`);
    sessions[role] = await signIn(credentials);
  }
  return sessions;
}

export function report(result: FuzzResult, total: number, seconds: number): string {
  const counts = Object.entries(result.counts)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, n]) => `${status}: ${n}`)
    .join(", ");
  const stopped = result.stoppedAt !== undefined ? ` STOPPED after ${result.stoppedAt}: the server answered only 5xx from then on;` : "";
  const lines = [`fuzz:${stopped} ${total} requests in ${seconds.toFixed(1)} s; by status: ${counts}; accepted writes: ${result.accepted}`];
  // Each 5xx once per kind of request (operation and hostile value), with the first request of that kind.
  const kinds = new Map<string, { n: number; first: FuzzResult["serverErrors"][number] }>();
  for (const e of result.serverErrors) {
    const kind = `${e.status} ${e.request.what}`;
    const seen = kinds.get(kind);
    if (seen) seen.n++;
    else kinds.set(kind, { n: 1, first: e });
  }
  for (const [kind, { n, first }] of kinds)
    lines.push(
      `  ${n}× ${kind}\n     e.g. ${first.request.role} ${first.request.method} ${first.request.url.slice(0, 200)}${first.request.body ? ` body: ${first.request.body.slice(0, 160)}` : ""} → ${first.body.slice(0, 160)}`,
    );
  for (const w of result.refusedWrites)
    lines.push(
      `  WROTE on ${w.status} ← ${w.request.role} ${w.request.method} ${w.request.url.slice(0, 200)} (${w.request.what}): ${w.before} → ${w.after}`,
    );
  return lines.join("\n");
}
