import { getActor } from "@stancemap/db";
import { z } from "zod";
import { deleteRoute, updateRoute } from "@/lib/server/curation-routes";
import { readEndpoint } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const PATCH = updateRoute("actor");
export const DELETE = deleteRoute("actor");

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  return readEndpoint(request, z.object({}), (_query, db) => getActor(db, slug));
}
