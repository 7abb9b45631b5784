// `npm run bench:export -w @stancemap/web`: how long the export API takes to make each view as PNG, PDF, SVG
// and ZIP, on the shipped dataset and on a synthetic one (5,000 actors by default): the first request
// after the server starts (cold: modules, fonts and projection load), then 10 more of each (warm; each asks
// for a new title, so nothing is a 304 or a cache hit: median, min and max), then one repeat (served from
// the export cache). The map's PNG 2x and PDF have a baseline measured in the same run, interleaved with
// the API's requests: resvg, and pdfkit with svg-to-pdfkit, alone in this process on the same picture (the
// map's SVG from the API, without its embedded WOFF2), called as the app called them before it had its own
// PNG fonts and encoder: the whole Noto Sans, the machine's fonts and resvg's PNG encoder. Options: --size 500|5000|20000|none (the synthetic dataset; none: shipped only), --no-build,
// --only REGEX (only the exports whose label matches, e.g. "^map (PNG 2x|PDF|SVG)").
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Resvg } from "@resvg/resvg-js";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { type Figure, figure, loadNow, record } from "./results";
import { build, load, root, SIZES, showSpread, signatureOf, spread, startApp, synthetic, table } from "./server";

const { values } = parseArgs({ options: { size: { type: "string" }, "no-build": { type: "boolean" }, only: { type: "string" } } });
const only = values.only ? new RegExp(values.only) : null;
const size = values.size ?? "5000";
if (size !== "none" && !(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")} or none`);

const dir = mkdtempSync(join(tmpdir(), "stancemap-bench-export-"));
const shipped = join(dir, "shipped.db");
const env = { ...process.env, DATABASE_URL: `file:${shipped}`, STANCEMAP_NO_DEMO_ADMIN: "1" };
execFileSync("npm", ["run", "db:migrate"], { cwd: root, env, stdio: "ignore" });
execFileSync("npm", ["run", "db:seed"], { cwd: root, env, stdio: "ignore" });
const datasets: { label: string; key: string; file: string }[] = [{ label: "shipped (33 actors)", key: "shipped", file: shipped }];
if (size !== "none")
  datasets.push({
    label: `synthetic (${size} actors)`,
    key: size,
    file: synthetic(`synth-${size}`, [...SIZES[size as unknown as keyof typeof SIZES]]),
  });
build();

/** An export the API refuses by design (a network too large for a picture), with the reason it gives. */
class Refused extends Error {}

async function time(base: string, path: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(`${base}${path}`);
  const body = await response.arrayBuffer();
  if (response.status === 400) {
    const problem = JSON.parse(Buffer.from(body).toString("utf8")) as { errors?: { message?: string }[] };
    throw new Refused(problem.errors?.[0]?.message ?? "400");
  }
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return { ms: performance.now() - start, bytes: body.byteLength };
}

// The export's fonts, as the app's render worker loads them (export-fonts.ts), for the baseline.
const fontDir = join(root, "node_modules", "@expo-google-fonts", "noto-sans");
const ttf = { regular: join(fontDir, "400Regular", "NotoSans_400Regular.ttf"), bold: join(fontDir, "700Bold", "NotoSans_700Bold.ttf") };
const pdfFonts = {
  regular: fontkit.create(readFileSync(ttf.regular)) as fontkit.Font,
  bold: fontkit.create(readFileSync(ttf.bold)) as fontkit.Font,
};

/** The libraries alone: resvg's PNG (as the app made it before `pngFonts` and `encodePng`) and pdfkit's PDF of `svg`. */
const baselines = {
  "map-png-2x": (svg: string) =>
    new Resvg(svg, {
      fitTo: { mode: "width", value: 2400 },
      font: { fontFiles: [ttf.regular, ttf.bold], loadSystemFonts: true, defaultFontFamily: "Noto Sans" },
    })
      .render()
      .asPng(),
  "map-pdf": (svg: string) =>
    new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument({ size: [900, 506.25], margin: 0, info: { Title: "baseline" } });
      doc.registerFont("NotoSans", pdfFonts.regular as unknown as string);
      doc.registerFont("NotoSans-Bold", pdfFonts.bold as unknown as string);
      const chunks: Buffer[] = [];
      doc.on("data", (c: Buffer) => chunks.push(c));
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      SVGtoPDF(doc, svg, 0, 0, {
        width: 900,
        height: 506.25,
        assumePt: false,
        fontCallback: (_family: string, bold: boolean) => (bold ? "NotoSans-Bold" : "NotoSans"),
      });
      doc.end();
    }),
};

