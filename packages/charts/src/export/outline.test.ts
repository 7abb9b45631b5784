// Text as outlines: an exported SVG drawn by rsvg-convert (librsvg, which ignores @font-face, as many
// editing tools do) and by resvg (the PNG export, with Noto Sans) gives the same picture. Skipped, with
// the reason printed, only where rsvg-convert is not installed (`.ci/run` installs librsvg2-bin).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { projectWorld } from "../world";
import { type EmbeddedFont, embedFonts, FONT_SUBSETS } from "./fonts";
import { renderMapSvg } from "./map-svg";
import { outlineText } from "./outline";
import { renderTimelineSvg } from "./timeline-svg";

const require = createRequire(import.meta.url);
const ttf = (file: string) => require.resolve(`@expo-google-fonts/noto-sans/${file}`);
const ttfFiles = [ttf("400Regular/NotoSans_400Regular.ttf"), ttf("700Bold/NotoSans_700Bold.ttf")];
const fonts = { regular: readFileSync(ttfFiles[0] as string), bold: readFileSync(ttfFiles[1] as string) };
const embedded: EmbeddedFont[] = FONT_SUBSETS.flatMap((subset) =>
  ([400, 700] as const).map((weight) => ({
    weight,
    subset,
    woff2: readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff2`)).toString("base64"),
  })),
);

/** Share of pixels (of 4 × 4 squares, see difference) differing by more than this (0–255, in any channel) that the outlined pictures may have. */
const CHANNEL = 32;
const MAX_SHARE = 0.01;

const rsvg = (() => {
  try {
    execFileSync("rsvg-convert", ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();
if (!rsvg) console.log("outline.test: rsvg-convert is not installed (Debian: apt-get install librsvg2-bin); the comparison is skipped.");

const frame = {
  title: "Russia and the Taliban: recognition, step by step",
  subtitle: "As of 3 July 2025 · Москва, Đà Nẵng",
  sources: ["Indian Council of World Affairs", "Al Jazeera", "BBC"],
  notes: "Russia recognised the Islamic Emirate of Afghanistan on 3 July 2025.",
  credit: "Stancemap",
  licence: "CC BY 4.0",
  revision: 12,
  permalink: "http://127.0.0.1:3000/?topic=posture-toward-taliban-government&date=2025-07-03",
};
const legend = [
  { label: "Formal recognition", colour: "#0072B2", index: 0 },
  { label: "Diplomatic engagement without recognition", colour: "#56B4E9", index: 1 },
  { label: "Conditional non-recognition", colour: "#E69F00", index: 2 },
];
const pictures = {
  map: () =>
    renderMapSvg({
      world: { ...projectWorld(960), markers: [] },
      categoryOf: { "643": 0, "156": 1, "586": 1, "840": 2 },
      legend,
      frame,
      width: 1200,
      height: 675,
      theme: "light",
    }),
  timeline: () =>
    renderTimelineSvg({
      from: "2021-08-15",
      to: "2025-07-03",
      date: "2025-07-03",
      events: [
        { id: "a", date: "2021-08-15", title: "Taliban take Kabul; Russia keeps its embassy open" },
        { id: "b", date: "2025-04-17", title: "Russia removes the Taliban from its terror list" },
        { id: "c", date: "2025-07-03", title: "Russia recognises the Islamic Emirate of Afghanistan" },
      ],
      stances: [{ id: "s", date: "2025-07-03", label: "Russia: formal recognition", index: 0 }],
      legend,
      frame,
      width: 1200,
      height: 675,
      theme: "print",
    }),
};

function pixels(png: Buffer): PNG {
  return PNG.sync.read(png);
}

/**
 * Share of pixels where some channel differs by more than CHANNEL, after averaging each picture over
 * BLOCK × BLOCK squares: a hatch pattern's lines (the map's "no data") fall a fraction of a pixel apart
 * in the two renderers, the same grey at the size of a square; letters set in another font do not.
 */
const BLOCK = 4;
function difference(a: PNG, b: PNG): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  const mean = (p: PNG, x: number, y: number, c: number) => {
    let sum = 0;
    for (let dy = 0; dy < BLOCK; dy++) for (let dx = 0; dx < BLOCK; dx++) sum += p.data[((y + dy) * p.width + x + dx) * 4 + c] as number;
    return sum / (BLOCK * BLOCK);
  };
  let differ = 0;
  let all = 0;
  for (let y = 0; y + BLOCK <= a.height; y += BLOCK)
    for (let x = 0; x + BLOCK <= a.width; x += BLOCK) {
      all++;
      for (let c = 0; c < 4; c++)
        if (Math.abs(mean(a, x, y, c) - mean(b, x, y, c)) > CHANNEL) {
          differ++;
          break;
        }
    }
  return differ / all;
}

const dir = mkdtempSync(join(tmpdir(), "stancemap-outline-"));
function both(name: string, svg: string) {
  const file = join(dir, `${name}.svg`);
  writeFileSync(file, svg);
  const byRsvg = execFileSync("rsvg-convert", ["-w", "1200", "-h", "675", "-b", "white", file]);
  // As the PNG export draws it: Noto Sans from the TTF files first.
  const byResvg = new Resvg(svg, {
    fitTo: { mode: "width", value: 1200 },
    font: { fontFiles: ttfFiles, loadSystemFonts: true, defaultFontFamily: "Noto Sans" },
  })
    .render()
    .asPng();
  if (process.env.STANCEMAP_LOOK) {
    writeFileSync(join(process.env.STANCEMAP_LOOK, `${name}-rsvg.png`), byRsvg);
    writeFileSync(join(process.env.STANCEMAP_LOOK, `${name}-resvg.png`), byResvg);
  }
  return difference(pixels(byRsvg), pixels(byResvg));
}

describe("text as outlines", () => {
  it("draws every text as a path in place, keeping the title, the description and an aria-label", () => {
    const svg = pictures.timeline();
    const out = embedFonts(outlineText(svg, fonts), embedded);
    expect(svg).toContain("<text");
    expect(out).not.toContain("<text");
    // No text left, so no font is embedded.
    expect(out).not.toContain("@font-face");
    expect(out).toContain(`<title id="export-title">${frame.title}</title>`);
    expect(out).toMatch(/<desc id="export-desc">[^<]*Russia recognises the Islamic Emirate of Afghanistan/);
    expect(out).toMatch(/<svg [^>]*aria-label="Russia and the Taliban: recognition, step by step"/);
    // The event labels keep their class and halo; the paths sit where the text was.
    expect(out.match(/<path d="M[^"]+" class="event-label"/g)?.length).toBe(svg.match(/<text class="event-label"/g)?.length);
  });

  it("leaves text with letters Noto Sans lacks as text, for the viewer's fonts", () => {
    const svg = renderMapSvg({
      world: { ...projectWorld(960), markers: [] },
      categoryOf: {},
      legend: [{ label: "طالبان", colour: "#0072B2", index: 0 }],
      frame,
      width: 1200,
      height: 675,
      theme: "light",
    });
    const out = outlineText(svg, fonts);
    expect(out).toContain(">طالبان</text>");
    expect(out.match(/<text/g)?.length).toBe(1);
  });

  it.skipIf(!rsvg).each(Object.keys(pictures) as (keyof typeof pictures)[])(
    "%s: rsvg-convert and resvg draw the outlined SVG alike (< 1% of 4 × 4 squares differ by more than 32/255)",
    (name) => {
      const svg = embedFonts(pictures[name](), embedded);
      const asText = both(`${name}-text`, svg);
      const outlined = both(`${name}-outline`, embedFonts(outlineText(pictures[name](), fonts), embedded));
      console.log(
        `${name}: ${BLOCK} × ${BLOCK} squares differing by more than ${CHANNEL}/255 between rsvg-convert and resvg: ` +
          `text ${(asText * 100).toFixed(2)}%, outlined ${(outlined * 100).toFixed(2)}%`,
      );
      expect(outlined).toBeLessThan(MAX_SHARE);
    },
    // Four 1200 px renders by two renderers: seconds on a busy 2-core machine, past Vitest's 5 s default.
    120_000,
  );
});
