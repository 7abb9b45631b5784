import { listTopics } from "@stancemap/db";
import { z } from "zod";
import { createRoute } from "@/lib/server/curation-routes";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = createRoute("topic");

export function GET(request: Request) {
  return readEndpoint(request, z.object({}), (_query, db) => listTopics(db));
}
