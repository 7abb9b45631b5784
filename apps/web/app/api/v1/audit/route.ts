import { AuditQuery } from "@stancemap/core";
import { auditLog, getDb, InvalidInput, zodIssues } from "@stancemap/db";
import { curationEndpoint, noStore } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit?user=&type=&action=&from=&to=&cursor=: every recorded change, newest first. */
export const GET = (request: Request) =>
  curationEndpoint(request, async (who) => {
    const q = AuditQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) throw new InvalidInput(zodIssues(q.error));
    return Response.json(await auditLog(getDb(), who, q.data), { headers: noStore });
  });
