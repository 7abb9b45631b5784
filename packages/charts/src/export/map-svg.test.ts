import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { projectWorld } from "../world";
import { renderMapSvg } from "./map-svg";
import type { ExportTheme } from "./themes";

const projected = projectWorld(960);
const world = { ...projected, markers: [{ id: "634", x: 600, y: 140 }] };
const legend = [
  { label: "Formal recognition", colour: "#0072B2", index: 0 },
  { label: "Diplomatic engagement", colour: "#56B4E9", index: 1 },
  { label: "<img src=x onerror=alert(1)>", colour: "#E69F00", index: 2 },
];
const frame = {
  title: "Posture toward the Taliban government",
  subtitle: "As of 3 July 2025",
  sources: ["Indian Council of World Affairs", 'Al Jazeera & "friends"'],
  notes: "Russia recognised the government on 3 July 2025.",
  credit: "Stancemap",
  licence: "CC BY 4.0",
  revision: 7,
  permalink: "http://localhost:3000/?date=2025-07-03",
};
const render = (theme: ExportTheme = "light") =>
  renderMapSvg({
    world,
    categoryOf: { "643": 0, "156": 1, "586": 2, "840": null },
    legend,
    frame,
    width: 1200,
    height: 675,
    theme,
  });

describe("map export SVG", () => {
  it("is well-formed XML of the requested size, with title, every legend entry and the source line as text", () => {
    const svg = render();
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg["@_width"]).toBe("1200");
    expect(doc.svg["@_height"]).toBe("675");
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain("Posture toward the Taliban government");
    for (const label of ["Formal recognition", "Diplomatic engagement", "&lt;img src=x onerror=alert(1)&gt;", "No data"])
      expect(texts).toContain(label);
    expect(texts.join(" ")).toContain("Source: Indian Council of World Affairs; Al Jazeera &amp; &quot;friends&quot;");
    expect(texts.join(" ")).toContain("Dataset revision 7");
  });

  it("runs nothing and fetches nothing: no script, no event attributes, no external references", () => {
    const svg = render();
    expect(svg).not.toMatch(/<script/i);
    // Inside tags only: the escaped actor text "onerror=" in a label is text, not an attribute.
    expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(svg).not.toMatch(/href\s*=/i);
    expect(svg).not.toMatch(/url\((?!#)/);
    expect(svg).not.toContain("<img");
  });

  it("colours countries by category and hatches no data", () => {
    const svg = render();
    expect(svg).toMatch(/<path d="[^"]+" fill="#0072B2" data-id="643"\/>/);
    expect(svg).toMatch(/fill="url\(#no-data\)" data-id="840"/);
  });

  it("prints in greys with one pattern per category, so the scale reads without colour", () => {
    const svg = render("print");
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/fill="url\(#print-0\)" data-id="643"/);
    expect(svg).toMatch(/fill="url\(#print-1\)" data-id="156"/);
    const colours = [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)].map((m) => (m[1] as string).toLowerCase());
    expect(colours.length).toBeGreaterThan(0);
    for (const hex of colours) expect(hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7), hex).toBe(true);
  });
});

