// An embeddable chart for a web article. The live chart by default: the dashboard's own map (tooltips,
// zoom, time slider), network (hover) or timeline, its page chrome stripped, from the same URL state as
// the dashboard. `static=1` (and the actor's stance history) gives the export renderer's picture instead.
// Either way the chart's accessible name is its alt text. Only /embed may be framed (proxy.ts).
import { ExportQuery } from "@stancemap/core";
import { RevisionUnavailable } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedHeight } from "@/components/export/EmbedHeight";
import { EmbedLive } from "@/components/export/EmbedLive";
import { altTextOf } from "@/lib/export/alt-text";
import { EXPORT_VIEWS, type ExportView, exportModel } from "@/lib/export/views";
import { loadDashboard, todayIso } from "@/lib/server/dashboard";
import { mapGeometry, mapLayout } from "@/lib/server/map-geometry";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Embedded chart", robots: { index: false } };

type Props = {
  params: Promise<{ view: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The parameters an embed passes on: the view's state, the theme and the texts (for the picture). */
const PASSED = [
  "topic",
  "date",
  "region",
  "kind",
  "sent",
  "nkind",
  "cat",
  "actor",
  "from",
  "reference",
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
  if (!parsed.success || (view === "actor" && !parsed.data.actor) || (view === "change" && !parsed.data.from)) notFound();
  const q = parsed.data;
  // The actor's history, the change and the sequence have no live chart to frame: their picture.
  if (view === "actor" || view === "change" || view === "sequence" || raw.static === "1")
    return <EmbedPicture view={view} q={q} passed={passed} />;

  const { data, state } = await loadPinned({ ...passed, view: view === "network" ? "network" : "map" });
  if (q.topic && data.topic.slug !== q.topic) notFound();
  const geometry = mapLayout(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
  const defaults = { topic: data.topics[0]?.slug ?? state.topic, date: todayIso(), view: "map" as const };
  const model = exportModel(view, data, { ...q, topic: data.topic.slug, date: state.date }, view === "map" ? geometry : undefined);
  return (
    <EmbedLive
      view={view}
      data={data}
      geometry={geometry}
      defaults={defaults}
      alt={altTextOf(model, data, { ...q, topic: data.topic.slug, date: state.date })}
      link={model.path}
    />
  );
}

/** The export renderer's SVG as an image that scales to the frame: the picture a desk prints. */
async function EmbedPicture({ view, q, passed }: { view: ExportView; q: ExportQuery; passed: Record<string, string> }) {
  const { data, state } = await loadPinned({ ...passed, view: view === "network" || view === "sequence" ? "network" : "map" });
  if (q.topic && data.topic.slug !== q.topic) notFound();
  if ((view === "actor" || (view === "timeline" && q.actor)) && !data.actors.some((a) => a.slug === q.actor)) notFound();
  if (view === "change" && q.from && q.from > state.date) notFound();
  const s = { ...q, topic: data.topic.slug, date: state.date };
  const geometry =
    view === "map" || view === "change"
      ? mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])))
      : undefined;
  const model = exportModel(view, data, s, geometry);
  if (model.invalid) notFound();
  const query = new URLSearchParams(passed);
  const alt = altTextOf(model, data, s);
  return (
    <div className="embed">
      {model.tooLarge ? (
        <p className="embed-too-large">Too large to draw here: {model.tooLarge.message}</p>
      ) : (
        // biome-ignore lint/performance/noImgElement: the export API's SVG, scaled to the frame; no image optimisation applies
        <img className="embed-chart" src={`/api/v1/export/${view}.svg?${query}`} alt={alt} width={q.width} height={q.height} />
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

/** The dashboard's data for the embed; `revision=N` pins it, and a revision that does not exist is not found. */
async function loadPinned(query: Record<string, string>) {
  try {
    return await loadDashboard(query);
  } catch (e) {
    if (e instanceof RevisionUnavailable) notFound();
    throw e;
  }
}
