// Text measured with the exports' font, Noto Sans: each character's advance and the kerning of each pair
// of common characters, read from the font files at build time (scripts/font-metrics.mjs writes the
// table). Pure and small, so the dashboard measures its labels with it too, in the browser.
import table from "./noto-sans-metrics.json";

export type FontWeight = 400 | 700;

interface WeightTable {
  advances: Record<string, number>;
  kern: Record<string, Record<string, number>>;
}

const UNITS = table.unitsPerEm;
const WEIGHTS = table.weights as Record<"400" | "700", WeightTable>;

/** Characters drawn by a fallback font (Chinese, Japanese, Korean and full-width forms): a full em. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The advance of `text` set in Noto Sans at `size` (CSS px), kerned, in the same px. */
export function textWidth(text: string, size: number, weight: FontWeight = 400): number {
  const t = WEIGHTS[weight === 700 ? "700" : "400"];
  let units = 0;
  let previous = "";
  for (const ch of text) {
    const advance = t.advances[ch];
    units += advance ?? (WIDE.test(ch) ? UNITS : table.fallback);
    if (previous) units += t.kern[previous]?.[ch] ?? 0;
    previous = ch;
  }
  return (units / UNITS) * size;
}

/** Text's vertical extent around its baseline, as shares of the size: Noto Sans' ascender and descender. */
export const ASCENT = 1.069;
export const DESCENT = 0.293;

/**
 * Breaks `content` into lines no wider than `width` at `size`, at spaces; a word wider than a line is
 * split: after a / ? & or = where one falls past the line's first third, else at the last character that fits.
 */
export function wrapText(content: string, width: number, size: number, weight: FontWeight = 400): string[] {
  const fits = (s: string) => textWidth(s, size, weight) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of content
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => splitLong(w, fits))) {
    const joined = line ? `${line} ${word}` : word;
    if (line && !fits(joined)) {
      lines.push(line);
      line = word;
    } else line = joined;
  }
  if (line) lines.push(line);
  return lines;
}

function splitLong(word: string, fits: (s: string) => boolean): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > 1 && !fits(rest)) {
    const chars = [...rest];
    let n = 1;
    while (n < chars.length && fits(chars.slice(0, n + 1).join(""))) n++;
    const head = chars.slice(0, n).join("");
    const at = Math.max(head.lastIndexOf("/"), head.lastIndexOf("?"), head.lastIndexOf("&"), head.lastIndexOf("="));
    const cut = at >= head.length / 3 ? at + 1 : head.length;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * `content` whole when it fits `width` at `size`; else shortened to fit, at a word where that keeps
 * more than half of it, ending in "…".
 */
export function fitText(content: string, width: number, size: number, weight: FontWeight = 400): string {
  if (textWidth(content, size, weight) <= width) return content;
  const chars = [...content];
  let n = chars.length - 1;
  const withEllipsis = (k: number) =>
    `${chars
      .slice(0, k)
      .join("")
      .replace(/[\s,;:.–-]+$/, "")}…`;
  while (n > 0 && textWidth(withEllipsis(n), size, weight) > width) n--;
  if (n <= 0) return "…";
  const cut = chars.slice(0, n).join("");
  const space = cut.lastIndexOf(" ");
  return space > cut.length * 0.5 ? withEllipsis([...cut.slice(0, space)].length) : withEllipsis(n);
}
