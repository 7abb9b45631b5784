import { ActorsQuery } from "@stancemap/core";
import { listActors, topicExists } from "@stancemap/db";
import { createRoute } from "@/lib/server/curation-routes";
import { ParameterError, readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = createRoute("actor");

export function GET(request: Request) {
  return readEndpoint(request, ActorsQuery, async (query, db) => {
    if (query.topic && !(await topicExists(db, query.topic))) throw new ParameterError("topic", `no topic "${query.topic}"`);
    return listActors(db, query);
  });
}
