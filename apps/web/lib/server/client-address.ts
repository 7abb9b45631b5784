// The client's address, for throttling sign-ins: the socket's peer, and X-Forwarded-For only as far as
// each hop was added by a configured trusted proxy (STANCEMAP_TRUSTED_PROXIES), read from the right.
// A client's own X-Forwarded-For is never believed, so rotating it buys no new guesses.
import "server-only";
import { BlockList, isIP } from "node:net";
import { env } from "./env";
import { PEER_ADDRESS_HEADER } from "./peer-address";

function blockList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

const trusted = blockList(env.STANCEMAP_TRUSTED_PROXIES);

/** `::ffff:10.0.0.1` is the IPv4 address 10.0.0.1; brackets and zone ids go. */
function normalise(address: string): string | null {
  const bare = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  const out = mapped ?? bare;
  return isIP(out) ? out.toLowerCase() : null;
}

const isTrusted = (address: string) => trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/** The client's address, or null when the server did not stamp the peer (then no per-address limit applies). */
export function clientAddress(headers: Headers): string | null {
  const peer = normalise(headers.get(PEER_ADDRESS_HEADER) ?? "");
  if (!peer) return null;
  if (!isTrusted(peer)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").filter((h) => h.trim());
  let current = peer;
  while (isTrusted(current)) {
    const next = hops.pop();
    if (next === undefined) return current;
    const address = normalise(next);
    // A hop a trusted proxy wrote that is no address: the last proxy is the best we know.
    if (!address) return current;
    current = address;
  }
  return current;
}
