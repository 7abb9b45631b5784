// GET /data/world/{hash}.svg: the world's outlines, one `<path id>` per country (charts' worldSprite),
// which the dashboard's map draws with `<use>`. Named by the hash of its content, so an address never
// changes meaning: cached for a year, immutable; anything else is not found, named in the answer.
import { answering } from "@/lib/server/failure";
import { etagMatches, problem } from "@/lib/server/http";
import { worldSpriteFile } from "@/lib/server/map-geometry";

export const dynamic = "force-dynamic";

export function GET(request: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  return answering(request, async () => {
    const url = new URL(request.url);
    const { file } = await ctx.params;
    const sprite = worldSpriteFile();
    if (file !== `${sprite.hash}.svg`) {
      // Named as sent, cut short: the name is the caller's text, not ours to echo at any length.
      const shown = file.length > 80 ? `${file.slice(0, 80)}…` : file;
      return problem(404, "Not found", `No world shapes named “${shown}”; this server's are ${sprite.hash}.svg.`, undefined, url.pathname);
    }
    const headers = {
      "content-type": "image/svg+xml; charset=utf-8",
      etag: sprite.etag,
      "cache-control": "public, max-age=31536000, immutable",
    };
    if (etagMatches(request.headers.get("if-none-match"), sprite.etag)) return new Response(null, { status: 304, headers });
    return new Response(sprite.svg, { headers });
  });
}
