import { describe, expect, it } from "vitest";
import { textWidth } from "../text/metrics";
import { FRAME_MIN_FONT_SIZE, type FrameText, frameFontSize, type LegendEntry, layoutFrame, wrap } from "./frame";

const short: FrameText = {
  title: "Posture toward the Taliban government",
  subtitle: "As of 3 July 2025",
  sources: ["Indian Council of World Affairs", "Al Jazeera"],
  notes: "Russia recognised the government on 3 July 2025.",
  credit: "Stancemap",
  licence: "CC BY 4.0",
  revision: 7,
  permalink: "http://localhost:3000/?date=2025-07-03",
};
const long: FrameText = {
  ...short,
  title: "Posture toward the Taliban government of Afghanistan, country by country",
  subtitle:
    "As of 3 July 2025: every state, bloc and organisation whose stance is on record, with the category of its latest stance, " +
    "the date it was taken and the publisher who reported it, as collected from official statements and the press",
  sources: ["Indian Council of World Affairs", "Al Jazeera", "Reuters", "Ministry of Foreign Affairs of the Russian Federation"],
  notes: "Russia recognised the government on 3 July 2025; other states kept their missions open without recognising it.",
  permalink: "http://localhost:3000/?topic=posture&date=2025-07-03&region=asia&kind=state",
};
const legend: LegendEntry[] = [
  "Formal recognition",
  "Diplomatic engagement without recognition",
  "Limited engagement",
  "Conditional non-recognition",
  "Active opposition",
  "Undecided",
].map((label, index) => ({ label, colour: "#0072B2", index }));
const sizes = [
  [1200, 675],
  [1080, 1080],
  [1123, 794],
  [794, 1123],
  [336, 454],
  [336, 252],
] as const;

const attrsOf = (svg: string) =>
  [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    y: Number(/ y="([-\d.]+)"/.exec(m[1] as string)?.[1]),
    size: Number(/ font-size="([\d.]+)"/.exec(m[1] as string)?.[1]),
    content: m[2] as string,
  }));

describe("layoutFrame", () => {
  it("leaves the chart a body between header and legend that overlaps neither, on every page size", () => {
    for (const [width, height] of sizes)
      for (const frame of [short, long])
        for (const entries of [legend.slice(0, 3), legend])
          for (const theme of ["light", "print"] as const) {
            const name = `${width}×${height} ${frame === long ? "long" : "short"} texts, ${entries.length} entries, ${theme}`;
            const layout = layoutFrame(width, height, frame, entries, theme, "No data");
            const { body } = layout;
            expect(body.y + body.height, name).toBeLessThanOrEqual(layout.legendTop);
            // Every preset keeps the chart at least 30% of the page; a page smaller than any preset (336×252 with
            // long texts: its link alone takes two lines) may keep less, but nothing overlaps.
            if (height >= 300) expect(body.height, name).toBeGreaterThanOrEqual(height * 0.3);
            else expect(body.height, name).toBeGreaterThan(height * 0.2);
            // The legend is drawn where legendTop says; the header's text stands above the body, the footer's below the legend's top and on the page.
            expect(layout.footer, name).toContain(`<g class="legend" transform="translate(0,${layout.legendTop})">`);
            for (const t of attrsOf(layout.header)) expect(t.y, name).toBeLessThanOrEqual(body.y);
            const footer = attrsOf(layout.footer);
            const lines = attrsOf(layout.footer.slice(layout.footer.lastIndexOf("</g>")));
            expect(lines.length, name).toBeGreaterThan(0);
            for (const t of lines) {
              expect(t.y, name).toBeGreaterThan(layout.legendTop);
              expect(t.y, name).toBeLessThanOrEqual(height);
            }
            for (const t of [...attrsOf(layout.header), ...footer]) expect(t.size, name).toBeGreaterThanOrEqual(FRAME_MIN_FONT_SIZE);
            // The licence and the dataset revision are never cut.
            expect(footer.map((t) => t.content).join(" "), name).toContain("Dataset revision 7");
          }
  });

  it("keeps the designed text on the usual page sizes, and sets it smaller and shorter only on small pages", () => {
    for (const [width, height] of sizes.slice(0, 4)) {
      for (const frame of [short, long]) {
        const layout = layoutFrame(width, height, frame, legend, "light", "No data");
        expect(layout.fontSize, `${width}×${height}`).toBe(frameFontSize(width));
        expect(layout.header).not.toContain("…");
      }
    }
    // A column: the long texts do not fit as designed; the subtitle is cut short, its start kept.
    const column = layoutFrame(336, 252, long, legend, "print", "No data");
    expect(column.fontSize).toBeLessThan(frameFontSize(336));
    expect(column.fontSize).toBeGreaterThanOrEqual(FRAME_MIN_FONT_SIZE);
    const header = attrsOf(column.header).map((t) => t.content);
    expect(header.join(" ")).toContain("As of 3 July 2025");
    expect(header[header.length - 1]).toMatch(/…$/);
    // The short texts fit the same page with less cut.
    const shortColumn = layoutFrame(336, 252, short, legend.slice(0, 3), "print", "No data");
    expect(shortColumn.header).not.toContain("…");
    expect(shortColumn.body.height).toBeGreaterThanOrEqual(252 * 0.35);
  });
});

describe("wrap", () => {
  it("splits a link longer than a line at its separators, losing nothing", () => {
    const link = "http://127.0.0.1:3301/?topic=posture-toward-taliban-government&date=2025-07-03&region=South+Asia&kind=state";
    const lines = wrap(`Stancemap · Data CC BY 4.0 · Dataset revision 1 · ${link}`, 300, 10);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(300);
    expect(lines.join(" ").replace(/ /g, "")).toBe(`Stancemap·DataCCBY4.0·Datasetrevision1·${link}`);
    expect(lines.some((l) => l.endsWith("&") || l.endsWith("/") || l.endsWith("?") || l.endsWith("="))).toBe(true);
  });
});
