// The PNG and PDF renderers' shortcuts change nothing a reader sees: resvg draws the same pixels from an SVG
// without its embedded WOFF2 fonts, and a PDF made with the worker's opened fonts after another PDF holds
// the same bytes as the first (no glyph of one document's subset leaks into the next).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { embedFonts } from "@stancemap/charts/export";
import { PNG } from "pngjs";
import { describe, expect, it, vi } from "vitest";
import { drawnText, embeddedFonts, fontFiles, pngFonts, sweepFontFolders } from "./export-fonts";
import { svgToPdf, svgToPng } from "./export-render";
import { encodePng, FAST_PNG_MAX_PIXELS } from "./png";

vi.mock("server-only", () => ({}));

// Letters Noto Sans lacks come from the machine's fonts: checked only where it has an Arabic one.
const arabicFonts = (spawnSync("fc-list", [":lang=ar"]).stdout?.toString() ?? "").trim() !== "";
if (!arabicFonts) console.warn("[export renderers] no Arabic font on this machine (fc-list :lang=ar): its drawing check is skipped");

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** resvg alone, with the whole Noto Sans and no machine fonts: what the app's PNG is compared with. */
const resvgAlone = (doc: string, width: number, files = [fontFiles().regular, fontFiles().bold]) =>
  new Resvg(doc, {
    fitTo: { mode: "width", value: width },
    font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: "Noto Sans" },
  }).render();

const svg = (words: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120"><style>text { font-family: 'Noto Sans', sans-serif; }</style>` +
  `<rect width="400" height="120" fill="#fff"/><text x="10" y="40" font-size="20">${words}</text>` +
  `<text x="10" y="90" font-size="24" font-weight="700">Pakistan · Россия · 3 July 2025</text></svg>`;

/** A PDF's bytes without what differs between two runs by design: its creation date and file ID. */
const stable = (pdf: Buffer) =>
  pdf
    .toString("latin1")
    .replace(/\(D:\d{14}Z\)/g, "")
    .replace(/\/ID \[[^\]]*\]/g, "");

