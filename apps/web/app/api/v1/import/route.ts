import { ImportQuery } from "@stancemap/core";
import { getDb, InvalidInput, importInputFromCsv, importInputFromJson, importRecords, zodIssues } from "@stancemap/db";
import { curationEndpoint, noStore } from "@/lib/server/write";

export const dynamic = "force-dynamic";

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * POST /api/v1/import?format=json|csv&type=…&dryRun=true|false&publish=false: checks every row and
 * reports it (created, updated, unchanged, rejected with the reason). Without dryRun=false nothing is
 * written; with it, all rows go into one draft, or none do.
 */
export const POST = (request: Request) =>
  curationEndpoint(request, async (who) => {
    const q = ImportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) throw new InvalidInput(zodIssues(q.error));
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES)
      throw new InvalidInput([{ field: "body", code: "too_big", message: "is larger than 10 MB; split the file" }]);
    // The body as read, not the header: a chunked upload has no Content-Length.
    const text = await request.text();
    if (Buffer.byteLength(text) > MAX_BYTES)
      throw new InvalidInput([{ field: "body", code: "too_big", message: "is larger than 10 MB; split the file" }]);
    let input: ReturnType<typeof importInputFromJson>;
    if (q.data.format === "csv") {
      if (!q.data.type)
        throw new InvalidInput([{ field: "type", code: "required", message: "is required for CSV: the kind of record each row is" }]);
      input = importInputFromCsv(text, q.data.type);
    } else {
      let body: unknown;
      try {
        body = text.trim() ? JSON.parse(text) : undefined;
      } catch {
        throw new InvalidInput([{ field: "body", code: "invalid_json", message: "is not valid JSON" }], "the body is not valid JSON");
      }
      input = importInputFromJson(body);
    }
    const result = await importRecords(getDb(), who, input, { dryRun: q.data.dryRun, publish: q.data.publish });
    return Response.json(result, { status: result.counts.rejected > 0 && !q.data.dryRun ? 422 : 200, headers: noStore });
  });
