// The server-only door to every write: who is asking (session cookie or API token), and the
// cross-site check. Route handlers and server actions get the caller here and pass it to
// @stancemap/db, whose curation functions check the role where the write happens.
// Middleware never decides access.
import "server-only";
import { getDb, type Principal, principalForToken, principalForUser } from "@stancemap/db";
import { headers as nextHeaders } from "next/headers";
import { cache } from "react";
import { getAuth } from "./auth";
import { foreignOriginRefusal } from "./origins";
import { noteUser } from "./request-context";

/** The signed-in user behind these headers, or null: from a bearer token, else from the session cookie. */
export async function principalFrom(headers: Headers): Promise<Principal | null> {
  const principal = await findPrincipal(headers);
  if (principal) noteUser(principal.id); // for the request's log line
  return principal;
}

async function findPrincipal(headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return principalForToken(getDb(), authorization.slice(7).trim());
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return null;
  // Role and status come from the database on every request, never from the cookie.
  return principalForUser(getDb(), session.user.id);
}

/** For server components and server actions: the current user, once per request. */
export const currentPrincipal = cache(async (): Promise<Principal | null> => principalFrom(await nextHeaders()));

/**
 * Cross-site request forgery: a state-changing request that rides on a cookie must come from this
 * site: a missing or `null` Origin is refused (origins.ts; proxy.ts applies it to server actions too).
 */
export function crossSiteRefusal(request: Request): string | null {
  // Only a request that carries cookies can be forged across sites; the rest are token calls
  // (scripts send no Origin) or anonymous, and are answered 401 if they need a session.
  if (!request.headers.get("cookie")) return null;
  return foreignOriginRefusal(request);
}
