import { NewToken } from "@stancemap/core";
import { createToken, getDb, InvalidInput, zodIssues } from "@stancemap/db";
import { curationEndpoint, noStore, readJson } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** POST {name}: an admin creates an API token for the user; the token is in this response only. */
export const POST = (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  curationEndpoint(request, async (who) => {
    const body = NewToken.safeParse(await readJson(request));
    if (!body.success) throw new InvalidInput(zodIssues(body.error));
    return Response.json(await createToken(getDb(), who, (await params).id, body.data.name), { status: 201, headers: noStore });
  });
