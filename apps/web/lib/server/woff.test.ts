// WOFF unpacked to TTF: fontkit (which reads both) sees the same font in either, and broken files are refused.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { woffToSfnt } from "./woff";

const resolve = (s: string) => createRequire(join(process.cwd(), "package.json")).resolve(s);

describe("woffToSfnt", () => {
  for (const weight of [400, 700]) {
    it(`unpacks Noto Sans Latin ${weight} to the font the WOFF holds`, () => {
      const woff = readFileSync(resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`));
      const ttf = woffToSfnt(woff);
      expect(ttf.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines
      const a = fontkit.create(woff) as fontkit.Font;
      const b = fontkit.create(ttf) as fontkit.Font;
      expect(b.familyName).toBe("Noto Sans");
      expect(b.numGlyphs).toBe(a.numGlyphs);
      const text = "Posture toward the Taliban government, 3 July 2025 (Türkiye)";
      const [ra, rb] = [a.layout(text), b.layout(text)];
      expect(rb.glyphs.map((g) => g.id)).toEqual(ra.glyphs.map((g) => g.id));
      expect(rb.positions.map((p) => p.xAdvance)).toEqual(ra.positions.map((p) => p.xAdvance));
      expect(rb.glyphs.map((g) => g.path.toSVG())).toEqual(ra.glyphs.map((g) => g.path.toSVG()));
    });
  }

  it("never inflates a table past the length it declares (a zip bomb in a font)", () => {
    const bomb = deflateSync(Buffer.alloc(50_000_000));
    const woff = Buffer.alloc(44 + 20 + bomb.length);
    woff.write("wOFF", 0, "latin1");
    woff.writeUInt32BE(0x00010000, 4);
    woff.writeUInt16BE(1, 12);
    woff.write("glyf", 44, "latin1");
    woff.writeUInt32BE(64, 48); // offset
    woff.writeUInt32BE(bomb.length, 52); // stored length
    woff.writeUInt32BE(100, 56); // declared length
    bomb.copy(woff, 64);
    expect(() => woffToSfnt(woff)).toThrow();
  });

  it("refuses what is not a WOFF 1.0 font, or is cut short", () => {
    const woff = readFileSync(resolve("@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff"));
    expect(() => woffToSfnt(Buffer.from("not a font at all, not a font at all, not a font"))).toThrow(/not a WOFF/);
    expect(() => woffToSfnt(woff.subarray(0, woff.length - 100))).toThrow(/past the end|wrong length|unexpected end|incorrect/i);
  });
});
