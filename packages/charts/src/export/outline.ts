// Text turned into paths, for SVG that looks the same in tools that ignore embedded fonts (rsvg-convert,
// Inkscape, Illustrator): each <text> of an export becomes one <path> of its letters' outlines in Noto
// Sans, kerned and placed as the text was (size, weight and anchor, also when inherited from a group).
// The picture keeps its <title>, <desc> and an aria-label, so it still reads to screen readers and search.
// Text with letters Noto Sans lacks (Arabic, Chinese) stays text, for the viewer's fonts to draw.
// Server only: fontkit reads the TTF files the PNG and PDF also use.
import * as fontkit from "fontkit";
import { escapeXml, round, unescapeXml } from "./svg";

export interface OutlineFonts {
  /** Noto Sans regular and bold, TTF bytes. */
  regular: Uint8Array;
  bold: Uint8Array;
}

const parsed = new WeakMap<Uint8Array, fontkit.Font>();
function open(bytes: Uint8Array): fontkit.Font {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as fontkit.Font;
    parsed.set(bytes, font);
  }
  return font;
}

const attributes = (raw: string) => [...raw.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string] as const);

/** Attributes of a text that place and set it: the path takes their effect, not the attributes. */
const TYPESETTING = new Set(["x", "y", "font-size", "font-weight", "font-family", "text-anchor"]);

/** The outline of `content` set at (x, y) as SVG path data, or null when the font lacks one of its letters. */
function outline(font: fontkit.Font, content: string, x: number, y: number, size: number, anchor: string): string | null {
  const run = font.layout(content);
  if (run.glyphs.some((g) => g.id === 0)) return null;
  const k = size / font.unitsPerEm;
  let pen = x - (anchor === "end" ? run.advanceWidth * k : anchor === "middle" ? (run.advanceWidth * k) / 2 : 0);
  let d = "";
  const px = (u: number, at: number) => round(at + u * k);
  const py = (u: number) => round(y - u * k);
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i] as fontkit.GlyphPosition;
    const gx = pen + p.xOffset * k;
    for (const c of glyph.path.commands) {
      const a = c.args;
      const pt = (j: number) => `${px(a[j] as number, gx)},${py((a[j + 1] as number) - p.yOffset)}`;
      if (c.command === "moveTo") d += `M${pt(0)}`;
      else if (c.command === "lineTo") d += `L${pt(0)}`;
      else if (c.command === "quadraticCurveTo") d += `Q${pt(0)} ${pt(2)}`;
      else if (c.command === "bezierCurveTo") d += `C${pt(0)} ${pt(2)} ${pt(4)}`;
      else if (c.command === "closePath") d += "Z";
    }
    pen += p.xAdvance * k;
  });
  return d;
}

/**
 * The export `svg` with every <text> drawn as a <path> in the same place (see the module's header), and
 * an aria-label on the root naming the picture by its title.
 */
export function outlineText(svg: string, fonts: OutlineFonts): string {
  const regular = open(fonts.regular);
  const bold = open(fonts.bold);
  type Inherited = { size?: string; weight?: string; anchor?: string };
  const stack: Inherited[] = [{}];
  const title = /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1] ?? "";
  return svg.replace(
    /<(\/?)(\w+)([^>]*?)(\/?)>(?:([^<]*)<\/text>)?/g,
    (whole, close: string, name: string, raw: string, selfClosing: string, content: string | undefined) => {
      const top = stack[stack.length - 1] as Inherited;
      if (name === "svg" && !close)
        return raw.includes("aria-label=") ? whole : `<svg${raw} aria-label="${escapeXml(unescapeXml(title))}"${selfClosing}>`;
      if (name === "g") {
        if (close) stack.pop();
        else if (!selfClosing) {
          const a = new Map(attributes(raw));
          stack.push({
            size: a.get("font-size") ?? top.size,
            weight: a.get("font-weight") ?? top.weight,
            anchor: a.get("text-anchor") ?? top.anchor,
          });
        }
        return whole;
      }
      if (name !== "text" || close || content === undefined) return whole;
      const list = attributes(raw);
      const a = new Map(list);
      const text = unescapeXml(content);
      const size = Number(a.get("font-size") ?? top.size ?? 16);
      const weight = a.get("font-weight") ?? top.weight;
      const font = weight === "700" || weight === "bold" ? bold : regular;
      const d = outline(font, text, Number(a.get("x") ?? 0), Number(a.get("y") ?? 0), size, a.get("text-anchor") ?? top.anchor ?? "start");
      if (d === null) return whole;
      const kept = list.filter(([k]) => !TYPESETTING.has(k)).map(([k, v]) => ` ${k}="${v}"`);
      // A text's fill defaults to black, as a path's does; its stroke (a halo) carries over as it is.
      return d ? `<path d="${d}"${kept.join("")}/>` : "";
    },
  );
}
