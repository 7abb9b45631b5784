// Runs once when the server starts: stamps each request with its socket's address (lib/server/peer-address.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/server/peer-address")).stampPeerAddresses();
}
