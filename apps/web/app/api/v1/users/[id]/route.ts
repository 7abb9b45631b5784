import { getDb, updateUser } from "@stancemap/db";
import { curationEndpoint, noStore, readJson } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** PATCH {role?, disabled?}: admins change a user's role or disable them (their sessions end). */
export const PATCH = (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  curationEndpoint(request, async (who) =>
    Response.json(await updateUser(getDb(), who, (await params).id, await readJson(request)), { headers: noStore }),
  );
