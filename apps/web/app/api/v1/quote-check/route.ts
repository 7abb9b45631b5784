import { checkQuoteAgainstSource, getDb } from "@stancemap/db";
import { curationEndpoint, noStore, readJson } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** Whether a quote is in its source's stored text, and where: the admin form asks as the editor types. */
export function POST(request: Request) {
  return curationEndpoint(request, async (who) =>
    Response.json(await checkQuoteAgainstSource(getDb(), who, await readJson(request)), { headers: noStore }),
  );
}
