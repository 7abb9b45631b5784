// The origins this site is served from, for the cross-site checks of the write API, server actions and
// sign-in: the request's own URL, the Host the browser addressed (Next may report `localhost` in
// request.url when the server listens on 127.0.0.1), and the configured public URL. Links printed on
// exports use the configured public URL, else the server's own socket origin: never a client's Host.
import "server-only";
import { env } from "./env";
import { LOCAL_ORIGIN_HEADER } from "./peer-address";

export { foreignOriginRefusal, ownOrigins } from "./same-origin";

const configured = env.STANCEMAP_PUBLIC_URL ? new URL(env.STANCEMAP_PUBLIC_URL).origin : null;

/** The server's own origin from the socket it was reached on (lib/server/peer-address.ts), else localhost. */
function serverOrigin(headers: Headers): string {
  const stamped = headers.get(LOCAL_ORIGIN_HEADER);
  return stamped && /^https?:\/\/[\w.:[\]-]+$/.test(stamped) ? stamped : `http://localhost:${process.env.PORT ?? "3000"}`;
}

/** The origin to print in links (permalinks on exports): the public URL, else the server's own. Never
 * the Host or X-Forwarded-Host a client sent, so a cached export cannot carry someone else's link. */
export function publicOrigin(request: Request): string {
  return configured ?? serverOrigin(request.headers);
}

/** `publicOrigin` for a page being rendered: handed to the export dialog so that the permalink it
 * prints is the one the export API prints. */
export async function pageOrigin(): Promise<string> {
  if (configured) return configured;
  const { headers } = await import("next/headers");
  return serverOrigin(await headers());
}
