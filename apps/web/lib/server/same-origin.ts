// Which origins are this site's, and the cross-site refusal built on them: shared by the write API
// (dal.ts), sign-in (auth.ts) and proxy.ts, which applies it to server actions before Next runs them.
import { env } from "./env";

const configured = env.STANCEMAP_PUBLIC_URL ? new URL(env.STANCEMAP_PUBLIC_URL).origin : null;

/** The origin the client addressed: the (forwarded) Host header, else the request URL's. */
function addressedOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return host ? `${proto}://${host}` : url.origin;
}

export function ownOrigins(request: Request): Set<string> {
  return new Set([new URL(request.url).origin, addressedOrigin(request), ...(configured ? [configured] : [])]);
}

/**
 * Cross-site request forgery: a state-changing request that rides on a cookie must come from this
 * site (a missing or `null` Origin is refused), and none may name a foreign Origin.
 */
export function foreignOriginRefusal(request: Request): string | null {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return null;
  const origin = request.headers.get("origin");
  // Without a cookie and without an Origin: a script or an anonymous call, answered 401 if it needs a session.
  if (!origin && !request.headers.get("cookie")) return null;
  if (!origin || origin === "null") return "a state-changing request needs an Origin header from this site";
  return ownOrigins(request).has(origin) ? null : `requests from ${origin} are not accepted`;
}
