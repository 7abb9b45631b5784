// Route handlers see a Web Request, not the socket: every request gets its socket's peer address and
// the server's own origin stamped in headers before Next reads it (replacing any a client sent), through Node's official
// `http.server.request.start` diagnostics channel, so it holds for `next start` and any custom server.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_ADDRESS_HEADER = "x-stancemap-peer-address";
/** The origin this server was reached at on its own socket (its address and port, not the Host a client wrote). */
export const LOCAL_ORIGIN_HEADER = "x-stancemap-local-origin";

function localOrigin(socket: Socket): string {
  const raw = (socket.localAddress ?? "127.0.0.1").replace(/^::ffff:(?=\d+\.)/i, "");
  const host = raw.includes(":") ? `[${raw}]` : raw;
  const secure = "encrypted" in socket && socket.encrypted === true;
  return `${secure ? "https" : "http"}://${host}:${socket.localPort ?? (secure ? 443 : 80)}`;
}

let installed = false;

export function stampPeerAddresses(): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
    request.headers[LOCAL_ORIGIN_HEADER] = localOrigin(socket);
  });
}
