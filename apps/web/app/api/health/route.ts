// The public health contract: 200 when the instance is ready (reads and writes work), 503 with the
// reasons when not; /api/health/live and /api/health/ready are the probes for orchestrators.
import { healthResponse, readiness } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const ready = await readiness();
  return healthResponse({ ...ready, status: ready.ready ? "ok" : "degraded", mode: ready.status }, ready.ready);
}
