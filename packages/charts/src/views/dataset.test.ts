// The map export of the shipped dataset (prisma/dataset) as a desk would print it: every actor the
// legend counts is in the picture, the source line names publishers only, a region fills the frame.
import { describe, expect, it } from "vitest";
import { shippedData } from "../testing/shipped";
import { mapGeometry } from "../world";
import { type ExportData, exportModel } from ".";

const TOPIC = "posture-toward-taliban-government";
const shipped = shippedData(TOPIC);
// The map's input: the topic's stances and gaps, every actor and source; no events or reactions.
const data: ExportData = { ...shipped, events: [], reactions: [] };
const { actors } = data;
const geometry = mapGeometry(actors.flatMap((a) => (a.isoNumeric ? [a.isoNumeric] : [])));
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => (m[1] as string).replace(/&amp;/g, "&"));
const o = { theme: "light" as const, width: 1200, height: 675, origin: "https://stancemap.example" };
const scaleOf = (svg: string) => Number(/<g transform="translate\([-\d.e]+,[-\d.e]+\) scale\(([\d.e]+)\)"/.exec(svg)?.[1]);

describe("the map export of the shipped dataset on 3 July 2025", () => {
  const model = exportModel("map", data, { topic: TOPIC, date: "2025-07-03" }, geometry);

  for (const preset of [
    { width: 1200, height: 675 },
    { width: 1080, height: 1080 },
    { width: 336, height: 454 },
  ])
    it(`names the actors without territory that hold a stance, at ${preset.width}×${preset.height}`, () => {
      const svg = model.render({ ...o, ...preset, theme: "print" });
      const all = texts(svg);
      for (const name of ["United Nations", "UN Security Council", "Western governments", "Afghanistan Freedom Front"])
        expect(all).toContain(name);
      // Every badge lies within the page, above the legend.
      const legendTop = Number(/<g class="legend" transform="translate\(0,([\d.]+)\)"/.exec(svg)?.[1]);
      for (const m of svg.matchAll(
        /<g class="badge" transform="translate\(([\d.]+),([\d.]+)\)"[^>]*><rect width="([\d.]+)" height="([\d.]+)"/g,
      )) {
        expect(Number(m[1]) + Number(m[3])).toBeLessThanOrEqual(preset.width);
        expect(Number(m[2]) + Number(m[4])).toBeLessThanOrEqual(legendTop);
      }
      // Print-safe: greys only, badges included.
      for (const hex of svg.match(/#[0-9a-f]{6}\b/gi) ?? [])
        expect(hex.slice(1, 3).repeat(3).toLowerCase()).toBe(hex.slice(1).toLowerCase());
    });

  it("counts each category in the legend, and every count is drawn", () => {
    const svg = model.render(o);
    const all = texts(svg);
    const counts = data.topic.categories.map((c) => {
      const entry = all.find((t) => t.startsWith(`${c.label} (`));
      expect(entry, c.label).toBeDefined();
      return Number(/\((\d+)\)$/.exec(entry as string)?.[1]);
    });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(model.rows.filter((r) => r.category !== "no-data").length);
    expect(all).toContain(`No data (${model.rows.filter((r) => r.category === "no-data").length})`);
    expect(all.find((t) => t.startsWith("Active opposition ("))).toBe("Active opposition (1)");
  });

  it("prints a source line of publishers only, endnote sources via the paper citing them", () => {
    const line = texts(model.render(o))
      .filter((t, i, a) => t.startsWith("Source:") || (i > 0 && a[i - 1]?.startsWith("Source:")))
      .join(" ");
    expect(line).toContain("Indian Council of World Affairs");
    expect(line).toMatch(/ via ICWA/);
    expect(line).not.toMatch(/not named|descriptive/i);
    expect(model.publishers.join("; ").match(/Indian Council of World Affairs/g)).toHaveLength(1);
  });

  it("zooms to the region: a one-column South Asia map is drawn larger than the world", () => {
    const column = { ...o, width: 336, height: 454, theme: "print" as const };
    const world = exportModel("map", data, { topic: TOPIC, date: "2025-07-03" }, geometry).render(column);
    const region = exportModel("map", data, { topic: TOPIC, date: "2025-07-03", region: "South Asia" }, geometry).render(column);
    expect(scaleOf(region)).toBeGreaterThan(scaleOf(world) * 3);
  });
});

describe("the timeline export of the shipped dataset", () => {
  const events = shipped.events.map(({ actors: _actors, ...e }) => ({ ...e, series: null }));
  const withEvents: ExportData = { ...data, events };
  const attr = (tag: string, cls: string, svg: string) =>
    [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))]
      .map((m) => Object.fromEntries([...(m[1] as string).matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])))
      .filter((a) => (a.class ?? "").split(" ").includes(cls));

  it("starts at the year of the first fact, with Russia's 1996, 2003 and 2017 on its earlier segment", () => {
    const model = exportModel("timeline", withEvents, { topic: TOPIC, date: "2025-07-10" });
    expect(model.defaults.subtitle).toMatch(/, 1979 to 10 July 2025\./);
    const russia = model.rows.filter((r) => r.type === "stance" && r.actor === "russia").map((r) => r.date);
    for (const d of ["1996", "2003", "2017"]) expect(russia).toContain(d);
    const svg = model.render(o);
    expect(attr("path", "axis-break", svg)).toHaveLength(1);
    expect(svg).toContain("drawn compressed, at the left");
  });

  for (const preset of [
    { width: 1200, height: 675 },
    { width: 336, height: 454 },
  ])
    it(`draws no mark of 3 July 2025 over another, at ${preset.width}×${preset.height}`, () => {
      const svg = exportModel("timeline", withEvents, { topic: TOPIC, date: "2025-07-10" }).render({ ...o, ...preset });
      const pos = (a: Record<string, string>) => {
        const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(a.transform ?? "");
        return t ? { x: Number(t[1]), y: Number(t[2]) } : { x: Number(a.cx), y: Number(a.cy) };
      };
      const marks = [...attr("rect", "event", svg), ...attr("circle", "stance", svg)].map(pos);
      // Two marks overlap when their centres are closer than a mark's size (a diamond 9 px, a dot 10 px).
      for (let i = 0; i < marks.length; i++)
        for (let j = i + 1; j < marks.length; j++) {
          const a = marks[i] as { x: number; y: number };
          const b = marks[j] as { x: number; y: number };
          expect(Math.abs(a.x - b.x) >= 9 || Math.abs(a.y - b.y) >= 9, `marks at ${a.x},${a.y} and ${b.x},${b.y}`).toBe(true);
        }
      // Each event of the day is drawn, or (no lane left on a narrow page) named in the key, or counted there.
      const key = [...svg.matchAll(/<text class="event-key"[^>]*>([^<]*)<\/text>/g)]
        .map((m) => m[1])
        .join(" ")
        .replace(/&apos;/g, "'");
      const drawn = new Set(attr("rect", "event", svg).map((a) => a["data-id"]));
      for (const e of events.filter((e) => e.date === "2025-07-03" || e.date === "../2025-07-03"))
        expect(drawn.has(e.slug) || key.includes(e.title.slice(0, 30)) || /more, listed in the description/.test(key), e.slug).toBe(true);
    });

  it("ends the axis at the last fact plus a margin when the date is long after it, the cursor waiting dashed at the end", () => {
    const svg = exportModel("timeline", withEvents, { topic: TOPIC, date: "2026-12-06" }).render(o);
    const cursor = attr("line", "cursor", svg)[0] ?? {};
    expect(cursor["stroke-dasharray"]).toBeDefined();
    const axes = attr("line", "axis", svg);
    expect(Number(cursor.x1)).toBeCloseTo(Number(axes[axes.length - 1]?.x2), 1);
    expect(texts(svg)).toContain("As of 6 December 2026");
    // The ticks stop in 2026: the last fact is in 2025 (a span to its end), and the margin is weeks.
    const years = texts(svg).filter((t) => /^\d{4}$/.test(t));
    expect(years.every((y) => Number(y) <= 2026)).toBe(true);
  });
});
