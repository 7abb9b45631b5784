// The exports' font, Noto Sans, from npm packages (no system font is assumed): WOFF2 subsets to embed in
// SVG (Fontsource), and whole TTF files for resvg's PNG and pdfkit's PDF, which embed what they use.
import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type EmbeddedFont, FONT_SUBSETS } from "@stancemap/charts/export";
import * as fontkit from "fontkit";

// Resolved at run time from the app's directory: the font files are read, never bundled.
const resolve = (specifier: string) => createRequire(join(process.cwd(), "package.json")).resolve(specifier);

let embedded: EmbeddedFont[] | null = null;

/** Regular and bold of every subset, as base64 WOFF2: what an exported SVG may embed (what its text needs). */
export function embeddedFonts(): EmbeddedFont[] {
  if (!embedded) {
    embedded = FONT_SUBSETS.flatMap((subset) =>
      ([400, 700] as const).map((weight) => ({
        weight,
        subset,
        woff2: readFileSync(resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff2`)).toString("base64"),
      })),
    );
  }
  return embedded;
}

/** Paths of the TTF files (regular, bold) for PNG and PDF. */
export function fontFiles(): { regular: string; bold: string } {
  return {
    regular: resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
    bold: resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  };
}

let outlines: { regular: Uint8Array; bold: Uint8Array } | null = null;

/** The TTF files' bytes, for drawing text as outlines (`text=outline`). */
export function outlineFonts(): { regular: Uint8Array; bold: Uint8Array } {
  if (!outlines) {
    const files = fontFiles();
    outlines = { regular: readFileSync(files.regular), bold: readFileSync(files.bold) };
  }
  return outlines;
}

let pdf: { regular: fontkit.Font; bold: fontkit.Font } | null = null;

/** The TTFs opened by fontkit once per process (each render worker): pdfkit takes an opened font and
 * makes each document's subset from it, so a PDF no longer reads and parses 1 MB of fonts, nor lays out
 * again text the worker has laid out before (fontkit keeps its glyphs and tables). */
export function pdfFonts(): { regular: fontkit.Font; bold: fontkit.Font } {
  if (!pdf) {
    const bytes = outlineFonts();
    const open = (b: Uint8Array) => fontkit.create(Buffer.from(b.buffer, b.byteOffset, b.byteLength)) as fontkit.Font;
    pdf = { regular: open(bytes.regular), bold: open(bytes.bold) };
  }
  return pdf;
}
