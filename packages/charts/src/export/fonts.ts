// Fonts embedded in exported SVG, so that a file shows the same letters wherever it is opened: Noto
// Sans (regular and bold), as WOFF2 in @font-face rules with data: URLs. The Latin subset is always
// embedded; the others (Latin Extended, Vietnamese, Cyrillic, Greek) only when some text needs them
// (Türkiye does not, Đà Nẵng and Москва do). Scripts Noto Sans lacks (Arabic, Chinese) fall back to
// the viewer's fonts.
// Pure: the caller hands in the font files' bytes (base64), the same ones in the browser and on the
// server, so both produce the same file.

/** The export's font family, as the frame's style names it first. */
export const EXPORT_FONT_FAMILY = "Noto Sans";

export const FONT_SUBSETS = ["latin", "latin-ext", "vietnamese", "cyrillic", "cyrillic-ext", "greek", "greek-ext"] as const;
export type FontSubset = (typeof FONT_SUBSETS)[number];

export interface EmbeddedFont {
  weight: 400 | 700;
  subset: FontSubset;
  /** The WOFF2 file, base64. */
  woff2: string;
}

/** The subsets' Unicode ranges, as the font's publisher (Fontsource) splits them. */
export const SUBSET_RANGES: Record<FontSubset, string> = {
  latin:
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  "latin-ext":
    "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
  vietnamese:
    "U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB",
  cyrillic: "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116",
  "cyrillic-ext": "U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F",
  greek: "U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF",
  "greek-ext": "U+1F00-1FFF",
};

function inRanges(code: number, ranges: string): boolean {
  return ranges.split(",").some((r) => {
    const [a, b] = r.slice(2).split("-");
    const lo = Number.parseInt(a as string, 16);
    const hi = b ? Number.parseInt(b, 16) : lo;
    return code >= lo && code <= hi;
  });
}

/** The subsets that the text of `svg` needs: Latin, and each other subset holding a letter Latin lacks. */
export function subsetsNeeded(svg: string): Set<FontSubset> {
  const needed = new Set<FontSubset>(["latin"]);
  for (const m of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
    for (const ch of m[1] as string) {
      const code = ch.codePointAt(0) as number;
      if (code <= 0xff || inRanges(code, SUBSET_RANGES.latin)) continue;
      for (const subset of FONT_SUBSETS) if (inRanges(code, SUBSET_RANGES[subset])) needed.add(subset);
    }
  }
  return needed;
}

/** The @font-face rules for the subsets `svg` needs. */
export function fontFaceCss(svg: string, fonts: readonly EmbeddedFont[]): string {
  const needed = subsetsNeeded(svg);
  return fonts
    .filter((f) => needed.has(f.subset))
    .map(
      (f) =>
        `@font-face{font-family:'${EXPORT_FONT_FAMILY}';font-style:normal;font-weight:${f.weight};` +
        `src:url(data:font/woff2;base64,${f.woff2}) format('woff2');unicode-range:${SUBSET_RANGES[f.subset]}}`,
    )
    .join("");
}

/** Puts the fonts into the SVG's first `<style>` (every export renderer writes one in `<defs>`). */
export function embedFonts(svg: string, fonts: readonly EmbeddedFont[]): string {
  if (fonts.length === 0) return svg;
  const at = svg.indexOf("<style>");
  if (at === -1) throw new Error("the SVG has no <style> to put the fonts in");
  // Text drawn as outlines (outline.ts) needs no font.
  if (!svg.includes("<text")) return svg;
  const start = at + "<style>".length;
  return svg.slice(0, start) + fontFaceCss(svg, fonts) + svg.slice(start);
}
