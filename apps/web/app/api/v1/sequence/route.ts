// GET /api/v1/sequence?topic=[&reference=actor@YYYY-MM-DD][&revision=]: who followed whom on a topic:
// every actor's moves against a reference move, the lag of each actor's first fact after it, and the
// reactions to it. Stances known only from their attestation are listed as such, never as moves.
import { SequenceQuery } from "@stancemap/core";
import { topicSequence, UnknownReference, withPublishedAt } from "@stancemap/db";
import { ParameterError, readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return readEndpoint(request, SequenceQuery, async (query, db) => {
    const q = { topic: query.topic, reference: query.reference };
    try {
      const found = query.revision
        ? await withPublishedAt(db, query.revision, (pinned) => topicSequence(pinned, q))
        : await topicSequence(db, q);
      // null: no such topic (404).
      return found;
    } catch (e) {
      if (e instanceof UnknownReference) throw new ParameterError("reference", e.message);
      throw e;
    }
  });
}
