import { DraftTitleBody } from "@stancemap/core";
import { getDb, getDraft, InvalidInput, renameDraft, withdrawDraft, zodIssues } from "@stancemap/db";
import { curationEndpoint, noStore, readJson } from "@/lib/server/write";

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

/** PATCH renames an open draft (its author, or a reviewer): `{ title, expectedVersion? }`. */
export const PATCH = (request: Request, { params }: Context) =>
  curationEndpoint(request, async (who) => {
    const body = DraftTitleBody.safeParse(await readJson(request));
    if (!body.success) throw new InvalidInput(zodIssues(body.error));
    const renamed = await renameDraft(getDb(), who, (await params).id, body.data.title, body.data.expectedVersion);
    return Response.json(renamed, { headers: noStore });
  });
