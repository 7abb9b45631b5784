import { listTopics } from "@stancemap/db";
import { z } from "zod";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return readEndpoint(request, z.object({}), (_query, db) => listTopics(db));
}
