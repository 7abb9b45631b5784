// GET /api/v1/export/map.{svg|png|pdf}?topic=&date=&theme=&preset=&width=&height=&scale=&title=&subtitle=&notes=
// The published map as a publication-ready file, from the renderer the dashboard uses. Cached by
// state and dataset revision (ETag). The network, timeline and actor exports are still to come.
import { createHash } from "node:crypto";
import { ExportQuery } from "@stancemap/core";
import { datasetRevision, getDb } from "@stancemap/db";
import { EXPORT_FORMATS, type ExportFormat, renderMapExport, svgToPdf, svgToPng } from "@/lib/server/export";
import { problem } from "@/lib/server/http";
import { publicOrigin } from "@/lib/server/origins";

export const dynamic = "force-dynamic";

const TYPES: Record<ExportFormat, string> = { svg: "image/svg+xml", png: "image/png", pdf: "application/pdf" };

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const url = new URL(request.url);
  const { file } = await params;
  const [view, format] = file.split(".") as [string, ExportFormat | undefined];
  if (view !== "map" || !format || !EXPORT_FORMATS.includes(format))
    return problem(404, "Not found", `No export "${file}"; available: map.svg, map.png, map.pdf.`, undefined, url.pathname);
  const parsed = ExportQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ parameter: String(i.path[0] ?? "query"), message: i.message, code: i.code }));
    return problem(
      400,
      "Invalid query parameter",
      `Invalid value for ${[...new Set(errors.map((e) => e.parameter))].join(", ")}.`,
      errors,
      url.pathname + url.search,
    );
  }
  const revision = await datasetRevision(getDb());
  const etag = `W/"r${revision}-${createHash("sha1")
    .update(url.pathname + url.search)
    .digest("base64url")
    .slice(0, 16)}"`;
  const headers = { etag, "cache-control": "public, max-age=0, must-revalidate", "x-dataset-revision": String(revision) };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const q = parsed.data;
  const rendered = await renderMapExport(q, publicOrigin(request));
  const body =
    format === "svg"
      ? rendered.svg
      : format === "png"
        ? await svgToPng(rendered.svg, q.width, q.scale)
        : await svgToPdf(rendered.svg, q.width, q.height, q.title ?? rendered.filename);
  const name = `${rendered.filename}${format === "png" && q.scale !== 1 ? `@${q.scale}x` : ""}.${format}`;
  return new Response(body as BodyInit, {
    headers: { ...headers, "content-type": TYPES[format], "content-disposition": `inline; filename="${name}"` },
  });
}
