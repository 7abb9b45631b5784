import { ReturnBody } from "@stancemap/core";
import { getDb, InvalidInput, returnDraft, zodIssues } from "@stancemap/db";
import { curationEndpoint, readJson } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** Reviewers send a draft back to its author with a comment. */
export const POST = (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  curationEndpoint(request, async (who) => {
    const body = ReturnBody.safeParse(await readJson(request));
    if (!body.success) throw new InvalidInput(zodIssues(body.error));
    await returnDraft(getDb(), who, (await params).id, body.data.comment);
    return new Response(null, { status: 204 });
  });
