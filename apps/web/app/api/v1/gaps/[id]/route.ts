import { deleteRoute, updateRoute } from "@/lib/server/curation-routes";

export const dynamic = "force-dynamic";

export const PATCH = updateRoute("gap");
export const DELETE = deleteRoute("gap");
