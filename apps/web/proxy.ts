// Security headers on every response, and a per-request nonce for the Content-Security-Policy that
// Next applies to its own scripts. This is not an access check: authorisation happens where data
// is written (lib/server/dal.ts and @stancemap/db).
import { type NextRequest, NextResponse } from "next/server";
import { env } from "./lib/server/env";
import { foreignOriginRefusal } from "./lib/server/same-origin";

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

/** Browsers keep to HTTPS for a year once the site is served over it (only when the public URL is https). */
const HSTS = env.STANCEMAP_PUBLIC_URL?.startsWith("https:") ? "max-age=31536000; includeSubDomains" : null;

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
  if (HSTS) headers.push(["strict-transport-security", HSTS]);
  return headers;
}

function secure(response: NextResponse, csp: string, pathname: string): NextResponse {
  for (const [name, value] of securityHeaders(csp, pathname)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const { pathname } = request.nextUrl;
  const csp = contentSecurityPolicy(nonce, pathname, process.env.NODE_ENV === "development");
  // Server actions (any write to a page, with or without JavaScript) follow the write API's rule
  // (lib/server/dal.ts), and are refused here with a 403 before Next runs them; /api checks its own.
  const refusal = pathname.startsWith("/api/") ? null : foreignOriginRefusal(request);
  if (refusal) {
    const problem = { type: "about:blank", title: "Forbidden", status: 403, detail: refusal };
    const refused = NextResponse.json(problem, {
      status: 403,
      headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
    });
    return secure(refused, csp, pathname);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // The path, for layouts: the admin sends a signed-out visitor back here after sign-in; embeds drop the site chrome.
  requestHeaders.set("x-request-path", pathname + request.nextUrl.search);
  return secure(NextResponse.next({ request: { headers: requestHeaders } }), csp, pathname);
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
