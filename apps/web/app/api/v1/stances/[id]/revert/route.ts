import { revertRoute } from "@/lib/server/curation-routes";

export const dynamic = "force-dynamic";

export const POST = revertRoute("stance");
