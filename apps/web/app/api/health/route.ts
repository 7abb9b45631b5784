// The public health contract: 200 when the database serves reads and writes, 503 with the reasons
// when not (the event loop's delay is reported, not judged, here); /api/health/live and
// /api/health/ready are the probes for orchestrators.
import { healthResponse, readiness } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const ready = await readiness({ eventLoop: false });
  return healthResponse({ ...ready, status: ready.ready ? "ok" : "degraded", mode: ready.status }, ready.ready);
}
