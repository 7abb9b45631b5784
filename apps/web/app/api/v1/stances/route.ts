import { StancesQuery } from "@stancemap/core";
import { listStances, stancesAsOf, topicExists } from "@stancemap/db";
import { createRoute } from "@/lib/server/curation-routes";
import { ParameterError, readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = createRoute("stance");

export function GET(request: Request) {
  return readEndpoint(request, StancesQuery, async (query, db) => {
    const unknownTopic = () => new ParameterError("topic", `no topic "${query.topic}"`);
    if (query.at && query.topic)
      return (await stancesAsOf(db, { ...query, topic: query.topic, at: query.at })) ?? Promise.reject(unknownTopic());
    if (query.topic && !(await topicExists(db, query.topic))) throw unknownTopic();
    return listStances(db, query);
  });
}
