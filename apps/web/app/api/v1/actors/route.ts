import { ActorsQuery } from "@stancemap/core";
import { listActors } from "@stancemap/db";
import { createRoute } from "@/lib/server/curation-routes";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = createRoute("actor");

export function GET(request: Request) {
  return readEndpoint(request, ActorsQuery, (query, db) => listActors(db, query));
}
