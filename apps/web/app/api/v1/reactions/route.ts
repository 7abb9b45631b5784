import { ReactionsQuery } from "@stancemap/core";
import { listReactions } from "@stancemap/db";
import { createRoute } from "@/lib/server/curation-routes";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = createRoute("reaction");

export function GET(request: Request) {
  return readEndpoint(request, ReactionsQuery, (query, db) => listReactions(db, query));
}
