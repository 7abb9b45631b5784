import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { layoutFrame } from "./frame";
import { escapeXml } from "./svg";
import { renderTimelineSvg, type TimelineExportInput } from "./timeline-svg";

const legend = [
  { label: "Formal recognition", colour: "#0072B2", index: 0 },
  { label: "Diplomatic engagement", colour: "#56B4E9", index: 1 },
  { label: "<img src=x onerror=alert(1)>", colour: "#E69F00", index: 2 },
];
const frame = {
  title: "Posture toward the Taliban government",
  subtitle: "Events and stance changes, 2020 to 2025",
  sources: ["Indian Council of World Affairs", 'Al Jazeera & "friends"'],
  notes: "Russia recognised the government on 3 July 2025.",
  credit: "Stancemap",
  licence: "CC BY 4.0",
  revision: 7,
  permalink: "http://localhost:3000/?date=2023-07-03",
};
const events = [
  { id: "doha", date: "2020-02-29", title: "Doha Agreement signed" },
  { id: "kabul", date: "2021-08-15", title: "Taliban take Kabul" },
  { id: "airport", date: "2021-08-26", title: "Kabul airport bombing" },
  { id: "markup", date: "2022-12-20", title: "<img src=x onerror=alert(1)>" },
  { id: "russia", date: "2025-07-03", title: "Russia recognises the Islamic Emirate" },
  // Outside the axis range: not drawn.
  { id: "early", date: "2019-05-01", title: "Before the range" },
];
const stances = [
  { id: "s-ru", date: "2025-07-03", label: "Russia: formal recognition", index: 0 },
  { id: "s-cn", date: "2023-09-13", label: "China: diplomatic engagement", index: 1 },
  { id: "s-x", date: "2021-08-20", label: "Someone: <b>opposition</b>", index: 2 },
];
const base: TimelineExportInput = {
  from: "2020-01-01",
  to: "2025-12-31",
  date: "2023-07-03",
  events,
  stances,
  legend,
  frame,
  width: 1200,
  height: 675,
  theme: "light",
};
const render = (over: Partial<TimelineExportInput> = {}) => renderTimelineSvg({ ...base, ...over });

/** Every `<tag …>` with the given class, its attributes as a record. */
function elements(svg: string, tag: string, cls: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))]
    .map((m) => Object.fromEntries([...(m[1] as string).matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])))
    .filter((a) => (a.class ?? "").split(" ").includes(cls));
}
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
const translate = (t: string) => {
  const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(t);
  return { x: Number(m?.[1]), y: Number(m?.[2]) };
};
const dayShare = (d: string, from: string, to: string) =>
  (Date.parse(`${d}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`));

