import { openApiDocument } from "@/lib/server/openapi";

// Made at request time, not build time: `servers` names the public origin the server is started with.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
