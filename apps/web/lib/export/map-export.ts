// The map export's input from the dashboard's data: shared by the export dialog (in the browser) and
// the export API (on the server), so both hand the renderer the same thing and get the same SVG.
import { type ExportTheme, renderMapSvg } from "@stancemap/charts/export";
import { topicMapAt } from "@stancemap/core/model";
import type { DashboardData } from "@/lib/dashboard-data";
import type { MapGeometry } from "@/lib/map-geometry";

export interface MapExportOptions {
  date: string;
  theme: ExportTheme;
  width: number;
  height: number;
  title?: string | undefined;
  subtitle?: string | undefined;
  notes?: string | undefined;
  /** Where the app is served, for the permalink printed on the picture. */
  origin: string;
}

export const CREDIT = "Stancemap";
export const LICENCE = "Data CC BY 4.0";

export function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function defaultTexts(data: Pick<DashboardData, "topic">, date: string): { title: string; subtitle: string } {
  return { title: data.topic.title, subtitle: `${data.topic.question} As of ${longDate(date)}.` };
}

/** `stancemap-posture-map-2025-07-03`: what it is, of which topic, at which date. */
export function exportFileName(topicSlug: string, view: string, date: string): string {
  return `stancemap-${topicSlug.split("-")[0]}-${view}-${date}`;
}

export function permalink(origin: string, topic: string, date: string): string {
  return `${origin}/?topic=${encodeURIComponent(topic)}&date=${date}`;
}

export function renderMapExportSvg(
  data: Pick<DashboardData, "topic" | "actors" | "stances" | "gaps" | "revision">,
  geometry: MapGeometry,
  o: MapExportOptions,
): string {
  const map = topicMapAt({
    topic: data.topic.slug,
    categories: data.topic.categories,
    actors: data.actors,
    stances: data.stances,
    gaps: data.gaps.map((g) => ({ ...g, topic: data.topic.slug })),
    date: o.date,
  });
  const order = new Map(map.legend.map((l, i) => [l.key, i]));
  const categoryOf: Record<string, number | null> = {};
  const publishers = new Set<string>();
  for (const e of map.entries) {
    if (e.status === "stance" && e.stance.publisher) publishers.add(e.stance.publisher);
    if (e.actor.kind !== "state" || !e.actor.isoNumeric) continue;
    categoryOf[e.actor.isoNumeric] = e.status === "stance" ? (order.get(e.category.key) ?? null) : null;
  }
  const texts = defaultTexts(data, o.date);
  return renderMapSvg({
    world: geometry,
    categoryOf,
    legend: map.legend.map((l, i) => ({ label: l.label, colour: l.colour, index: i })),
    frame: {
      title: o.title || texts.title,
      subtitle: o.subtitle || texts.subtitle,
      sources: [...publishers].sort(),
      notes: o.notes || undefined,
      credit: CREDIT,
      licence: LICENCE,
      revision: data.revision,
      permalink: permalink(o.origin, data.topic.slug, o.date),
    },
    width: o.width,
    height: o.height,
    theme: o.theme,
  });
}
