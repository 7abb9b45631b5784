import { deleteRoute, updateRoute } from "@/lib/server/curation-routes";

export const dynamic = "force-dynamic";

export const PATCH = updateRoute("reaction");
export const DELETE = deleteRoute("reaction");
