// Exports on the server: the map's SVG from the same renderer the browser uses (packages/charts), then
// PNG with resvg and vector PDF with pdfkit + svg-to-pdfkit. Published data only.
import "server-only";
import { renderMapSvg } from "@stancemap/charts/export";
import { projectWorld, SMALL_AREA } from "@stancemap/charts/world";
import { type ExportQuery, topicMapAt } from "@stancemap/core";
import { loadDashboard } from "./dashboard";

export const EXPORT_FORMATS = ["svg", "png", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CREDIT = "Stancemap";
const LICENCE = "Data CC BY 4.0";

function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export interface Rendered {
  svg: string;
  filename: string;
  revision: number;
}

/** The map of a topic at a date as a standalone SVG, with everything the frame needs from the data. */
export async function renderMapExport(q: ExportQuery, origin: string): Promise<Rendered> {
  const raw: Record<string, string> = {};
  if (q.topic) raw.topic = q.topic;
  if (q.date) raw.date = q.date;
  const { data, state } = await loadDashboard(raw);
  const map = topicMapAt({
    topic: data.topic.slug,
    categories: data.topic.categories,
    actors: data.actors,
    stances: data.stances,
    gaps: data.gaps.map((g) => ({ ...g, topic: data.topic.slug })),
    date: state.date,
  });
  const order = new Map(map.legend.map((l, i) => [l.key, i]));
  const categoryOf: Record<string, number | null> = {};
  const publishers = new Set<string>();
  for (const e of map.entries) {
    if (e.status === "stance" && e.stance.publisher) publishers.add(e.stance.publisher);
    if (e.actor.kind !== "state" || !e.actor.isoNumeric) continue;
    categoryOf[e.actor.isoNumeric] = e.status === "stance" ? (order.get(e.category.key) ?? null) : null;
  }
  const world = projectWorld(960);
  const large = new Set(world.features.filter((f) => f.area >= SMALL_AREA).map((f) => f.id));
  const markers = Object.keys(categoryOf).filter((id) => !large.has(id) && world.points[id]);
  const permalink = `${origin}/?topic=${encodeURIComponent(data.topic.slug)}&date=${state.date}`;
  const svg = renderMapSvg({
    world,
    categoryOf,
    markers,
    legend: map.legend.map((l, i) => ({ label: l.label, colour: l.colour, index: i })),
    frame: {
      title: q.title ?? data.topic.title,
      subtitle: q.subtitle ?? `${data.topic.question} As of ${longDate(state.date)}.`,
      sources: [...publishers].sort(),
      notes: q.notes,
      credit: CREDIT,
      licence: LICENCE,
      revision: data.revision,
      permalink,
    },
    width: q.width,
    height: q.height,
    theme: q.theme,
  });
  return { svg, filename: `stancemap-${data.topic.slug.split("-")[0]}-map-${state.date}`, revision: data.revision };
}

export async function svgToPng(svg: string, width: number, scale: number): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width * scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

/** One vector page the size of the picture (1 px = 0.75 pt, so 1200 px is 900 pt), text kept as text. */
export async function svgToPdf(svg: string, width: number, height: number, title: string): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const { default: SVGtoPDF } = await import("svg-to-pdfkit");
  const doc = new PDFDocument({ size: [width * 0.75, height * 0.75], margin: 0, info: { Title: title, Creator: CREDIT } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  SVGtoPDF(doc, svg, 0, 0, { width: width * 0.75, height: height * 0.75, assumePt: false });
  doc.end();
  return done;
}
