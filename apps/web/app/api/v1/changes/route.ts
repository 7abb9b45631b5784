// GET /api/v1/changes?topic=&from=&to=[&revision=]: who moved between two dates on a topic, along its
// ordered scale, with the evidence of each change. Attested-only stances (start not stated) are never
// changes: they are listed apart, in `notChanges`.
import { movementLabel } from "@stancemap/charts";
import { ChangesQuery } from "@stancemap/core";
import { topicChanges, withPublishedAt } from "@stancemap/db";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return readEndpoint(request, ChangesQuery, async (query, db) => {
    const q = { topic: query.topic, from: query.from, to: query.to };
    const found = query.revision
      ? await withPublishedAt(db, query.revision, (pinned) => topicChanges(pinned, q, movementLabel))
      : await topicChanges(db, q, movementLabel);
    // null: no such topic (404).
    return found;
  });
}
