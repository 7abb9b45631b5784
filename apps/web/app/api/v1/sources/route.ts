import { PageQuery } from "@stancemap/core";
import { listSources } from "@stancemap/db";
import { createRoute } from "@/lib/server/curation-routes";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = createRoute("source");

export function GET(request: Request) {
  return readEndpoint(request, PageQuery, (query, db) => listSources(db, query));
}
