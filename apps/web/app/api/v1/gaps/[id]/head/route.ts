import { headRoute } from "@/lib/server/curation-routes";

export const dynamic = "force-dynamic";

export const GET = headRoute("gap");
