// The origins this site is served from, for the cross-site checks of the write API and of sign-in:
// the request's own URL, the Host the browser addressed (Next may report `localhost` in request.url
// when the server listens on 127.0.0.1), and the configured public URL.
import "server-only";

export function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  const own = new Set([url.origin, ...(host ? [`${proto}://${host}`] : [])]);
  if (process.env.STANCEMAP_PUBLIC_URL) own.add(new URL(process.env.STANCEMAP_PUBLIC_URL).origin);
  return own;
}

/** The origin to print in links (permalinks on exports): the public URL, else the Host the client addressed. */
export function publicOrigin(request: Request): string {
  if (process.env.STANCEMAP_PUBLIC_URL) return new URL(process.env.STANCEMAP_PUBLIC_URL).origin;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return host ? `${proto}://${host}` : url.origin;
}
