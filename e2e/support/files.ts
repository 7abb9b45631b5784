// Reading exported files as their users' tools do: a PNG's header, a PDF's page and text (pdf.js, the
// reader in Firefox), a ZIP's entries.
import { expect } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

export function pngSize(body: Buffer): [number, number] {
  expect(body.subarray(1, 4).toString()).toBe("PNG");
  return [body.readUInt32BE(16), body.readUInt32BE(20)];
}

/** The density a PNG records (its pHYs chunk), in dots per inch; null when it records none. */
export function pngDpi(body: Buffer): number | null {
  let at = 8;
  while (at < body.length) {
    const length = body.readUInt32BE(at);
    const type = body.toString("latin1", at + 4, at + 8);
    if (type === "pHYs" && body[at + 16] === 1) return Math.round(body.readUInt32BE(at + 8) * 0.0254);
    if (type === "IDAT") return null;
    at += 12 + length;
  }
  return null;
}

/** The first page's size in points and the text a reader extracts from it. */
export async function pdfPage(body: Buffer): Promise<{ width: number; height: number; text: string }> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(body), disableFontFace: true, useSystemFonts: false }).promise;
  const page = await doc.getPage(1);
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const text = content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
  await doc.destroy();
  return { width: x1 - x0, height: y1 - y0, text };
}

export function unzip(body: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(body))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Markup-free: no script, no event attribute, no external reference (only `#id` and the embedded fonts' data). */
export function expectInert(svg: string): void {
  expect(svg).not.toMatch(/<script/i);
  // Inside tags only: escaped text such as "onerror=" in a label is text, not an attribute.
  expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(svg).not.toMatch(/href\s*=/i);
  expect(svg).not.toMatch(/url\((?!#|data:font\/woff2;base64,)/);
  expect(svg).not.toMatch(/<(img|image|foreignObject|iframe)/i);
}
