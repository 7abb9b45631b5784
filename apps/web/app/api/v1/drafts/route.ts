import { getDb, InvalidInput, listDrafts } from "@stancemap/db";
import { z } from "zod";
import { curationEndpoint, noStore } from "@/lib/server/write";

export const dynamic = "force-dynamic";

const Status = z.enum(["pending", "returned", "published", "withdrawn"]);

/** GET /api/v1/drafts?status=pending,returned: the review queue (open drafts by default). */
export const GET = (request: Request) =>
  curationEndpoint(request, async (who) => {
    const raw = new URL(request.url).searchParams.get("status");
    const status = raw ? z.array(Status).safeParse(raw.split(",")) : null;
    if (status && !status.success)
      throw new InvalidInput([
        { field: "status", code: "invalid_value", message: "must be pending, returned, published or withdrawn, comma-separated" },
      ]);
    return Response.json({ data: await listDrafts(getDb(), who, { status: status?.data }) }, { headers: noStore });
  });
