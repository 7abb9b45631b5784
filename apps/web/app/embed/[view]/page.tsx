// An embeddable chart for a web article: a published view (map, network, timeline or an actor's stance
// history), drawn by the export renderer as an image that scales to its frame, with minimal chrome and a
// link back. Only /embed may be framed (proxy.ts).
import { ExportQuery } from "@stancemap/core";
import { RevisionUnavailable } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedHeight } from "@/components/export/EmbedHeight";
import { EXPORT_VIEWS, type ExportView, VIEW_NAMES } from "@/lib/export/views";
import { ExportNotFound, loadExportModel } from "@/lib/server/export";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Embedded chart", robots: { index: false } };

type Props = {
  params: Promise<{ view: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The parameters an embed passes on to the picture: the view's state, the theme and the texts. */
const PASSED = [
  "topic",
  "date",
  "region",
  "kind",
  "sent",
  "nkind",
  "cat",
  "actor",
  "revision",
  "theme",
  "title",
  "subtitle",
  "notes",
] as const;

export default async function EmbedPage({ params, searchParams }: Props) {
  const { view } = (await params) as { view: ExportView };
  if (!EXPORT_VIEWS.includes(view)) notFound();
  const raw = await searchParams;
  const passed: Record<string, string> = {};
  for (const key of PASSED) {
    const value = raw[key];
    if (typeof value === "string" && value) passed[key] = value;
  }
  const parsed = ExportQuery.safeParse(passed);
  if (!parsed.success || (view === "actor" && !parsed.data.actor)) notFound();
  let model: Awaited<ReturnType<typeof loadExportModel>>["model"];
  try {
    ({ model } = await loadExportModel(view, parsed.data));
  } catch (e) {
    if (e instanceof ExportNotFound || e instanceof RevisionUnavailable) notFound();
    throw e;
  }
  const query = new URLSearchParams(passed);
  const alt = `${parsed.data.title || model.defaults.title}: ${VIEW_NAMES[view]}. ${model.defaults.subtitle} The same data is on Stancemap.`;
  return (
    <div className="embed">
      {model.tooLarge ? (
        <p className="embed-too-large">Too large to draw here: {model.tooLarge.message}</p>
      ) : (
        // biome-ignore lint/performance/noImgElement: the export API's SVG, scaled to the frame; no image optimisation applies
        <img className="embed-chart" src={`/api/v1/export/${view}.svg?${query}`} alt={alt} width={1200} height={675} />
      )}
      <p className="embed-credit">
        <a href={model.path} target="_blank" rel="noopener">
          Explore on Stancemap
        </a>
      </p>
      <EmbedHeight />
    </div>
  );
}
