import { PublishBody } from "@stancemap/core";
import { getDb, InvalidInput, publishDraft, zodIssues } from "@stancemap/db";
import { curationEndpoint, noStore, readJson } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** Reviewers publish a pending draft: all its changes or none. */
export const POST = (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  curationEndpoint(request, async (who) => {
    const body = PublishBody.safeParse((await readJson(request)) ?? {});
    if (!body.success) throw new InvalidInput(zodIssues(body.error));
    return Response.json(await publishDraft(getDb(), who, (await params).id, body.data.comment, body.data.expectedVersion), {
      headers: noStore,
    });
  });
