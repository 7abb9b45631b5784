import { getDb, getDraft, withdrawDraft } from "@stancemap/db";
import { curationEndpoint, noStore } from "@/lib/server/write";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = (request: Request, { params }: Context) =>
  curationEndpoint(request, async (who) => Response.json(await getDraft(getDb(), who, (await params).id), { headers: noStore }));

/** DELETE withdraws the draft: its changes stop being proposed; nothing is published. */
export const DELETE = (request: Request, { params }: Context) =>
  curationEndpoint(request, async (who) => {
    await withdrawDraft(getDb(), who, (await params).id);
    return new Response(null, { status: 204 });
  });
