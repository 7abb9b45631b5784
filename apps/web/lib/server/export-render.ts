// Making an export file from data already read: the view's model and SVG (the network's layout included),
// PNG with resvg, vector PDF with pdfkit + svg-to-pdfkit, or the data ZIP. No database and no request:
// this runs in the render pool's worker threads (render-worker.ts), so it never blocks the event loop.
import { withAltText } from "@stancemap/charts";
import { embedFonts } from "@stancemap/charts/export";
import { outlineText } from "@stancemap/charts/export/outline";
import type { ExportQuery } from "@stancemap/core";
import { altTextOf } from "@/lib/export/alt-text";
import {
  CREDIT,
  type ExportData,
  type ExportFormat,
  type ExportModel,
  type ExportView,
  exportModel,
  exportPicture,
  exportPictureModel,
  LICENCE,
  type MapPicture,
} from "@/lib/export/views";
import { dataZip } from "./export-data";
import { embeddedFonts, outlineFonts, pdfFonts, pngFonts } from "./export-fonts";
import { mapGeometry } from "./map-geometry";
import { encodePng, fastPng, withDensity } from "./png";

type DrawnQuery = ExportQuery & { topic: string; date: string };

/** What a render needs: plain data, so it crosses to a worker thread by structured clone. A map's picture
 * formats draw its picture (views/map.ts: as large as the picture, kept per revision by the caller);
 * everything else, the data read for it. */
export type RenderTask = {
  format: ExportFormat;
  /** The query with the topic and date the data was read for. */
  q: DrawnQuery;
  origin: string;
} & ({ view: ExportView; data: ExportData } | { view: "map"; format: Exclude<ExportFormat, "zip">; picture: MapPicture });

/** Makes a map's picture from its data, in a worker thread: the work that grows with the dataset, done
 * once per revision, date and filters (export-reads.ts keeps the picture). */
export interface PictureTask {
  make: "map-picture";
  data: ExportData;
  q: DrawnQuery;
}

export type RenderResult =
  | { ok: true; body: Uint8Array | string; filename: string }
  /** The picture would be too large to draw: the parameter to narrow, and why. */
  | { ok: false; parameter: string; message: string };

/** `fast`: whether `encodePng` may encode it (`fastPng` of the size asked for; by default, of resvg's). */
export async function svgToPng(svg: string, pixelWidth: number, dpi = 96, fast?: boolean): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  // The exports' own font (its Latin subset when that has every letter); the machine's only for letters it lacks.
  const fonts = pngFonts(svg);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: pixelWidth },
    font: { fontFiles: fonts.files, loadSystemFonts: fonts.system, defaultFontFamily: "Noto Sans" },
  });
  const image = resvg.render();
  // Copying the pixels out and deflating them here holds about three times the picture in memory: past
  // FAST_PNG_MAX_PIXELS (a print or 4x PNG, tens of MB) resvg's own encoder works on its pixels in place,
  // as it does for a picture that is not opaque.
  if (!(fast ?? fastPng(image.width, image.height))) return withDensity(image.asPng(), dpi);
  return encodePng(image.pixels, image.width, image.height, dpi) ?? withDensity(image.asPng(), dpi);
}

/** One vector page the size of the picture (1 px = 0.75 pt, so 1200 px is 900 pt), text kept as text; its
 * metadata holds the title, the alt text (Subject) and the licence (Keywords). */
export async function svgToPdf(svg: string, width: number, height: number, title: string, alt = ""): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const { default: SVGtoPDF } = await import("svg-to-pdfkit");
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: [width * 0.75, height * 0.75],
    margin: 0,
    info: { Title: title, Creator: CREDIT, Subject: alt, Keywords: `${CREDIT}; ${LICENCE}` },
  });
  // pdfkit's types name a path or bytes; it takes an opened fontkit font too (PDFFontFactory.open).
  doc.registerFont("NotoSans", fonts.regular as unknown as string);
  doc.registerFont("NotoSans-Bold", fonts.bold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  SVGtoPDF(doc, svg, 0, 0, {
    width: width * 0.75,
    height: height * 0.75,
    assumePt: false,
    fontCallback: (_family: string, bold: boolean) => (bold ? "NotoSans-Bold" : "NotoSans"),
  });
  doc.end();
  return done;
}

/** The file for a task: the view's SVG, PNG or PDF, or its data as a ZIP. */
export function mapPictureOf({ data, q }: PictureTask): MapPicture {
  return exportPicture(data, q);
}

export async function renderFile(task: RenderTask): Promise<RenderResult> {
  const { view, format, q, origin } = task;
  let model: ExportModel;
  let data: Pick<ExportData, "revision" | "topic" | "actors">;
  if ("picture" in task) {
    model = exportPictureModel(task.picture, q, mapGeometry(task.picture.states));
    data = { revision: task.picture.revision, topic: task.picture.topic, actors: [] };
  } else {
    data = task.data;
    const geometry =
      view === "map" || view === "change"
        ? mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])))
        : undefined;
    model = exportModel(view, task.data, q, geometry);
  }
  if (model.invalid) return { ok: false, ...model.invalid };
  if (format === "zip") return { ok: true, body: dataZip(model, data.revision, origin), filename: `${model.name}-data.zip` };
  if (model.tooLarge) return { ok: false, ...model.tooLarge };
  const alt = altTextOf(model, data, q);
  const drawn = withAltText(model.render({ ...q, origin }), alt);
  // Only the SVG file embeds its fonts: resvg and pdfkit draw with the TTFs and ignore @font-face, so
  // parsing 100 kB of base64 WOFF2 made a PDF a third slower and changed no pixel (export-render.test.ts).
  // Outlined text needs no font but for letters Noto Sans lacks (left as text): embedFonts adds only what text remains needs.
  const svg = format === "svg" ? embedFonts(q.text === "outline" ? outlineText(drawn, outlineFonts()) : drawn, embeddedFonts()) : drawn;
  const suffix = format === "png" ? (q.dpi ? `@${q.dpi}dpi` : q.scale !== 1 ? `@${q.scale}x` : "") : "";
  const body =
    format === "svg"
      ? svg
      : format === "png"
        ? await svgToPng(svg, q.pixelWidth, q.dpi ?? 96 * q.scale, fastPng(q.pixelWidth, q.pixelHeight))
        : await svgToPdf(svg, q.width, q.height, q.title || model.defaults.title, alt);
  return { ok: true, body, filename: `${model.name}${suffix}.${format}` };
}
