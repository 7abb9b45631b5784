import { ActorQuery } from "@stancemap/core";
import { getActor, withPublishedAt } from "@stancemap/db";
import { deleteRoute, updateRoute } from "@/lib/server/curation-routes";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const PATCH = updateRoute("actor");
export const DELETE = deleteRoute("actor");

/** One actor's record; `?revision=N` reads it as published in revision N (what a pinned page shows). */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  return readEndpoint(request, ActorQuery, (query, db) =>
    query.revision ? withPublishedAt(db, query.revision, (pinned) => getActor(pinned, slug)) : getActor(db, slug),
  );
}
