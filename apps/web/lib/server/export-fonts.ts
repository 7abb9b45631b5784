// The exports' font, Noto Sans, from npm packages (no system font is assumed): WOFF2 subsets to embed in
// SVG (Fontsource), and whole TTF files for resvg's PNG and pdfkit's PDF, which embed what they use.
import "server-only";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EmbeddedFont, FONT_SUBSETS } from "@stancemap/charts/export";
import * as fontkit from "fontkit";
import { woffToSfnt } from "./woff";

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

export interface PngFonts {
  files: string[];
  /** Whether resvg also loads the machine's fonts (~20 ms each time): for letters Noto Sans lacks. */
  system: boolean;
}

let latin: { files: string[]; font: fontkit.Font } | null | undefined;

/**
 * Noto Sans's Latin subset (Fontsource's WOFF files, regular and bold), unpacked to TTF files once per
 * process (each render worker) into a folder of its own under the temporary folder (mkdtemp: mode 0700,
 * a new name, so no other user or process can plant or swap a file resvg would load), removed when the
 * process or thread exits. resvg lays text out about five times faster with it than with the whole font
 * (281 glyphs and their tables, not thousands): 11 vs 61 ms for a 2x map. Null when the files cannot be
 * written (the whole font is used then).
 */
function latinFonts(): { files: string[]; font: fontkit.Font } | null {
  if (latin !== undefined) return latin;
  try {
    const ttf = ([400, 700] as const).map((weight) =>
      woffToSfnt(readFileSync(resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`))),
    );
    sweepFontFolders();
    const dir = mkdtempSync(join(tmpdir(), `stancemap-fonts-${process.pid}-`));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const files = ttf.map((bytes, i) => {
      const file = join(dir, `noto-sans-latin-${i ? 700 : 400}.ttf`);
      writeFileSync(file, bytes, { flag: "wx", mode: 0o600 });
      return file;
    });
    latin = { files, font: fontkit.create(ttf[0] as Buffer) as fontkit.Font };
  } catch (error) {
    console.warn(`[export] Noto Sans's Latin subset is not available, PNGs use the whole font: ${(error as Error).message}`);
    latin = null;
  }
  return latin;
}

/**
 * Removes the font folders of processes that are gone (a worker thread ended with its process runs no
 * exit handler): only this user's own folders, never a link, and never one of a process still running.
 */
export function sweepFontFolders(): void {
  try {
    for (const name of readdirSync(tmpdir())) {
      const pid = /^stancemap-fonts-(\d+)-\w+$/.exec(name)?.[1];
      if (!pid || Number(pid) === process.pid || alive(Number(pid))) continue;
      const path = join(tmpdir(), name);
      const stat = lstatSync(path);
      if (stat.isDirectory() && !stat.isSymbolicLink() && stat.uid === process.getuid?.()) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // Tidying only: a folder left behind is 56 kB.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The letters an SVG draws: the content of its <text> elements (with their <tspan>s), entities decoded. */
export function drawnText(svg: string): string {
  let text = "";
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    text += (m[1] as string)
      .replace(/<[^>]*>/g, "")
      .replace(ENTITY, (_, hex: string, dec: string, name: string) =>
        hex || dec ? String.fromCodePoint(Number.parseInt(hex ?? dec, hex ? 16 : 10)) : (NAMED[name.toLowerCase()] ?? ""),
      );
  }
  return text;
}

function covers(font: fontkit.Font, text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0x20 || cp === 0x0a || cp === 0x09 || cp === 0x0d) continue;
    if (!font.hasGlyphForCodePoint(cp)) return false;
  }
  return true;
}

/**
 * The fonts resvg needs for `svg`'s text: the Latin subset when it has every letter (one face, so kerning
 * and shapes are the whole font's: the same pixels), else the whole Noto Sans, with the machine's fonts
 * added only for letters Noto Sans lacks (Arabic, Chinese).
 */
export function pngFonts(svg: string): PngFonts {
  const text = drawnText(svg);
  const subset = latinFonts();
  if (subset && covers(subset.font, text)) return { files: subset.files, system: false };
  const whole = fontFiles();
  return { files: [whole.regular, whole.bold], system: !covers(pdfFonts().regular, text) };
}