describe("map export SVG: how a stance holds", () => {
  const withCues = (theme: ExportTheme = "light") =>
    renderMapSvg({
      world,
      categoryOf: { "643": 0, "156": 1, "586": 2, "840": null },
      cueOf: { "156": { uncertain: true, attested: false }, "586": { uncertain: false, attested: true } },
      qualifiersOf: { "643": [0] },
      qualifiers: ["Lists the Taliban as a terrorist organisation"],
      legend,
      frame,
      width: 1200,
      height: 675,
      theme,
    });

  it("stripes an uncertain country, dots one whose start is not stated, and marks a qualifier, each in the legend", () => {
    const svg = withCues();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/fill="url\(#cue-u-56b4e9\)" data-id="156"/);
    expect(svg).toMatch(/fill="url\(#cue-a-e69f00\)" data-id="586"/);
    expect(svg).toMatch(/<pattern id="cue-u-56b4e9"/);
    expect(svg).toMatch(/<path class="qualifier" data-id="643"/);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts.some((t) => t?.startsWith("Uncertain at this date"))).toBe(true);
    expect(texts.some((t) => t?.startsWith("Start not stated"))).toBe(true);
    // Each cue's entry says how many actors show it, as the dashboard's legend does.
    expect(texts).toContain("Lists the Taliban as a terrorist organisation (1)");
    expect(texts.some((t) => t?.startsWith("Uncertain at this date") && t.endsWith("(1)"))).toBe(true);
  });

  it("leaves cues out of the legend when no country shows them", () => {
    const texts = [...render().matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts.some((t) => t?.startsWith("Uncertain"))).toBe(false);
  });

  it("prints the cues as outlines, in greys only", () => {
    const svg = withCues("print");
    expect(svg).toMatch(/data-id="156" stroke="#000000"[^>]*stroke-dasharray/);
    expect(svg).not.toContain("cue-u-");
    const colours = [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)].map((m) => (m[1] as string).toLowerCase());
    for (const hex of colours) expect(hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7), hex).toBe(true);
  });
});

