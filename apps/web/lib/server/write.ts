// Route-handler plumbing for writes: refuse cross-site requests, find the caller (401 without one),
// parse the body, and turn curation refusals into problem+json with the same statuses everywhere.
import "server-only";
import { CurationError, HasDependants, InvalidInput, type Principal, VersionConflict } from "@stancemap/db";
import { crossSiteRefusal, principalFrom } from "./dal";
import { unexpectedProblem } from "./failure";
import { problem } from "./http";
import { currentRequestId } from "./request-context";

export function curationProblem(error: CurationError, instance?: string): Response {
  const titles: Record<number, string> = {
    400: "Invalid input",
    401: "Sign in required",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
  };
  const body: Record<string, unknown> = {
    type: `https://stancemap.dev/problems/${titles[error.status]?.toLowerCase().replace(/\s+/g, "-")}`,
    title: titles[error.status],
    status: error.status,
    detail: error.message,
    ...(instance ? { instance } : {}),
  };
  const requestId = currentRequestId();
  if (requestId) body.requestId = requestId;
  if (error instanceof InvalidInput) body.errors = error.issues.map((i) => ({ field: i.path, message: i.message }));
  if (error instanceof VersionConflict) body.current = error.current;
  if (error instanceof HasDependants) body.dependants = error.dependants;
  const headers: Record<string, string> = { "content-type": "application/problem+json", "cache-control": "no-store" };
  if (error.status === 401) headers["www-authenticate"] = 'Bearer realm="stancemap"';
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInput([{ path: "body", message: "is not valid JSON" }], "the body is not valid JSON");
  }
}

/** Runs a request for a signed-in caller (every write, and the curation reads). The role itself is checked inside @stancemap/db. */
export async function curationEndpoint(request: Request, run: (who: Principal) => Promise<Response>): Promise<Response> {
  const path = new URL(request.url).pathname;
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return problem(403, "Cross-site request refused", crossSite, undefined, path);
  try {
    const who = await principalFrom(request.headers);
    if (!who) throw new CurationError(401, "sign in, or send an API token as `Authorization: Bearer …`");
    return await run(who);
  } catch (error) {
    if (error instanceof CurationError) return curationProblem(error, path);
    return unexpectedProblem(error, request);
  }
}

export const noStore = { "cache-control": "no-store" } as const;
