import { createUser, getDb, listUsers } from "@stancemap/db";
import { curationEndpoint, noStore, readJson } from "@/lib/server/write";

export const dynamic = "force-dynamic";

export const GET = (request: Request) =>
  curationEndpoint(request, async (who) => Response.json({ data: await listUsers(getDb(), who) }, { headers: noStore }));

export const POST = (request: Request) =>
  curationEndpoint(request, async (who) =>
    Response.json(await createUser(getDb(), who, await readJson(request)), { status: 201, headers: noStore }),
  );
