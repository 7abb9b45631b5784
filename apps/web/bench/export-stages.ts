// `npm run bench:export-stages -w @stancemap/web -- --db file:/path.db`: where a warm map export's time
// goes, in-process, with the functions the render worker runs (export-render.ts): reading the data, the
// model, the SVG, embedding fonts, resvg's PNG at 2x, pdfkit's PDF. Each stage 10 times after one warm-up:
// median (min–max) ms of wall time and of this process's CPU time (steadier on a loaded machine), with the
// load average. The read is timed both ways: the scoped read exports use, and the dashboard's whole data
// that they used to read; the render both ways: from the map's picture (made once per revision, date and
// filter, as the API does) and from the whole data.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { withAltText } from "@stancemap/charts";
import { embedFonts } from "@stancemap/charts/export";
import { ExportQuery } from "@stancemap/core";
import {
  createDb,
  type Db,
  listSources,
  listTopics,
  readRevision,
  selectCompactActors,
  selectCompactEvents,
  selectGapsBySlug,
  selectStanceTimeline,
} from "@stancemap/db";
import { altTextOf } from "@/lib/export/alt-text";
import { exportModel, exportPicture } from "@/lib/export/views";
import { compactSource } from "@/lib/server/dashboard";
import { embeddedFonts } from "@/lib/server/export-fonts";
import { readExportData } from "@/lib/server/export-reads";
import { renderFile, svgToPdf, svgToPng } from "@/lib/server/export-render";
import { mapGeometry } from "@/lib/server/map-geometry";
import { load, showSpread, spread, table } from "./server";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    date: { type: "string" },
    runs: { type: "string" },
    svg: { type: "string" },
    png: { type: "string" },
    only: { type: "string" },
  },
});
if (!values.db) throw new Error("--db file:/path/to.db is required");
const runs = Number(values.runs ?? 10);
const db = createDb(values.db);

/** --only REGEX: time only the stages whose label matches. */
const only = values.only ? new RegExp(values.only, "i") : null;

async function stage(label: string, fn: () => unknown): Promise<string[]> {
  if (only && !only.test(label)) return [label, "-", "-"];
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await fn();
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return [label, showSpread(spread(wall), 1), showSpread(spread(cpu), 1)];
}

/** What the map export read before: the dashboard's whole data for the topic (as loadDashboard reads it). */
async function wholeRead(db: Db) {
  const topics = (await listTopics(db)).data;
  const topic = topics[0];
  if (!topic) throw new Error("no topics");
  return Promise.all([
    selectCompactActors(db),
    selectStanceTimeline(db, topic.slug),
    selectGapsBySlug(db, topic.slug),
    selectCompactEvents(db),
    listSources(db, { limit: 1000 }).then((r) => r.data.map(compactSource)),
    readRevision(db),
  ]);
}

try {
  const q0 = ExportQuery.parse({ date: values.date ?? "2025-07-03", scale: "2" });
  const read = () => readExportData(db, "map", q0);
  const whole = () => wholeRead(db);
  const { data, q } = await read();
  const geometry = () => mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
  const model = exportModel("map", data, q, geometry());
  const picture = exportPicture(data, q);
  const drawn = withAltText(model.render({ ...q, origin: "https://example.org" }), altTextOf(model, data, q));
  const svg = embedFonts(drawn, embeddedFonts());
  // --svg FILE: the picture as drawn (no fonts embedded), for measuring its renderers alone; --png FILE:
  // the PNG as the export API makes it, to look at.
  if (values.svg) writeFileSync(values.svg, drawn);
  if (values.png) writeFileSync(values.png, await svgToPng(svg, q.pixelWidth));
  const rows: string[][] = [
    await stage("read: the dashboard's whole data (before)", whole),
    await stage("read: scoped (export-reads.ts)", read),
    await stage("geometry", geometry),
    await stage("model", () => exportModel("map", data, q, geometry())),
    await stage("alt text", () => altTextOf(exportModel("map", data, q, geometry()), data, q)),
    await stage("SVG", () => model.render({ ...q, origin: "https://example.org" })),
    await stage("embed fonts", () => embedFonts(drawn, embeddedFonts())),
    await stage("resvg PNG 2x of the SVG with fonts embedded", () => svgToPng(svg, q.pixelWidth)),
    await stage("resvg PNG 2x of the SVG without", () => svgToPng(drawn, q.pixelWidth)),
    await stage("pdfkit PDF of the SVG with fonts embedded", () => svgToPdf(svg, q.width, q.height, "t")),
    await stage("pdfkit PDF of the SVG without", () => svgToPdf(drawn, q.width, q.height, "t")),
    await stage("map picture (made once per revision, date and filter)", () => exportPicture(data, q)),
    await stage("renderFile PNG 2x from the picture (the worker's render)", () =>
      renderFile({ view: "map", format: "png", picture, q, origin: "https://example.org" }),
    ),
    await stage("renderFile PDF from the picture", () =>
      renderFile({ view: "map", format: "pdf", picture, q, origin: "https://example.org" }),
    ),
    await stage("renderFile SVG from the picture", () =>
      renderFile({ view: "map", format: "svg", picture, q, origin: "https://example.org" }),
    ),
    await stage("renderFile SVG from the whole data (before the picture)", () =>
      renderFile({ view: "map", format: "svg", data, q, origin: "https://example.org" }),
    ),
  ];
  console.log(`map export stages, ${data.actors.length} actors, SVG ${(svg.length / 1024).toFixed(0)} KiB; ${load()}`);
  console.log(table(["stage", `wall ms: median (min–max) of ${runs}`, "CPU ms: median (min–max)"], rows));
} finally {
  await db.close();
}
