import { ImportQuery } from "@stancemap/core";
import { getDb, InvalidInput, importRecords, readImportInput, zodIssues } from "@stancemap/db";
import { curationEndpoint, noStore } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/import?format=json|csv&type=…&dryRun=true|false&publish=false: checks every row and
 * reports it (created, updated, unchanged, rejected with all its problems). Without dryRun=false nothing
 * is written; with it, all rows go into one draft, or none do.
 */
export const POST = (request: Request) =>
  curationEndpoint(request, async (who) => {
    const q = ImportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) throw new InvalidInput(zodIssues(q.error));
    const read = await readImportInput({
      field: "body",
      // The body as read is measured too: a chunked upload has no Content-Length.
      size: Number(request.headers.get("content-length") ?? 0),
      read: () => request.text(),
      format: q.data.format,
      type: q.data.type,
    });
    if (!read.ok) throw read.error;
    const result = await importRecords(getDb(), who, read.input, { dryRun: q.data.dryRun, publish: q.data.publish });
    return Response.json(result, { status: result.counts.rejected > 0 && !q.data.dryRun ? 422 : 200, headers: noStore });
  });