describe("map export SVG: actors without territory, regions, print", () => {
  const un = { name: "United Nations", index: 2, cue: { uncertain: false, attested: true } };
  const groups = [
    { label: "International organisations", badges: [un, { name: "UN Security Council", index: 2 }] },
    { label: "Political and armed groups", badges: [{ name: "Afghanistan Freedom Front", index: 1, qualifiers: [0] }] },
    { label: "People", badges: Array.from({ length: 14 }, (_, i) => ({ name: `Person number ${i + 1}`, index: null })) },
  ];
  const sized = (width: number, height: number, theme: ExportTheme = "light", more: Partial<Parameters<typeof renderMapSvg>[0]> = {}) =>
    renderMapSvg({
      world,
      categoryOf: { "643": 0, "156": 1, "586": 2, "840": null },
      qualifiers: ["Lists the Taliban as a terrorist organisation"],
      badges: groups,
      legend,
      frame,
      width,
      height,
      theme,
      ...more,
    });
  const boxes = (svg: string) =>
    [...svg.matchAll(/<g class="badge" transform="translate\(([\d.]+),([\d.]+)\)"[^>]*><rect width="([\d.]+)" height="([\d.]+)"/g)].map(
      (m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        w: Number(m[3]),
        h: Number(m[4]),
      }),
    );

  for (const [width, height] of [
    [1200, 675],
    [1080, 1080],
    [1123, 794],
    [794, 1123],
    [336, 454],
  ] as const)
    it(`names every actor with a stance as a badge within the frame at ${width}×${height}`, () => {
      const svg = sized(width, height, "print");
      expect(XMLValidator.validate(svg)).toBe(true);
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      for (const name of ["United Nations", "UN Security Council", "Afghanistan Freedom Front"]) expect(texts).toContain(name);
      expect(texts).toContain("International organisations (2)");
      const legendTop = Number(/<g class="legend" transform="translate\(0,([\d.]+)\)"/.exec(svg)?.[1]);
      const drawn = boxes(svg);
      expect(drawn.length).toBeGreaterThanOrEqual(3);
      for (const b of drawn) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(width);
        expect(b.y + b.h).toBeLessThanOrEqual(legendTop);
      }
      // The people with no data are named, or counted when the page is too small to name them.
      expect(texts.some((t) => t === "Person number 14" || t === "14 with no data")).toBe(true);
    });

  it("counts thousands of actors per category, within the frame, rather than naming them", () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ name: `Organisation ${i}`, index: i % 3 === 2 ? null : i % 3 }));
    const groups = [{ label: "International organisations", badges: many }];
    for (const [width, height] of [
      [1200, 675],
      [336, 454],
    ] as const) {
      const svg = sized(width, height, "light", { badges: groups, categoryNames: ["Recognition", "Engagement", "Opposition"] });
      expect(XMLValidator.validate(svg)).toBe(true);
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(texts).toContain("International organisations (3,000)");
      expect(texts).toContain("1,000 Recognition");
      expect(texts).toContain("1,000 Engagement");
      expect(texts).toContain("1,000 with no data");
      expect(texts.some((t) => t?.startsWith("Organisation "))).toBe(false);
      const legendTop = Number(/<g class="legend" transform="translate\(0,([\d.]+)\)"/.exec(svg)?.[1]);
      for (const b of boxes(svg)) {
        expect(b.x + b.w).toBeLessThanOrEqual(width);
        expect(b.y + b.h).toBeLessThanOrEqual(legendTop);
      }
    }
  });

  it("draws badges that stand for n actors alike exactly as the n badges", () => {
    // 900 actors with a stance (past MAX_NAMED_BADGES) and 300 with none, with every cue and qualifier.
    const each = Array.from({ length: 1200 }, (_, i) => ({
      name: `Group ${i}`,
      index: i % 4 === 3 ? null : i % 3,
      ...(i % 4 === 3 ? {} : { cue: { uncertain: i % 5 === 0, attested: i % 7 === 0 }, qualifiers: i % 11 === 0 ? [0, 0] : [] }),
    }));
    const expanded = [
      { label: "Political and armed groups", badges: each.slice(0, 1000) },
      { label: "People", badges: each.slice(1000) },
    ];
    const collapse = (list: typeof each) => {
      const alike = new Map<
        string,
        { name: string; index: number | null; cue?: { uncertain: boolean; attested: boolean }; qualifiers?: number[]; n: number }
      >();
      for (const b of list) {
        const key = JSON.stringify([b.index, b.cue, [...new Set(b.qualifiers ?? [])]]);
        const same = alike.get(key);
        if (same) same.n++;
        else
          alike.set(key, {
            name: "",
            index: b.index,
            ...(b.cue ? { cue: b.cue } : {}),
            qualifiers: [...new Set(b.qualifiers ?? [])],
            n: 1,
          });
      }
      return [...alike.values()];
    };
    const counted = expanded.map((g) => ({ ...g, badges: collapse(g.badges) }));
    // Per group at most 3 categories × 4 cues × 2 sets of qualifiers, and no data.
    expect(counted.reduce((n, g) => n + g.badges.length, 0)).toBeLessThanOrEqual(2 * (3 * 4 * 2 + 1));
    const cueOf = { "643": { uncertain: true, attested: false } };
    for (const [width, height, theme] of [
      [1200, 675, "light"],
      [336, 454, "dark"],
      [1123, 794, "print"],
    ] as const) {
      const more = { cueOf, categoryNames: ["Recognition", "Engagement", "Opposition"] };
      const svg = sized(width, height, theme, { ...more, badges: counted });
      expect(svg).toBe(sized(width, height, theme, { ...more, badges: expanded }));
      // The legend's cue and qualifier counts include every actor a badge stands for.
      expect(svg).toContain(`(${each.filter((b) => b.cue?.uncertain).length + 1})`);
    }
  });

  it("names the actors with a stance and counts thousands with no data, drawn alike from one badge that stands for them", () => {
    const named = Array.from({ length: 12 }, (_, i) => ({ name: `Named ${i}`, index: i % 3, cue: { uncertain: false, attested: false } }));
    const unnamed = Array.from({ length: 2000 }, (_, i) => ({ name: `Unnamed ${i}`, index: null }));
    const expanded = [{ label: "People", badges: [...named, ...unnamed] }];
    const counted = [{ label: "People", badges: [...named, { name: "", index: null, n: 2000 }] }];
    for (const [width, height] of [
      [1200, 675],
      [336, 454],
    ] as const) {
      const svg = sized(width, height, "light", { badges: counted });
      expect(svg).toBe(sized(width, height, "light", { badges: expanded }));
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(texts).toContain("2,000 with no data");
      expect(texts.some((t) => t?.startsWith("Unnamed"))).toBe(false);
    }
    expect(sized(1200, 675, "light", { badges: counted })).toContain(">Named 0<");
  });

  it("clips the badges to the chart's box only when they run past it", () => {
    // A clip costs resvg a mask of the whole page: none where every badge fits.
    for (const [width, height] of [
      [1200, 675],
      [336, 454],
    ] as const)
      expect(sized(width, height, "light")).not.toContain('clip-path="url(#chart-box)"');
    // Forty kinds of actor on a small page: even counted, they do not fit, and are cut at the box.
    const groups = Array.from({ length: 40 }, (_, g) => ({
      label: `Kind ${g}`,
      badges: Array.from({ length: 3 }, (_, i) => ({ name: `Actor ${g}.${i}`, index: i })),
    }));
    const crowded = sized(336, 300, "light", { badges: groups, categoryNames: ["Recognition", "Engagement", "Opposition"] });
    expect(XMLValidator.validate(crowded)).toBe(true);
    expect(crowded).toContain('clip-path="url(#chart-box)"');
    // A name wider than the column beside the map runs past its badge: cut at the box too.
    const long = sized(1200, 675, "light", {
      badges: [{ label: "Political and armed groups", badges: [{ name: "A".repeat(300), index: 0 }] }],
      categoryNames: ["Recognition"],
    });
    expect(long).toContain('clip-path="url(#chart-box)"');
  });

  it("counts no data in the legend when told how many", () => {
    const texts = [...sized(1200, 675, "light", { noDataCount: 15 }).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain("No data (15)");
  });

  it("fits the map to a region's countries, cut at the chart's box", () => {
    const whole = sized(336, 454, "print");
    const region = sized(336, 454, "print", { focus: ["004", "586", "356"] });
    const scale = (svg: string) => Number(/<g transform="translate\([-\d.e]+,[-\d.e]+\) scale\(([\d.e]+)\)"/.exec(svg)?.[1]);
    expect(scale(region)).toBeGreaterThan(scale(whole) * 4);
    expect(region).toContain('clip-path="url(#map-box)"');
    expect(whole).not.toContain('clip-path="url(#map-box)"');
  });

  it("draws the graticule inside the globe with no clip, and hatches no data unlike any category in print", () => {
    // Every point of the graticule inside the globe's outline or on it (its edge meridians): a clip would
    // cost resvg a mask of the whole page, and drawing nothing outside makes one needless.
    const points = (d: string) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const ring = points(world.sphere);
    const inside = ([x, y]: readonly [number, number]) => {
      let odd = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as readonly [number, number];
        const [xj, yj] = ring[j] as readonly [number, number];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
      }
      return odd;
    };
    // On the outline: within a unit of one of its segments (both are rounded to a tenth, the outline is a polygon).
    const near = ([x, y]: readonly [number, number]) =>
      ring.some(([ax, ay], i) => {
        const [bx, by] = ring[(i + 1) % ring.length] as readonly [number, number];
        const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)));
        return Math.hypot(ax + t * (bx - ax) - x, ay + t * (by - ay) - y) < 1;
      });
    const graticule = points(world.graticule);
    expect(graticule.length).toBeGreaterThan(100);
    expect(graticule.filter((p) => !inside(p) && !near(p))).toEqual([]);
    const svg = sized(1200, 675, "print");
    expect(svg).toMatch(/<path d="[^"]+" fill="none" stroke="[^"]+" stroke-width="[^"]+"\/>/);
    expect(svg).not.toContain('clip-path="url(#map-sphere)"');
    const noData = /<pattern id="no-data"[\s\S]*?<\/pattern>/.exec(svg)?.[0] ?? "";
    // Rings: no category's pattern draws an unfilled circle.
    expect(noData).toMatch(/<circle[^>]*fill="none"/);
    for (const p of svg.match(/<pattern id="print-\d+"[\s\S]*?<\/pattern>/g) ?? []) expect(p).not.toMatch(/<circle[^>]*fill="none"/);
  });
});
