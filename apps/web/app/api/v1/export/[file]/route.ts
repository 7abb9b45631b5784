// GET /api/v1/export/{map|network|timeline|actor|change|sequence}.{svg|png|pdf|zip}?<the dashboard's state>&theme=&text=&preset=&width=&height=&scale=&dpi=&title=&subtitle=&notes=
// A published view as a publication-ready file, from the renderer the dashboard's export dialog uses,
// or the data it shows as a ZIP. Cached by request and dataset revision, with ETags. Uncached files are
// bounded (render queue and memory: 503) and limited per client (429), both with Retry-After.
import { createHash } from "node:crypto";
import { ExportQuery } from "@stancemap/core";
import { datasetRevision, getDb, RevisionUnavailable, revisionInfo } from "@stancemap/db";
import { EXPORT_FILES, EXPORT_FORMATS, EXPORT_VIEWS, type ExportFormat, type ExportView } from "@/lib/export/views";
import { clientAddress } from "@/lib/server/client-address";
import { todayIso } from "@/lib/server/dashboard";
import { cachedExport, ExportNotFound, exportCacheKey } from "@/lib/server/export";
import { answering } from "@/lib/server/failure";
import { etagMatches, invalidQuery, ParameterError, parameterProblem, problem } from "@/lib/server/http";
import { publicOrigin } from "@/lib/server/origins";
import { ExportRefused } from "@/lib/server/render-pool";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

export function GET(request: Request, context: Context) {
  return answering(request, () => exportFile(request, context));
}

async function exportFile(request: Request, { params }: Context): Promise<Response> {
  const url = new URL(request.url);
  const { file } = await params;
  const [view, format, extra] = file.split(".") as [ExportView, ExportFormat | undefined, string | undefined];
  if (extra !== undefined || !EXPORT_VIEWS.includes(view) || !format || !EXPORT_FORMATS.includes(format))
    return problem(404, "Not found", `No export "${file}"; available: ${EXPORT_FILES.join(", ")}.`, undefined, url.pathname);
  const parsed = ExportQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return invalidQuery(url, parsed.error.issues);
  if (view === "actor" && !parsed.data.actor)
    return parameterProblem(url, new ParameterError("actor", "the actor export needs an actor (its slug)"));
  if (view === "change" && !parsed.data.from)
    return parameterProblem(url, new ParameterError("from", "the change export needs `from`, the first of the two dates (YYYY-MM-DD)"));
  if (view === "change" && parsed.data.from && parsed.data.date && parsed.data.from > parsed.data.date)
    return parameterProblem(url, new ParameterError("from", "must not be after `date`"));
  // No date is today's: named in the key and ETag, so that after midnight the file is made anew rather
  // than yesterday's served under the same key.
  const q = { ...parsed.data, date: parsed.data.date ?? todayIso() };
  const origin = publicOrigin(request);
  // A pinned revision never changes: its files are cached and tagged by it, not by the current one.
  let revision: number;
  try {
    revision = q.revision ? (await revisionInfo(getDb(), q.revision)).revision : await datasetRevision(getDb());
  } catch (e) {
    if (e instanceof RevisionUnavailable)
      return problem(e.status, e.status === 404 ? "Not found" : "Invalid query parameter", e.message, e.issues, url.pathname + url.search);
    throw e;
  }
  const key = exportCacheKey(revision, file, q, origin);
  const headers = taggedBy(revision, key);
  if (etagMatches(request.headers.get("if-none-match"), headers.etag)) return new Response(null, { status: 304, headers });
  try {
    const { file: made, cached } = await cachedExport(key, {
      view,
      format,
      q,
      origin,
      client: clientAddress(request.headers) ?? "unknown",
    });
    // A publish between the revision read above and the export's own read: the file draws the newer one.
    return new Response(made.body as BodyInit, {
      headers: {
        ...(made.revision === revision ? headers : taggedBy(made.revision, exportCacheKey(made.revision, file, q, origin))),
        "x-export-cache": cached ? "hit" : "miss",
        "content-type": made.type,
        "content-disposition": `${format === "zip" ? "attachment" : "inline"}; filename="${made.filename}"`,
      },
    });
  } catch (e) {
    if (e instanceof ExportNotFound) return problem(404, "Not found", e.message, undefined, url.pathname + url.search);
    // A pinned revision whose history is gone meanwhile, or that could not be rebuilt.
    if (e instanceof RevisionUnavailable)
      return problem(e.status, e.status === 404 ? "Not found" : "Invalid query parameter", e.message, e.issues, url.pathname + url.search);
    if (e instanceof ParameterError) return parameterProblem(url, e);
    if (e instanceof ExportRefused) {
      const refused = problem(e.status, e.status === 429 ? "Too many requests" : "Service unavailable", e.message, undefined, url.pathname);
      refused.headers.set("retry-after", String(e.retryAfter));
      return refused;
    }
    throw e;
  }
}

/** The validators of a file drawn from `revision` under its cache key: the ETag, and the revision named. */
function taggedBy(revision: number, key: string) {
  const etag = `W/"r${revision}-${createHash("sha1").update(key).digest("base64url").slice(0, 20)}"`;
  return { etag, "cache-control": "public, max-age=0, must-revalidate", "x-dataset-revision": String(revision) };
}
