// Writes src/text/noto-sans-metrics.json: the advance of every character the exports' subsets of Noto
// Sans cover, and the adjustment of each pair of common characters (kerning, and the "fi"/"fl"
// ligatures as a pair's difference), for regular and bold, in font units, read from the same TTF files
// the PNG and PDF exports embed. Run after upgrading the font: `npm run metrics -w @stancemap/charts`.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as fontkit from "fontkit";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const FILES = {
  400: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  700: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
};
/** Characters measured one by one: the Unicode ranges of the subsets the SVG embeds (fonts.ts). */
const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x250, 0x2ff],
  [0x370, 0x3ff],
  [0x400, 0x52f],
  [0x1e00, 0x1eff],
  [0x1f00, 0x1fff],
  [0x2000, 0x206f],
  [0x20a0, 0x20c0],
  [0x2100, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2215],
];
/** Characters measured in pairs: ASCII, Latin-1 and Latin Extended-A letters, Cyrillic, typographic quotes and dashes. */
const PAIRED = [];
for (let c = 0x20; c <= 0x7e; c++) PAIRED.push(String.fromCodePoint(c));
for (let c = 0xc0; c <= 0xff; c++) PAIRED.push(String.fromCodePoint(c));
for (let c = 0x100; c <= 0x17f; c++) PAIRED.push(String.fromCodePoint(c));
for (let c = 0x410; c <= 0x44f; c++) PAIRED.push(String.fromCodePoint(c));
PAIRED.push("‘", "’", "“", "”", "–", "—", "…", "·");

const out = { unitsPerEm: 0, fallback: 0, weights: {} };
for (const [weight, file] of Object.entries(FILES)) {
  const font = fontkit.openSync(file);
  out.unitsPerEm = font.unitsPerEm;
  const advances = {};
  for (const [lo, hi] of RANGES)
    for (let c = lo; c <= hi; c++) {
      if (!font.hasGlyphForCodePoint(c)) continue;
      advances[String.fromCodePoint(c)] = Math.round(font.glyphForCodePoint(c).advanceWidth);
    }
  const kern = {};
  for (const a of PAIRED)
    for (const b of PAIRED) {
      const d = Math.round(font.layout(a + b).advanceWidth - (advances[a] ?? 0) - (advances[b] ?? 0));
      if (d !== 0) kern[a] = { ...kern[a], [b]: d };
    }
  out.weights[weight] = { advances, kern };
  // Characters outside the table (scripts Noto Sans lacks, drawn by a fallback font): the average letter.
  out.fallback = Math.round(font.layout("abcdefghijklmnopqrstuvwxyz").advanceWidth / 26);
}
writeFileSync(join(here, "../src/text/noto-sans-metrics.json"), `${JSON.stringify(out, null, 2)}\n`);
