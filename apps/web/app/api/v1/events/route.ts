import { EventsQuery } from "@stancemap/core";
import { listEvents } from "@stancemap/db";
import { createRoute } from "@/lib/server/curation-routes";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = createRoute("event");

export function GET(request: Request) {
  return readEndpoint(request, EventsQuery, (query, db) => listEvents(db, query));
}
