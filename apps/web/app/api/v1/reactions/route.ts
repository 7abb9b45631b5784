import { ReactionsQuery } from "@stancemap/core";
import { listReactions } from "@stancemap/db";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return readEndpoint(request, ReactionsQuery, (query, db) => listReactions(db, query));
}
