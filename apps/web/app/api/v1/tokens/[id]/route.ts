import { getDb, revokeToken } from "@stancemap/db";
import { curationEndpoint } from "@/lib/server/write";

export const dynamic = "force-dynamic";

export const DELETE = (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  curationEndpoint(request, async (who) => {
    await revokeToken(getDb(), who, (await params).id);
    return new Response(null, { status: 204 });
  });
