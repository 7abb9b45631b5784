// GET /data/stance-index/{topic}?revision=N: the dashboard's stance index (lib/stance-index.ts) of one
// topic at one revision. With a revision the answer never changes (immutable, a year); without, the
// current revision's, revalidated by an ETag naming the revision.
import { RevisionUnavailable } from "@stancemap/db";
import { answering } from "@/lib/server/failure";
import { etagMatches, problem } from "@/lib/server/http";
import { NoSuchTopic, stanceIndexJson } from "@/lib/server/stance-index";

export const dynamic = "force-dynamic";

export function GET(request: Request, ctx: { params: Promise<{ topic: string }> }): Promise<Response> {
  return answering(request, async () => {
    const url = new URL(request.url);
    const { topic } = await ctx.params;
    const asked = url.searchParams.get("revision");
    const unknown = [...url.searchParams.keys()].filter((k) => k !== "revision");
    if (unknown.length > 0 || (asked !== null && !/^\d{1,9}$/.test(asked)))
      return problem(400, "Invalid query parameter", "Only `revision`, a whole number, is a parameter here.", [
        ...unknown.map((field) => ({ field, code: "unrecognized_keys", message: "not a parameter of this endpoint" })),
        ...(asked !== null && !/^\d{1,9}$/.test(asked)
          ? [{ field: "revision", code: "invalid_format", message: "Not a whole number." }]
          : []),
      ]);
    try {
      const { revision, json } = await stanceIndexJson(topic, asked === null ? null : Number(asked));
      const etag = `W/"stance-index-${encodeURIComponent(topic)}-r${revision}"`;
      const headers = {
        "content-type": "application/json",
        etag,
        "x-dataset-revision": String(revision),
        "cache-control": asked === null ? "public, max-age=0, must-revalidate" : "public, max-age=31536000, immutable",
      };
      if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
      return new Response(json, { headers });
    } catch (error) {
      if (error instanceof NoSuchTopic) return problem(404, "Not found", `No topic “${topic}”.`, undefined, url.pathname);
      if (error instanceof RevisionUnavailable) {
        const title = error.status === 404 ? "Not found" : "Invalid query parameter";
        return problem(error.status, title, error.message, error.issues, url.pathname + url.search);
      }
      throw error;
    }
  });
}
