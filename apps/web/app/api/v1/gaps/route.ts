import { createRoute } from "@/lib/server/curation-routes";

export const dynamic = "force-dynamic";

export const POST = createRoute("gap");
