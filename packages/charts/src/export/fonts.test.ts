import { describe, expect, it } from "vitest";
import { type EmbeddedFont, embedFonts, subsetsNeeded } from "./fonts";

const fonts: EmbeddedFont[] = [
  { weight: 400, subset: "latin", woff2: "TEFUSU4=" },
  { weight: 700, subset: "latin", woff2: "TEFUSU5C" },
  { weight: 400, subset: "latin-ext", woff2: "RVhU" },
];
const svg = (text: string) => `<svg><defs><style>text{font-family:'Noto Sans'}</style></defs><text x="1">${text}</text></svg>`;

describe("embedded fonts", () => {
  it("always embeds Latin, and Latin Extended only when some text needs it", () => {
    expect([...subsetsNeeded(svg("Türkiye &amp; Côte d&apos;Ivoire"))]).toEqual(["latin"]);
    expect([...subsetsNeeded(svg("Đà Nẵng"))].sort()).toEqual(["latin", "latin-ext", "vietnamese"]);
    expect([...subsetsNeeded(svg("Москва"))].sort()).toEqual(["cyrillic", "latin"]);
    expect([...subsetsNeeded(svg("Αθήνα"))].sort()).toEqual(["greek", "latin"]);
    const latin = embedFonts(svg("Russia"), fonts);
    expect(latin.match(/@font-face/g)).toHaveLength(2);
    expect(latin).toContain("font-weight:700;src:url(data:font/woff2;base64,TEFUSU5C) format('woff2')");
    expect(latin).not.toContain("RVhU");
    expect(embedFonts(svg("Łódź"), fonts).match(/@font-face/g)).toHaveLength(3);
  });

  it("puts the rules inside the SVG's own style, leaving the rest as it was", () => {
    const out = embedFonts(svg("Russia"), fonts);
    expect(out.startsWith("<svg><defs><style>@font-face{")).toBe(true);
    expect(out.endsWith("text{font-family:'Noto Sans'}</style></defs><text x=\"1\">Russia</text></svg>")).toBe(true);
    expect(embedFonts(svg("Russia"), [])).toBe(svg("Russia"));
    expect(() => embedFonts("<svg/>", fonts)).toThrow(/no <style>/);
    // With every letter drawn as a path, no font.
    expect(embedFonts('<svg><style>text{}</style><path d="M0,0"/></svg>', fonts)).not.toContain("@font-face");
  });
});
