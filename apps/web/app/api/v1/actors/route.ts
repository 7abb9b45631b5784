import { ActorsQuery } from "@stancemap/core";
import { listActors } from "@stancemap/db";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return readEndpoint(request, ActorsQuery, (query, db) => listActors(db, query));
}
