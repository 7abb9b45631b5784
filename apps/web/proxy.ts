// Security headers on every response, and a per-request nonce for the Content-Security-Policy that
// Next applies to its own scripts. This is not an access check: authorisation happens where data
// is written (lib/server/dal.ts and @stancemap/db).
import { type NextRequest, NextResponse } from "next/server";

/** Embeds may be framed by any site; everything else by none. */
const EMBEDDABLE = /^\/embed(\/|$)/;

export function contentSecurityPolicy(nonce: string, pathname: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React writes colours and positions as style attributes; no script can come through a style.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${EMBEDDABLE.test(pathname) ? "*" : "'none'"}`,
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const { pathname } = request.nextUrl;
  const csp = contentSecurityPolicy(nonce, pathname, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // The path, for layouts: the admin sends a signed-out visitor back here after sign-in; embeds drop the site chrome.
  requestHeaders.set("x-request-path", pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of securityHeaders(csp, pathname)) response.headers.set(name, value);
  return response;
}

/** The security headers of every response (also those the server entry answers itself, server.ts). */
export function securityHeaders(csp: string, pathname: string): [string, string][] {
  const headers: [string, string][] = [
    ["content-security-policy", csp],
    ["x-content-type-options", "nosniff"],
    ["referrer-policy", "strict-origin-when-cross-origin"],
    ["permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()"],
    ["cross-origin-opener-policy", "same-origin"],
  ];
  if (!EMBEDDABLE.test(pathname)) headers.push(["x-frame-options", "DENY"]);
  return headers;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
