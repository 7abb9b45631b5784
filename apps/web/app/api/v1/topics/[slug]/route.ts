import { deleteRoute, updateRoute } from "@/lib/server/curation-routes";

export const dynamic = "force-dynamic";

export const PATCH = updateRoute("topic");
export const DELETE = deleteRoute("topic");
