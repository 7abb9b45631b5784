import { CurationError, exportDataset, getDb } from "@stancemap/db";
import { principalFrom } from "@/lib/server/dal";
import { answering } from "@/lib/server/failure";
import { curationProblem } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/dataset: the whole published dataset in the shape the importer takes back.
 * `?drafts=true` applies open drafts on top (reviewers only).
 */
export function GET(request: Request) {
  return answering(request, () => datasetFile(request));
}

async function datasetFile(request: Request): Promise<Response> {
  const drafts = ["true", "1"].includes(new URL(request.url).searchParams.get("drafts") ?? "");
  try {
    const who = drafts ? await principalFrom(request.headers) : null;
    const dataset = await exportDataset(getDb(), who, { drafts });
    const date = new Date().toISOString().slice(0, 10);
    return Response.json(dataset, {
      headers: {
        "cache-control": "no-store",
        "content-disposition": `attachment; filename="stancemap-dataset-${drafts ? "with-drafts-" : ""}${date}.json"`,
      },
    });
  } catch (error) {
    if (error instanceof CurationError) return curationProblem(error, "/api/v1/dataset");
    throw error;
  }
}
