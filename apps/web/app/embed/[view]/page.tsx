// An embeddable chart for a web article: the published map, drawn by the export renderer as an image
// that scales to its frame, with minimal chrome and a link back. Only /embed may be framed (proxy.ts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedHeight } from "@/components/export/EmbedHeight";
import { loadDashboard } from "@/lib/server/dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Embedded map", robots: { index: false } };

type Props = {
  params: Promise<{ view: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EmbedPage({ params, searchParams }: Props) {
  const { view } = await params;
  if (view !== "map") notFound();
  const raw = await searchParams;
  const { data, state } = await loadDashboard(raw);
  const query = new URLSearchParams({ topic: data.topic.slug, date: state.date });
  for (const key of ["theme", "title", "subtitle", "notes"] as const) {
    const value = raw[key];
    if (typeof value === "string" && value) query.set(key, value);
  }
  const alt = `${data.topic.title}: map of each actor's stance as of ${state.date}. The same data is on Stancemap.`;
  return (
    <div className="embed">
      {/* biome-ignore lint/performance/noImgElement: the export API's SVG, scaled to the frame; no image optimisation applies */}
      <img className="embed-chart" src={`/api/v1/export/map.svg?${query}`} alt={alt} width={1200} height={675} />
      <p className="embed-credit">
        <a href={`/?${new URLSearchParams({ topic: data.topic.slug, date: state.date })}`} target="_blank" rel="noopener">
          Explore on Stancemap
        </a>
      </p>
      <EmbedHeight />
    </div>
  );
}
