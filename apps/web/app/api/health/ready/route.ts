// Readiness: send traffic here only when 200; 503 names what is wrong (database read, write, pool, event loop).
import { healthResponse, readiness } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const ready = await readiness();
  return healthResponse(ready, ready.ready);
}