describe("timeline export SVG", () => {
  it("is well-formed XML of the requested size, with title, every legend entry and the source line as text", () => {
    const svg = render();
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg["@_width"]).toBe("1200");
    expect(doc.svg["@_height"]).toBe("675");
    expect(doc.svg["@_viewBox"]).toBe("0 0 1200 675");
    const all = texts(svg);
    expect(all).toContain("Posture toward the Taliban government");
    for (const label of ["Formal recognition", "Diplomatic engagement", "&lt;img src=x onerror=alert(1)&gt;"]) expect(all).toContain(label);
    expect(all.join(" ")).toContain("Source: Indian Council of World Affairs; Al Jazeera &amp; &quot;friends&quot;");
    expect(all.join(" ")).toContain("Dataset revision 7");
  });

  it("runs nothing and fetches nothing: no script, no event attributes, no external references", () => {
    for (const theme of ["light", "dark", "print"] as const) {
      const svg = render({ theme });
      expect(svg).not.toMatch(/<script/i);
      // Inside tags only: the escaped title "onerror=" in a label is text, not an attribute.
      expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(svg).not.toMatch(/href\s*=/i);
      expect(svg).not.toMatch(/url\((?!#)/);
      expect(svg).not.toContain("<img");
      expect(svg).not.toContain("<b>");
    }
  });

  it("writes titles with markup as text, in the labels and in the description", () => {
    const svg = render();
    expect(elements(svg, "text", "event-label").length).toBeGreaterThan(0);
    expect(texts(svg)).toContain(escapeXml("<img src=x onerror=alert(1)>"));
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
    expect(desc).toContain("20 December 2022, &lt;img src=x onerror=alert(1)&gt;");
    expect(desc).toContain("Someone: &lt;b&gt;opposition&lt;/b&gt;");
    expect(desc).toContain("as of 3 July 2023");
  });

  it("is deterministic", () => {
    expect(render()).toBe(render());
    expect(render({ theme: "print", width: 900, height: 900 })).toBe(render({ theme: "print", width: 900, height: 900 }));
  });

  it("draws every event in the range as a diamond inside the chart area, and none outside the range", () => {
    for (const [width, height] of [
      [1200, 675],
      [800, 800],
      [1920, 1080],
    ] as const) {
      const svg = render({ width, height });
      const body = layoutFrame(width, height, frame, legend, "light").body;
      const diamonds = elements(svg, "rect", "event");
      expect(diamonds.map((d) => d["data-id"]).sort()).toEqual(["airport", "doha", "kabul", "markup", "russia"]);
      for (const d of diamonds) {
        const { x, y } = translate(d.transform ?? "");
        expect(x).toBeGreaterThanOrEqual(body.x);
        expect(x).toBeLessThanOrEqual(body.x + body.width);
        expect(y).toBeGreaterThanOrEqual(body.y);
        expect(y).toBeLessThanOrEqual(body.y + body.height);
      }
      // In date order from left to right.
      const xOf = (id: string) => translate(diamonds.find((d) => d["data-id"] === id)?.transform ?? "").x;
      expect(xOf("doha")).toBeLessThan(xOf("kabul"));
      expect(xOf("kabul")).toBeLessThan(xOf("markup"));
      expect(xOf("markup")).toBeLessThan(xOf("russia"));
    }
  });

  it("puts the cursor at the 'as of' date on the axis, labelled with it", () => {
    for (const date of ["2023-07-03", "2020-01-01", "2025-12-31"]) {
      const svg = render({ date });
      const axis = elements(svg, "line", "axis")[0] ?? {};
      const cursor = elements(svg, "line", "cursor")[0] ?? {};
      const x1 = Number(axis.x1);
      const x2 = Number(axis.x2);
      expect(Number(cursor.x1)).toBeCloseTo(x1 + (x2 - x1) * dayShare(date, base.from, base.to), 1);
      expect(cursor.x2).toBe(cursor.x1);
    }
    expect(texts(render())).toContain("As of 3 July 2023");
    expect(texts(render({ date: "2021-08-15" }))).toContain("As of 15 August 2021");
  });

  it("places events in time along the axis", () => {
    const svg = render();
    const axis = elements(svg, "line", "axis")[0] ?? {};
    const x1 = Number(axis.x1);
    const x2 = Number(axis.x2);
    for (const d of elements(svg, "rect", "event")) {
      const event = events.find((e) => e.id === d["data-id"]);
      expect(translate(d.transform ?? "").x).toBeCloseTo(x1 + (x2 - x1) * dayShare(event?.date ?? "", base.from, base.to), 1);
    }
  });

  it("colours stance changes by category; in print, fills them with the category's pattern and outlines them", () => {
    const light = elements(render(), "circle", "stance");
    expect(Object.fromEntries(light.map((c) => [c["data-id"], c.fill]))).toEqual({
      "s-ru": "#0072B2",
      "s-cn": "#56B4E9",
      "s-x": "#E69F00",
    });
    const print = render({ theme: "print" });
    const dots = elements(print, "circle", "stance");
    expect(Object.fromEntries(dots.map((c) => [c["data-id"], c.fill]))).toEqual({
      "s-ru": "url(#print-0)",
      "s-cn": "url(#print-1)",
      "s-x": "url(#print-2)",
    });
    for (const d of dots) expect(d.stroke).toBe("#000000");
    for (const i of [0, 1, 2]) expect(print).toContain(`<pattern id="print-${i}"`);
  });

  it("prints in greys only", () => {
    const svg = render({ theme: "print" });
    expect(XMLValidator.validate(svg)).toBe(true);
    const colours = [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)].map((m) => (m[1] as string).toLowerCase());
    expect(colours.length).toBeGreaterThan(0);
    for (const hex of colours) expect(hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7), hex).toBe(true);
  });

  it("labels events with their titles when there is room", () => {
    const labels = elements(render(), "text", "event-label");
    const written = texts(render());
    for (const e of events.filter((e) => e.id !== "early")) expect(written).toContain(escapeXml(e.title));
    expect(labels.length).toBe(5);
    expect(written).not.toContain("Before the range");
  });

  it("when crowded, labels without overlap and accounts for every other event by number or in the key", () => {
    // Sixty events, several on the same day, on a small page.
    const crowded = Array.from({ length: 60 }, (_, i) => ({
      id: `e${i}`,
      date: `20${String(20 + Math.floor(i / 12)).padStart(2, "0")}-${String((i % 12) + 1).padStart(2, "0")}-${i % 3 === 0 ? "01" : "02"}`,
      title: `Event number ${i} with a title of some length`,
    }));
    const svg = render({ events: crowded, width: 800, height: 600 });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(elements(svg, "rect", "event")).toHaveLength(60);

    // Labels in the same row never overlap (at a generous estimate of the text's width).
    const labels = [...svg.matchAll(/<text class="event-label"([^>]*)>([^<]*)<\/text>/g)].map((m) => {
      const a = Object.fromEntries([...(m[1] as string).matchAll(/([\w:-]+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
      const width = (m[2] as string).length * Number(a["font-size"]) * 0.55;
      const x = Number(a.x);
      return {
        y: a.y,
        a: a["text-anchor"] === "end" ? x - width : x,
        b: a["text-anchor"] === "end" ? x : x + width,
        content: m[2] as string,
      };
    });
    expect(labels.length).toBeGreaterThan(5);
    for (const l of labels)
      for (const m of labels) if (l !== m && l.y === m.y) expect(l.b <= m.a || m.b <= l.a, `${l.content} / ${m.content}`).toBe(true);

    // Every event is written out, numbered with its number in the key, or in the key, or counted as left out.
    const titled = labels.filter((l) => !/^\d+$/.test(l.content)).length;
    const numbers = labels.filter((l) => /^\d+$/.test(l.content)).map((l) => l.content);
    const key = [...svg.matchAll(/<text class="event-key"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    for (const n of numbers) expect(key).toContain(`(${n})`);
    const inKey = (key.match(/ – /g) ?? []).length;
    const leftOut = Number(/(\d+) more, listed in the description/.exec(key)?.[1] ?? 0);
    expect(titled + inKey + leftOut).toBe(60);
    expect(titled).toBeGreaterThan(0);
  });

  it("says so when there is nothing in the range", () => {
    const svg = render({ events: [], stances: [] });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(texts(svg)).toContain("No events or stance changes between 1 January 2020 and 31 December 2025.");
    expect(elements(svg, "line", "cursor")).toHaveLength(1);
  });
});

describe("timeline export SVG: dates at their precision", () => {
  const coarse = [
    { id: "forum", date: "2022", title: "Taliban delegation attends Russia's economic forum" },
    { id: "concert", date: "2024-03", title: "ISKP attack on a Moscow concert hall" },
    { id: "kabul", date: "2021-08-15", title: "Taliban take Kabul" },
  ];
  const svg = render({ events: coarse, stances: [{ id: "cn", date: "2023", label: "China: limited engagement", index: 1 }] });

  it("writes a year-precise event as 2022 and a month-precise one as March 2024, never as their first day", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const all = `${texts(svg).join(" ")} ${svg}`;
    expect(all).toContain("2022, Taliban delegation attends Russia");
    expect(all).toContain("March 2024, ISKP attack on a Moscow concert hall");
    expect(all).toContain("2023, China: limited engagement");
    for (const wrong of ["1 Jan 2022", "1 January 2022", "1 Mar 2024", "1 March 2024", "1 January 2023"]) expect(all).not.toContain(wrong);
  });

  it("draws a year-precise event as a span over its year and an exact day as a point", () => {
    const spans = elements(svg, "rect", "event-span");
    const forum = spans.find((s) => s.class === "event-span" && s["data-id"] === "forum");
    const concert = spans.find((s) => s["data-id"] === "concert");
    expect(forum && concert).toBeTruthy();
    // A year is about twelve times as wide as a month.
    expect(Number(forum?.width) / Number(concert?.width)).toBeGreaterThan(10);
    expect(spans.some((s) => s["data-id"] === "kabul")).toBe(false);
    // The diamond of the year sits in the middle of its span.
    const diamond = elements(svg, "rect", "event").find((d) => d["data-id"] === "forum");
    const mid = Number(forum?.x) + Number(forum?.width) / 2;
    expect(translate(diamond?.transform ?? "").x).toBeCloseTo(mid, 0);
  });
});

describe("timeline export SVG: a crowded day", () => {
  const day = Array.from({ length: 6 }, (_, i) => ({ id: `d${i}`, date: "2025-07-03", title: `Event ${i} of the day` }));
  const stancesOfDay = Array.from({ length: 6 }, (_, i) => ({
    id: `s${i}`,
    date: "2025-07-03",
    label: `Actor ${i}: formal recognition`,
    index: 0,
  }));
  const svg = render({ events: day, stances: stancesOfDay, date: "2025-07-10" });

  it("stacks the marks of one day instead of drawing them on one spot, and counts what has no lane", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const at = (a: Record<string, string>) => translate(a.transform ?? "");
    const diamonds = elements(svg, "rect", "event").map(at);
    expect(new Set(diamonds.map((d) => d.y)).size).toBe(diamonds.length);
    const dots = elements(svg, "circle", "stance");
    expect(new Set(dots.map((d) => d.cy)).size).toBe(dots.length);
    const more = [...svg.matchAll(/<text class="(event|stance)-more"[^>]*>\+(\d+)<\/text>/g)];
    const counted = (kind: string) => more.filter((m) => m[1] === kind).reduce((n, m) => n + Number(m[2]), 0);
    expect(diamonds.length + counted("event")).toBe(6);
    expect(dots.length + counted("stance")).toBe(6);
    // Events with no lane are in the key; every fact is in the description.
    const key = [...svg.matchAll(/<text class="event-key"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    for (let i = 0; i < 6; i++) {
      expect(svg).toContain(`Event ${i} of the day`);
      if (!elements(svg, "rect", "event").some((d) => d["data-id"] === `d${i}`)) expect(key).toContain(`Event ${i} of the day`);
    }
  });

  it("draws the years before the split compressed, after a break in the axis", () => {
    const early = render({
      from: "1996-01-01",
      split: "2020-01-01",
      events: [...events, { id: "old", date: "2003", title: "An earlier fact" }],
    });
    expect(elements(early, "path", "axis-break")).toHaveLength(1);
    const lines = elements(early, "line", "axis");
    const brk = Number(lines[0]?.x2);
    const old = elements(early, "rect", "event").find((d) => d["data-id"] === "old");
    expect(translate(old?.transform ?? "").x).toBeLessThan(brk);
    // The detailed segment keeps most of the width.
    expect((Number(lines[1]?.x2) - Number(lines[1]?.x1)) / (Number(lines[1]?.x2) - Number(lines[0]?.x1))).toBeGreaterThan(0.8);
    expect(texts(early)).toContain("1996");
  });
});
