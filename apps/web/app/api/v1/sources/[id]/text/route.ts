import { getDb, sourceTextFor } from "@stancemap/db";
import { curationEndpoint } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** The stored text a source's quotes are checked against (its open draft's, else the published one), for curators. */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return curationEndpoint(request, async (who) => {
    const { id } = await context.params;
    const { ref, text } = await sourceTextFor(getDb(), who, id);
    return new Response(text, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "private, no-store",
        "x-content-sha256": ref.sha256,
        "x-content-type-options": "nosniff",
      },
    });
  });
}
