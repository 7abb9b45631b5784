// Who a request comes from, for per-client limits: the address that connected, or, when that is one of
// the configured reverse proxies (STANCEMAP_TRUSTED_PROXIES), the nearest address the proxies vouch for.
// The server puts the socket's address in `X-Forwarded-For` when the request has none; a proxy appends
// the address it saw, so the list is read from the right and trusted entries are skipped.
import "server-only";
import { env } from "./env";

const normalise = (address: string) =>
  address
    .trim()
    .replace(/^::ffff:(?=\d+\.)/, "")
    .toLowerCase();

export function clientAddress(request: Request, trusted: readonly string[] = env.STANCEMAP_TRUSTED_PROXIES): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "").split(",").map(normalise).filter(Boolean);
  const proxies = new Set(trusted.map(normalise));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? "";
    if (!proxies.has(hop) || i === 0) return hop.slice(0, 64);
  }
  return "unknown";
}
