import { datasetRevision, getDb } from "@stancemap/db";
import { APP_VERSION } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = getDb();
  try {
    const revision = await datasetRevision(db);
    return Response.json(
      { status: "ok", database: { provider: db.provider, ok: true, revision }, version: APP_VERSION },
      { headers: { "cache-control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "degraded", database: { provider: db.provider, ok: false, revision: 0 }, version: APP_VERSION },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
