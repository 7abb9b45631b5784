// Liveness: the process answers HTTP. Touches no database, so a database fault never gets a live instance restarted.
import { APP_VERSION } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(
    { status: "live", uptimeSeconds: Math.round(process.uptime()), version: APP_VERSION },
    { headers: { "cache-control": "no-store" } },
  );
}
