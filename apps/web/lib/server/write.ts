// Route-handler plumbing for writes: refuse cross-site requests, find the caller (401 without one),
// parse the body, and turn curation refusals into problem+json with the same statuses everywhere.
import "server-only";
import type { Problem } from "@stancemap/core";
import { CurationError, HasDependants, InvalidInput, type Principal, VersionConflict } from "@stancemap/db";
import { crossSiteRefusal, principalFrom } from "./dal";
import { unexpectedProblem } from "./failure";
import { problem } from "./http";
import { parseJsonBody, readCappedText } from "./json-body";

const TITLES: Record<CurationError["status"], string> = {
  400: "Invalid input",
  401: "Sign in required",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
};

/** A version conflict's base, theirs, yours and merge (see ConflictDetails), as the problem documents them. */
function conflictExtras(error: VersionConflict): Partial<Problem> {
  const d = error.details;
  if (!d) return {};
  return {
    base: d.base as Problem["base"],
    ...(d.baseUnavailable ? { baseUnavailable: d.baseUnavailable } : {}),
    theirs: d.theirs as Problem["theirs"],
    yours: d.yours as Problem["yours"],
    merge: d.merge,
  };
}

/** A curation refusal as the one problem shape: its issues are already `{ field, code, message }`. */
export function curationProblem(error: CurationError, instance?: string): Response {
  const extras = {
    ...(error instanceof VersionConflict ? { current: error.current as Problem["current"], ...conflictExtras(error) } : {}),
    ...(error instanceof HasDependants ? { dependants: error.dependants.map(({ type, key, label }) => ({ type, key, label })) } : {}),
  };
  const headers: Record<string, string> = error.status === 401 ? { "www-authenticate": 'Bearer realm="stancemap"' } : {};
  // Every refusal names its fields when it has any (a 409 "exists" says which key field is taken).
  const errors = error instanceof InvalidInput || error.issues.length > 0 ? error.issues : undefined;
  return problem(error.status, TITLES[error.status], error.message, errors, instance, extras, headers);
}

/** The request's JSON body (undefined when empty); one too large, invalid JSON and a `__proto__` key are refused, named. */
export async function readJson(request: Request): Promise<unknown> {
  return parseJsonBody(await readCappedText(request));
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
