import { getDb, storeSourceText } from "@stancemap/db";
import { curationEndpoint, noStore, readJson } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** Stores a source's text by content; the answer's `{ sha256, length }` goes into the source's `text`. */
export function POST(request: Request) {
  return curationEndpoint(request, async (who) =>
    Response.json(await storeSourceText(getDb(), who, await readJson(request)), { status: 201, headers: noStore }),
  );
}
