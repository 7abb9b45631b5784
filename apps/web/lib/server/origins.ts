// The origins this site is served from, for the cross-site checks of the write API and of sign-in and
// for links printed on exports: the request's own URL, the Host the browser addressed (Next may report
// `localhost` in request.url when the server listens on 127.0.0.1), and the configured public URL.
import "server-only";
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

/** The origin to print in links (permalinks on exports): the public URL, else the one the client addressed. */
export function publicOrigin(request: Request): string {
  return configured ?? addressedOrigin(request);
}

/** `publicOrigin` for a page being rendered (from its request headers): handed to the export dialog so
 * that the permalink it prints is the one the export API prints. */
export async function pageOrigin(): Promise<string> {
  if (configured) return configured;
  const { headers } = await import("next/headers");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
