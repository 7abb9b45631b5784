// The PNG and PDF renderers' shortcuts change nothing a reader sees: resvg draws the same pixels from an SVG
// without its embedded WOFF2 fonts, and a PDF made with the worker's opened fonts after another PDF holds
// the same bytes as the first (no glyph of one document's subset leaks into the next).
import { embedFonts } from "@stancemap/charts/export";
import { describe, expect, it, vi } from "vitest";
import { embeddedFonts } from "./export-fonts";
import { svgToPdf, svgToPng } from "./export-render";

vi.mock("server-only", () => ({}));

const svg = (words: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120"><style>text { font-family: 'Noto Sans', sans-serif; }</style>` +
  `<rect width="400" height="120" fill="#fff"/><text x="10" y="40" font-size="20">${words}</text>` +
  `<text x="10" y="90" font-size="24" font-weight="700">Pakistan · Россия · 3 July 2025</text></svg>`;

/** A PDF's bytes without what differs between two runs by design: its creation date and file ID. */
const stable = (pdf: Buffer) =>
  pdf
    .toString("latin1")
    .replace(/\(D:\d{14}Z\)/g, "")
    .replace(/\/ID \[[^\]]*\]/g, "");

describe("export renderers", () => {
  it("resvg draws the same PNG from the SVG with and without its embedded fonts", async () => {
    const drawn = svg("Formal recognition, 1 actor: Russia");
    const embedded = embedFonts(drawn, embeddedFonts());
    expect(embedded.length).toBeGreaterThan(drawn.length + 10_000);
    expect((await svgToPng(embedded, 800)).equals(await svgToPng(drawn, 800))).toBe(true);
  });

  it("a PDF made after another with other letters is the PDF made first, byte for byte", async () => {
    // Made on different days, so that their creation dates differ and are seen to be left out.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-07-03T12:00:00Z"));
    const first = await svgToPdf(svg("Diplomatic engagement"), 400, 120, "t");
    await svgToPdf(svg("Qatar, Uzbekistan, Kazakhstan: xyzQWJ 0123456789"), 400, 120, "t");
    vi.setSystemTime(new Date("2025-07-04T12:00:00Z"));
    const again = await svgToPdf(svg("Diplomatic engagement"), 400, 120, "t");
    vi.useRealTimers();
    expect(again.toString("latin1")).not.toBe(first.toString("latin1"));
    expect(stable(again)).toBe(stable(first));
    // The text stays text, in Noto Sans.
    expect(first.toString("latin1")).toMatch(/NotoSans/);
  });
});
