// Exports on the server: the map's SVG from the same renderer the browser uses (packages/charts), then
// PNG with resvg and vector PDF with pdfkit + svg-to-pdfkit. Published data only.
import "server-only";
import type { ExportQuery } from "@stancemap/core";
import { exportFileName, renderMapExportSvg } from "@/lib/export/map-export";
import { loadDashboard } from "./dashboard";
import { mapGeometry } from "./map-geometry";

export const EXPORT_FORMATS = ["svg", "png", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Rendered {
  svg: string;
  filename: string;
  revision: number;
}

/** The map of a topic at a date as a standalone SVG: the dashboard's data, shapes and renderer. */
export async function renderMapExport(q: ExportQuery, origin: string): Promise<Rendered> {
  const raw: Record<string, string> = {};
  if (q.topic) raw.topic = q.topic;
  if (q.date) raw.date = q.date;
  const { data, state } = await loadDashboard(raw);
  const geometry = mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
  const svg = renderMapExportSvg(data, geometry, { ...q, date: state.date, origin });
  return { svg, filename: exportFileName(data.topic.slug, "map", state.date), revision: data.revision };
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
  const doc = new PDFDocument({ size: [width * 0.75, height * 0.75], margin: 0, info: { Title: title, Creator: "Stancemap" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  SVGtoPDF(doc, svg, 0, 0, { width: width * 0.75, height: height * 0.75, assumePt: false });
  doc.end();
  return done;
}