async function timeBaseline(render: (svg: string) => unknown, svg: string): Promise<number> {
  const start = performance.now();
  await render(svg);
  return performance.now() - start;
}

const figures: Record<string, Figure> = {};
try {
  for (const dataset of datasets) {
    const actor = dataset.file === shipped ? "russia" : (await signatureOf(dataset.file)).last.slug;
    // Ten warm requests of nine exports in a minute pass one client's quota of uncached exports (a 429):
    // the bench times renders, so the quota is off (bench:flood measures it).
    const app = await startApp(dataset.file, { STANCEMAP_EXPORT_PER_MINUTE: "0" });
    try {
      const rows: string[][] = [];
      for (const [key, label, path] of [
        ["map-png-2x", "map PNG 2x (2400×1350)", "/api/v1/export/map.png?date=2025-07-03&scale=2"],
        ["map-pdf", "map PDF (1200×675 px page)", "/api/v1/export/map.pdf?date=2025-07-03"],
        ["map-svg", "map SVG", "/api/v1/export/map.svg?date=2025-07-03"],
        ["map-png-a4", "map PNG A4 at 300 dpi (3509×2481)", "/api/v1/export/map.png?date=2025-07-03&preset=a4&dpi=300"],
        ["network-png-2x", "network PNG 2x", "/api/v1/export/network.png?date=2025-07-03&scale=2"],
        ["network-pdf", "network PDF", "/api/v1/export/network.pdf?date=2025-07-03"],
        ["timeline-pdf", "timeline PDF", "/api/v1/export/timeline.pdf?date=2025-07-03"],
        ["actor-png-2x", `actor (${actor}) PNG 2x`, `/api/v1/export/actor.png?date=2025-07-03&actor=${actor}&scale=2`],
        ["map-zip", "map data ZIP", "/api/v1/export/map.zip?date=2025-07-03"],
      ] as const) {
        if (only && !only.test(label)) continue;
        const baseline = key in baselines ? baselines[key as keyof typeof baselines] : null;
        // The picture the render worker draws: the map's SVG without the WOFF2 it embeds for the SVG file.
        const picture = baseline
          ? (await (await fetch(`${app.base}/api/v1/export/map.svg?date=2025-07-03&title=baseline`)).text()).replace(
              /@font-face\{[^}]*\}/g,
              "",
            )
          : "";
        if (baseline) await timeBaseline(baseline, picture); // loads the library and its fonts once
        let cold: { ms: number; bytes: number };
        try {
          cold = await time(app.base, `${path}&title=cold`);
        } catch (e) {
          // Refused on this dataset (the 5,000-actor network is over a picture's limit): a row that says so.
          if (!(e instanceof Refused)) throw e;
          rows.push([label, "refused", e.message.slice(0, 60), "", "", ""]);
          continue;
        }
        const warm: number[] = [];
        const bare: number[] = [];
        let bytes = 0;
        for (let i = 0; i < 10; i++) {
          // Interleaved, the order alternating, so a change in load falls on both alike.
          if (baseline && i % 2 === 1) bare.push(await timeBaseline(baseline, picture));
          const t = await time(app.base, `${path}&title=warm-${i}`);
          if (baseline && i % 2 === 0) bare.push(await timeBaseline(baseline, picture));
          warm.push(t.ms);
          bytes = t.bytes;
        }
        // The same request again: served from the cache (same dataset revision).
        const cached = await time(app.base, `${path}&title=warm-0`);
        const at = loadNow();
        figures[`${dataset.key}.${key}.cold`] = figure(cold.ms, "ms", at);
        figures[`${dataset.key}.${key}.warm`] = figure(warm, "ms", at);
        figures[`${dataset.key}.${key}.cached`] = figure(cached.ms, "ms", at);
        figures[`${dataset.key}.${key}.bytes`] = figure(bytes, "B", at);
        if (baseline) figures[`${dataset.key}.${key}.library`] = figure(bare, "ms", at);
        rows.push([
          label,
          cold.ms.toFixed(0),
          showSpread(spread(warm)),
          bare.length ? showSpread(spread(bare)) : "",
          cached.ms.toFixed(0),
          `${(bytes / 1024).toFixed(0)} KiB`,
        ]);
      }
      // Each dataset's figures as soon as it is measured: they stand if a later one fails.
      record("export", { size, only: values.only ?? null }, figures);
      for (const k of Object.keys(figures)) delete figures[k];
      console.log(`\nexports on the ${dataset.label} dataset; ${load()}`);
      console.log(
        table(["export", "cold ms", "warm ms: median (min–max) of 10", "resvg / pdfkit alone ms (same run)", "cached ms", "size"], rows),
      );
    } finally {
      app.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
