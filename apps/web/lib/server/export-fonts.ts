// The exports' font, Noto Sans, from npm packages (no system font is assumed): WOFF2 subsets to embed in
// SVG (Fontsource), and whole TTF files for resvg's PNG and pdfkit's PDF, which embed what they use.
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { type EmbeddedFont, FONT_SUBSETS, unescapeXml } from "@stancemap/charts/export";
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

let latin: { ttf: Buffer[]; font: fontkit.Font; files: string[] } | null | undefined;

/**
 * Noto Sans's Latin subset (Fontsource's WOFF files, regular and bold), unpacked to TTF (`woff.ts`) once per
 * thread and written as files for resvg, which reads fonts from paths. resvg lays text out about five times
 * faster with it than with the whole font (281 glyphs and their tables, not thousands): 11 vs 61 ms for a
 * 2x map. The files live in one folder per process, shared by its threads (`fontFolder`); they are looked
 * for on every use and written again when gone (a /tmp cleaner), since resvg given a missing font draws no
 * text and says nothing. Null when they cannot be written: the whole font is used then.
 */
function latinFonts(): { files: string[]; font: fontkit.Font } | null {
  try {
    if (latin === undefined) {
      const ttf = ([400, 700] as const).map((weight) =>
        woffToSfnt(readFileSync(resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`))),
      );
      latin = { ttf, font: fontkit.create(ttf[0] as Buffer) as fontkit.Font, files: [] };
    }
    if (latin === null) return null;
    if (latin.files.length === 0 || !latin.files.every((f) => existsSync(f))) latin.files = writeFonts(latin.ttf);
    return latin;
  } catch (error) {
    console.warn(`[export] Noto Sans's Latin subset is not available, PNGs use the whole font: ${(error as Error).message}`);
    latin = null;
    return null;
  }
}

function writeFonts(ttf: Buffer[]): string[] {
  const dir = fontFolder();
  return ttf.map((bytes, i) => {
    // Named by content: a process of another version sharing the folder's name writes other files.
    const file = join(dir, `noto-sans-latin-${i ? 700 : 400}-${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}.ttf`);
    if (!existsSync(file)) {
      // Written aside and renamed: a thread reading it never sees half a file.
      const part = `${file}.${threadId}.part`;
      writeFileSync(part, bytes, { mode: 0o600 });
      renameSync(part, file);
    }
    return file;
  });
}

/**
 * This process's font folder in the temporary folder, `stancemap-fonts-<pid>`, mode 0700: made by the first
 * thread that needs it and used by the others. One found there that is not this user's private folder (a
 * link, another owner, open to others: planted before us) is never used; a folder of our own is made then.
 * Folders of processes that are gone are removed first (a process leaves its folder behind: its worker
 * threads end without exit handlers).
 */
function fontFolder(): string {
  sweepFontFolders();
  const dir = join(tmpdir(), `stancemap-fonts-${process.pid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const stat = lstatSync(dir);
  if (stat.isDirectory() && !stat.isSymbolicLink() && stat.uid === process.getuid?.() && (stat.mode & 0o077) === 0) return dir;
  return mkdtempSync(join(tmpdir(), `stancemap-fonts-${process.pid}-`));
}

/**
 * Removes the font folders of processes that are gone: only this user's own folders, never a link, and
 * never one of a process still running (or of this one).
 */
export function sweepFontFolders(): void {
  try {
    for (const name of readdirSync(tmpdir())) {
      const pid = /^stancemap-fonts-(\d+)(-\w+)?$/.exec(name)?.[1];
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

/** The letters an SVG draws: the content of its <text> elements (with their <tspan>s), entities decoded. */
export function drawnText(svg: string): string {
  let text = "";
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    text += unescapeXml((m[1] as string).replace(/<[^>]*>/g, ""));
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
  const whole = () => [fontFiles().regular, fontFiles().bold];
  // Text drawnText cannot read (CDATA, a prefixed text element): every font, as before any of this.
  if (svg.includes("<![CDATA[") || /<\w+:text\b/.test(svg)) return { files: whole(), system: true };
  const text = drawnText(svg);
  const subset = latinFonts();
  if (subset && covers(subset.font, text)) return { files: subset.files, system: false };
  return { files: whole(), system: !covers(pdfFonts().regular, text) };
}
