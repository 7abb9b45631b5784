// What a route answers when something it did not expect fails: a logged error with the request id,
// and a problem body (503 while the database is read-only or unreachable, else 500), never an empty 500.

import { logger } from "./log";
import { currentRequestId } from "./request-context";

const READ_ONLY =
  /readonly database|read-only database|read_only_sql_transaction|cannot execute .* in a read-only transaction|SQLITE_READONLY|25006/i;
const UNAVAILABLE =
  /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|not queryable|Timed out fetching a new connection|Unable to start a transaction|SQLITE_BUSY|database is locked|57P0[1-3]|terminating connection|server closed the connection|Transaction already closed|the database system is (starting|shutting) up/i;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const meta = JSON.stringify((error as { meta?: unknown }).meta ?? "");
  return `${error.name} ${(error as { code?: string }).code ?? ""} ${error.message} ${meta} ${cause instanceof Error ? describe(cause) : ""}`;
}

export function isReadOnlyFailure(error: unknown): boolean {
  return READ_ONLY.test(describe(error));
}

export function unexpectedProblem(error: unknown, request: Request): Response {
  const requestId = currentRequestId(request.headers);
  const path = new URL(request.url).pathname;
  const text = describe(error);
  const [status, title, detail] = READ_ONLY.test(text)
    ? [503, "Database is read-only", "The database accepts no writes at the moment; reading still works. Try again later."]
    : UNAVAILABLE.test(text)
      ? [503, "Database unavailable", "The database did not answer in time. Try again shortly."]
      : [500, "Internal error", "The server failed to answer; quote the request id when reporting it."];
  logger.error({ reqId: requestId, path, method: request.method, status, err: error }, title);
  const headers: Record<string, string> = { "content-type": "application/problem+json", "cache-control": "no-store" };
  if (status === 503) headers["retry-after"] = "30";
  const type = `https://stancemap.dev/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return new Response(JSON.stringify({ type, title, status, detail, instance: path, ...(requestId ? { requestId } : {}) }), {
    status,
    headers,
  });
}

/** Runs a route handler's work; whatever it throws becomes a logged problem answer. */
export async function answering(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return unexpectedProblem(error, request);
  }
}