describe("export renderers", () => {
  it("resvg draws the same PNG from the SVG with and without its embedded fonts", async () => {
    const drawn = svg("Formal recognition, 1 actor: Russia");
    const embedded = embedFonts(drawn, embeddedFonts());
    expect(embedded.length).toBeGreaterThan(drawn.length + 10_000);
    expect((await svgToPng(embedded, 800)).equals(await svgToPng(drawn, 800))).toBe(true);
  });

  it("the PNG holds resvg's pixels exactly, read back by another decoder, with its density", async () => {
    const drawn = svg("Formal recognition, 1 actor: Russia");
    const image = resvgAlone(drawn, 800);
    const ours = await svgToPng(drawn, 800, 192);
    const read = PNG.sync.read(ours);
    expect([read.width, read.height]).toEqual([800, 240]);
    expect(Buffer.from(read.data).equals(Buffer.from(image.pixels))).toBe(true);
    // Opaque (the picture has a background): stored as RGB, colour type 2.
    expect(ours.readUInt8(25)).toBe(2);
    // pHYs right after IHDR: 192 dpi is 7559 dots per metre.
    expect(ours.subarray(37, 41).toString("latin1")).toBe("pHYs");
    expect(ours.readUInt32BE(41)).toBe(7559);
  });

  it("a picture past FAST_PNG_MAX_PIXELS keeps resvg's own encoder, its density recorded", async () => {
    const width = 4000; // 4000 × 1200: 4.8 million pixels
    expect(width * 1200).toBeGreaterThan(FAST_PNG_MAX_PIXELS);
    const png = await svgToPng(svg("Formal recognition"), width, 300);
    expect(png.readUInt8(25)).toBe(6); // resvg writes RGBA
    expect(png.subarray(37, 41).toString("latin1")).toBe("pHYs");
    expect(png.readUInt32BE(41)).toBe(11811); // 300 dpi
    const read = PNG.sync.read(png);
    expect([read.width, read.height]).toEqual([4000, 1200]);
  });

  it("a picture that is not opaque keeps resvg's encoder: its colours are not premultiplied", async () => {
    const square = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#ff0000" fill-opacity="0.5"/></svg>`;
    const png = await svgToPng(square, 10, 96, true);
    expect(png.readUInt8(25)).toBe(6); // RGBA
    const read = PNG.sync.read(png);
    expect([...read.data.subarray(0, 4)]).toEqual([255, 0, 0, 128]);
    expect(encodePng(new Uint8Array([128, 0, 0, 128]), 1, 1, 96)).toBeNull();
  });

  it("draws Latin text with Noto Sans's Latin subset, other scripts with the whole font, and the machine's fonts only for letters it lacks", () => {
    const one = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="20">${text}</text></svg>`;
    const latin = pngFonts(one("Côte d’Ivoire, Türkiye – 3 July 2025 · “quoted”"));
    expect(latin.files.every((f) => /stancemap-fonts-\d+\/noto-sans-latin-(400|700)-[0-9a-f]{12}\.ttf$/.test(f))).toBe(true);
    expect(latin.system).toBe(false);
    const cyrillic = pngFonts(one("Россия · Ελλάδα · Việt Nam"));
    expect(cyrillic.files).toEqual([fontFiles().regular, fontFiles().bold]);
    expect(cyrillic.system).toBe(false);
    expect(pngFonts(one("طالبان")).system).toBe(true);
    expect(pngFonts(one("阿富汗")).system).toBe(true);
  });

  it("the Latin subset draws what the whole font draws, regular and bold", () => {
    // Same Noto Sans version (2.015) and advances; the subset stores a few accented letters (Å, Ç, ç, Ñ,
    // bold N) as plain outlines instead of composites, which moves a few anti-aliased edge pixels.
    const letters =
      Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCodePoint(0x21 + i)).join("") +
      "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ–—‘’“”•…€";
    const lines = letters.match(/.{1,40}/gu) ?? [];
    const doc = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${lines.length * 60 + 20}"><rect width="100%" height="100%" fill="#fff"/>${lines
      .map(
        (l, i) =>
          `<text x="5" y="${30 + i * 60}" font-size="17">${escapeText(l)}</text><text x="5" y="${55 + i * 60}" font-size="17" font-weight="700">${escapeText(l)}</text>`,
      )
      .join("")}</svg>`;
    const subset = pngFonts(doc);
    expect(subset.files[0]).toMatch(/noto-sans-latin/);
    const [a, b] = [resvgAlone(doc, 1200, subset.files).pixels, resvgAlone(doc, 1200).pixels];
    let ink = 0;
    let moved = 0;
    for (let i = 0; i < b.length; i += 4) {
      if ((b[i] as number) < 250) ink++;
      const d = Math.abs((a[i] as number) - (b[i] as number));
      if (d > 0) moved++;
    }
    expect(ink).toBeGreaterThan(5_000); // the text was drawn
    expect(moved / ink).toBeLessThan(0.02);
  });

  it("writes the Latin subset's files again when they are gone (resvg would draw no text without them)", () => {
    const doc = `<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="20">Kabul</text></svg>`;
    const first = pngFonts(doc).files;
    for (const f of first) rmSync(f);
    const again = pngFonts(doc).files;
    expect(again.every((f) => existsSync(f))).toBe(true);
  });

  it("draws text it cannot read (CDATA, a prefixed element) with every font, and reads a reference past Unicode as U+FFFD", () => {
    const whole = [fontFiles().regular, fontFiles().bold];
    expect(pngFonts(`<svg><text><![CDATA[Россия]]></text></svg>`)).toEqual({ files: whole, system: true });
    expect(pngFonts(`<svg:svg><svg:text>Россия</svg:text></svg:svg>`)).toEqual({ files: whole, system: true });
    expect(drawnText(`<svg><text>A&#x110000;&#99999999999;</text></svg>`)).toBe("A\ufffd\ufffd");
    expect(() => pngFonts(`<svg><text>A&#x110000;</text></svg>`)).not.toThrow();
  });

  it("removes the font folders of processes that are gone, not a link nor a running process's", () => {
    const gone = join(tmpdir(), "stancemap-fonts-999999");
    const mine = join(tmpdir(), `stancemap-fonts-${process.pid}-test`);
    const kept = mkdtempSync(join(tmpdir(), "stancemap-kept-"));
    const link = join(tmpdir(), "stancemap-fonts-999998-link");
    try {
      for (const d of [gone, mine]) mkdirSync(d, { recursive: true });
      writeFileSync(join(kept, "x"), "x");
      rmSync(link, { force: true });
      symlinkSync(kept, link);
      sweepFontFolders();
      expect(existsSync(gone)).toBe(false);
      expect(existsSync(mine)).toBe(true);
      expect(existsSync(join(kept, "x"))).toBe(true);
    } finally {
      for (const d of [gone, mine, kept]) rmSync(d, { recursive: true, force: true });
      rmSync(link, { force: true });
    }
  });

  it("reads the letters an SVG draws: its texts and their spans, entities decoded, not its title or description", () => {
    const doc = `<svg><title>阿富汗</title><desc>طالبان</desc><text x="1">A &amp; B <tspan>&#x0420;&#1086;</tspan></text><text>C&lt;</text></svg>`;
    expect(drawnText(doc)).toBe("A & B РоC<");
  });

  it.runIf(arabicFonts)("draws Arabic letters with the machine's fonts, not Noto Sans's empty boxes", async () => {
    const drawn = svg("طالبان");
    const boxes = resvgAlone(drawn, 400);
    const ours = PNG.sync.read(await svgToPng(drawn, 400));
    expect(Buffer.from(ours.data).equals(Buffer.from(boxes.pixels))).toBe(false);
  });

  it("a PDF made after another with other letters is the PDF made first, byte for byte", async () => {
    // Made on different days, so that their creation dates differ and are seen to be left out.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-07-03T12:00:00Z"));
    const first = await svgToPdf(svg("Diplomatic engagement"), 400, 120, "t");
    await svgToPdf(svg("Qatar, Uzbekistan, Kazakhstan: xyzQWJ 0123456789"), 400, 120, "t");
    vi.setSystemTime(new Date("2025-07-04T12:00:00Z"));
    const again = await svgToPdf(svg("Diplomatic engagement"), 400, 120, "t");
    vi.useRealTimers();
    expect(again.toString("latin1")).not.toBe(first.toString("latin1"));
    expect(stable(again)).toBe(stable(first));
    // The text stays text, in Noto Sans.
    expect(first.toString("latin1")).toMatch(/NotoSans/);
  });
});
