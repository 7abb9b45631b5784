import { getDb, readImportProgress } from "@stancemap/db";
import { curationEndpoint, noStore } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/import/progress?job=…: how far one of the caller's running imports is (rows checked of
 * all, then writing), for the admin form's progress bar; 404 once it has finished. The job id is the
 * `job` field the form sent with the import.
 */
export const GET = (request: Request) =>
  curationEndpoint(request, async (who) =>
    Response.json(await readImportProgress(getDb(), who, new URL(request.url).searchParams.get("job") ?? ""), { headers: noStore }),
  );
