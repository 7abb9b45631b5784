import { PageQuery } from "@stancemap/core";
import { listSources } from "@stancemap/db";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return readEndpoint(request, PageQuery, (query, db) => listSources(db, query));
}
