// Thin route-handler plumbing: parse the query with the contract's zod schema, answer problems
// as RFC 9457 JSON, tag responses with ETags derived from the dataset revision, and answer a query already
// answered for the same revision from the process's read cache (packages/db's read-cache.ts).
import "server-only";
import { createHash } from "node:crypto";
import type { FieldError, Problem } from "@stancemap/core";
import { BadCursorError, cachedRead, type Db, datasetRevision, getDb, RevisionUnavailable } from "@stancemap/db";
import type { z } from "zod";
import { answering } from "./failure";
import { currentRequestId } from "./request-context";

const PROBLEM_TYPE = "https://stancemap.dev/problems/";

/** RFC 9457 extension members a problem may carry besides `errors` (a 409's `current`, `base`, `theirs`, `yours`, `merge`, `dependants`). */
type ProblemExtras = Pick<Problem, "current" | "dependants" | "base" | "baseUnavailable" | "theirs" | "yours" | "merge">;

/** The one problem shape (core's `Problem`) every 4xx and 5xx answers with; `errors[].field` names what was refused. */
export function problem(
  status: number,
  title: string,
  detail?: string,
  errors?: FieldError[],
  instance?: string,
  extras: ProblemExtras = {},
  headers: Record<string, string> = {},
): Response {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const requestId = currentRequestId();
  const body: Problem = {
    type: `${PROBLEM_TYPE}${slug}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
    ...(errors ? { errors } : {}),
    ...extras,
    ...(requestId ? { requestId } : {}),
  };
  return Response.json(body, {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) out[key] = value;
  return out;
}

/** 400 naming each invalid parameter (an unknown one, from a strict schema, by its own name). */
export function invalidQuery(url: URL, issues: z.core.$ZodIssue[]): Response {
  const errors = issues.flatMap((i): FieldError[] =>
    i.code === "unrecognized_keys"
      ? i.keys.map((key) => ({ field: key, code: i.code, message: "not a parameter of this endpoint" }))
      : [{ field: String(i.path[0] ?? "query"), code: i.code, message: i.message }],
  );
  const names = [...new Set(errors.map((e) => e.field))].join(", ");
  return problem(400, "Invalid query parameter", `Invalid value for ${names}.`, errors, url.pathname + url.search);
}

/** The path and its parameters in a fixed order: `?b=2&a=1` and `?a=1&b=2` are one query, one ETag, one cache entry. */
function normalizedQuery(url: URL): string {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

function etagFor(revision: number, query: string): string {
  const hash = createHash("sha1").update(query).digest("base64url").slice(0, 16);
  return `W/"r${revision}-${hash}"`;
}

/** Whether an If-None-Match header names this ETag (or `*`). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
}

/** Thrown by a loader when a well-formed parameter names nothing that exists (an unknown topic). */
export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** 400 for a well-formed parameter that names nothing, or asks for what cannot be made. */
export function parameterProblem(url: URL, error: ParameterError): Response {
  return invalidQuery(url, [{ code: "custom", path: [error.parameter], message: error.message, input: undefined } as z.core.$ZodIssue]);
}

/**
 * GET handler for a read endpoint: validates the query, answers 304 when the client's ETag is
 * current (no data query at all), otherwise runs `load` and returns JSON tagged with the ETag.
 * `load` returns null for "not found".
 */
export async function readEndpoint<S extends z.ZodType>(
  request: Request,
  schema: S,
  load: (query: z.output<S>, db: Db) => Promise<unknown | null>,
): Promise<Response> {
  return answering(request, () => readAnswer(request, schema, load));
}

async function readAnswer<S extends z.ZodType>(
  request: Request,
  schema: S,
  load: (query: z.output<S>, db: Db) => Promise<unknown | null>,
): Promise<Response> {
  const url = new URL(request.url);
  const parsed = schema.safeParse(queryObject(url));
  if (!parsed.success) return invalidQuery(url, parsed.error.issues);
  const db = getDb();
  const revision = await datasetRevision(db);
  const query = normalizedQuery(url);
  const etag = etagFor(revision, query);
  const headers = { etag, "cache-control": "public, max-age=0, must-revalidate", "x-dataset-revision": String(revision) };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  try {
    // The answer as sent (a string: shared safely, counted in bytes), or null for "not found".
    const body = await cachedRead(
      db,
      revision,
      `api\u0000${query}`,
      async () => {
        const value = await load(parsed.data, db);
        return value === null ? null : JSON.stringify(value);
      },
      (text) => 2 * (text?.length ?? 0) + 256,
    );
    if (body === null) return problem(404, "Not found", `Nothing at ${url.pathname}.`, undefined, url.pathname);
    return new Response(body, { headers: { ...headers, "content-type": "application/json" } });
  } catch (error) {
    if (error instanceof BadCursorError || error instanceof ParameterError) {
      return parameterProblem(url, error);
    }
    // `?revision=N` past the current revision, or before the kept history: a problem naming `revision`.
    if (error instanceof RevisionUnavailable) {
      const title = error.status === 404 ? "Not found" : "Invalid query parameter";
      return problem(error.status, title, error.message, error.issues, url.pathname + url.search);
    }
    throw error;
  }
}
