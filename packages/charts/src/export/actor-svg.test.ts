import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { type ActorExportInput, renderActorSvg } from "./actor-svg";
import { layoutFrame } from "./frame";
import { escapeXml } from "./svg";

const categories = [
  // Deliberately out of order: the bands follow `order`, not the array.
  { key: "limited-engagement", label: "Limited engagement", order: 3, colour: "#009E73" },
  { key: "formal-recognition", label: "Formal recognition", order: 1, colour: "#0072B2" },
  { key: "active-opposition", label: "<img src=x onerror=alert(1)>", order: 5, colour: "#D55E00" },
  { key: "diplomatic-engagement", label: "Diplomatic engagement without recognition", order: 2, colour: "#56B4E9" },
  { key: "conditional-non-recognition", label: "Conditional non-recognition", order: 4, colour: "#E69F00" },
];
const legend = [...categories].sort((a, b) => a.order - b.order).map((c, index) => ({ label: c.label, colour: c.colour, index }));
const topic = "posture";
type S = { id: string; actor: string; topic: string; category: string; validFrom: string; attested: string; validUntil?: string | null };
const russia: S[] = [
  { id: "r-2025", actor: "russia", topic, category: "formal-recognition", validFrom: "2025-07-03", attested: "2025-07-03" },
  { id: "r-2017", actor: "russia", topic, category: "limited-engagement", validFrom: "2017-01-01", attested: "2017-01-01" },
  { id: "r-2021", actor: "russia", topic, category: "diplomatic-engagement", validFrom: "2021-08-15", attested: "2021-08-15" },
  // Someone else's stance and another topic's: never drawn.
  { id: "c-2023", actor: "china", topic, category: "active-opposition", validFrom: "2023-01-01", attested: "2023-01-01" },
  {
    id: "r-other",
    actor: "russia",
    topic: "other",
    category: "conditional-non-recognition",
    validFrom: "2025-07-03",
    attested: "2025-07-03",
  },
];
const frame = {
  title: "Russia: posture toward the Taliban government",
  subtitle: "Stance history, 2016 to today",
  sources: ["Indian Council of World Affairs", 'Al Jazeera & "friends"'],
  credit: "Stancemap",
  licence: "CC BY 4.0",
  revision: 7,
  permalink: "http://localhost:3000/actors/russia",
};
const base: ActorExportInput<S> = {
  categories,
  stances: russia,
  actor: "russia",
  topic,
  from: "2016-01-01",
  to: "2026-11-22",
  legend,
  frame,
  width: 1200,
  height: 675,
  theme: "light",
  emptyMessage: "No stance recorded for Russia on this topic.",
};
const render = (over: Partial<ActorExportInput<S>> = {}) => renderActorSvg({ ...base, ...over });

/** Every `<tag …>` with the given class, its attributes as a record, in document order. */
function elements(svg: string, tag: string, cls: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))]
    .map((m) => Object.fromEntries([...(m[1] as string).matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])))
    .filter((a) => (a.class ?? "").split(" ").includes(cls));
}
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
const num = (a: Record<string, string>, k: string) => Number(a[k]);

describe("actor stance history export SVG", () => {
  it("is well-formed XML of the requested size, with title, every legend entry and the source line as text", () => {
    const svg = render();
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg["@_width"]).toBe("1200");
    expect(doc.svg["@_height"]).toBe("675");
    const all = texts(svg);
    expect(all).toContain("Russia: posture toward the Taliban government");
    for (const l of legend) expect(all).toContain(escapeXml(l.label));
    expect(all.join(" ")).toContain("Source: Indian Council of World Affairs; Al Jazeera &amp; &quot;friends&quot;");
    expect(all.join(" ")).toContain("Dataset revision 7");
  });

  it("runs nothing and fetches nothing: no script, no event attributes, no external references", () => {
    for (const theme of ["light", "dark", "print"] as const) {
      const svg = render({ theme });
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(svg).not.toMatch(/href\s*=/i);
      expect(svg).not.toMatch(/url\((?!#)/);
      expect(svg).not.toContain("<img");
    }
  });

  it("writes a category label with markup as text beside its band", () => {
    const svg = render();
    const bandLabels = [...svg.matchAll(/<text class="band-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(bandLabels).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("is deterministic", () => {
    expect(render()).toBe(render());
    expect(render({ theme: "print", width: 800, height: 800 })).toBe(render({ theme: "print", width: 800, height: 800 }));
  });

  it("draws the bands in scale order, top first, inside the chart area", () => {
    const svg = render();
    const body = layoutFrame(1200, 675, frame, legend, "light").body;
    const bands = elements(svg, "rect", "band");
    expect(bands.map((b) => b["data-category"])).toEqual([
      "formal-recognition",
      "diplomatic-engagement",
      "limited-engagement",
      "conditional-non-recognition",
      "active-opposition",
    ]);
    for (let i = 1; i < bands.length; i++) expect(num(bands[i] ?? {}, "y")).toBeGreaterThan(num(bands[i - 1] ?? {}, "y"));
    for (const b of bands) {
      expect(num(b, "x")).toBeGreaterThanOrEqual(body.x);
      expect(num(b, "x") + num(b, "width")).toBeLessThanOrEqual(body.x + body.width + 0.01);
      expect(num(b, "y")).toBeGreaterThanOrEqual(body.y);
      expect(num(b, "y") + num(b, "height")).toBeLessThanOrEqual(body.y + body.height + 0.01);
    }
  });

  it("draws one step per stance, in its category's band and colour, in date order, with risers between", () => {
    const svg = render();
    const bands = new Map(elements(svg, "rect", "band").map((b) => [b["data-category"], b]));
    const steps = elements(svg, "rect", "step");
    expect(steps.map((s) => s["data-category"])).toEqual(["limited-engagement", "diplomatic-engagement", "formal-recognition"]);
    expect(steps.map((s) => s.fill)).toEqual(["#009E73", "#56B4E9", "#0072B2"]);
    for (const s of steps) {
      const band = bands.get(s["data-category"]) ?? {};
      const middle = num(s, "y") + num(s, "height") / 2;
      expect(middle).toBeCloseTo(num(band, "y") + num(band, "height") / 2, 1);
    }
    // Each step starts where the previous one ends; the last one reaches the end of the range.
    const [first, second, last] = steps as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect(num(first, "x") + num(first, "width")).toBeCloseTo(num(second, "x"), 1);
    expect(num(second, "x") + num(second, "width")).toBeCloseTo(num(last, "x"), 1);
    const end = elements(svg, "line", "end")[0] ?? {};
    expect(num(last, "x") + num(last, "width")).toBeCloseTo(num(end, "x1"), 1);
    expect(elements(svg, "line", "riser")).toHaveLength(2);
    expect(texts(svg)).toContain("22 Nov 2026");
  });

  it("puts steps in time: linear when no step is too short, with no note", () => {
    const svg = render();
    const steps = elements(svg, "rect", "step");
    const bands = elements(svg, "rect", "band");
    const x0 = num(bands[0] ?? {}, "x");
    const w = num(bands[0] ?? {}, "width");
    const share = (d: string) => (Date.parse(d) - Date.parse(base.from)) / (Date.parse(base.to) - Date.parse(base.from));
    expect(num(steps[1] ?? {}, "x")).toBeCloseTo(x0 + w * share("2021-08-15"), 1);
    expect(elements(svg, "text", "note")).toHaveLength(0);
  });

  it("notes that the time axis is not to scale when a short step is widened", () => {
    const brief: S[] = [
      ...russia,
      { id: "r-2021b", actor: "russia", topic, category: "conditional-non-recognition", validFrom: "2021-08-01", attested: "2021-08-01" },
    ];
    const svg = render({ stances: brief });
    expect(elements(svg, "rect", "step")).toHaveLength(4);
    expect(texts(svg).join(" ")).toContain("the time axis is not to scale");
    // The widened step is at least 5% of the plot wide.
    const band = elements(svg, "rect", "band")[0] ?? {};
    const short = elements(svg, "rect", "step").find((s) => s["data-category"] === "conditional-non-recognition") ?? {};
    expect(num(short, "width")).toBeGreaterThanOrEqual(num(band, "width") * 0.05 - 0.01);
  });

  it("fills steps with the category's pattern in print, in greys only", () => {
    const svg = render({ theme: "print" });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(elements(svg, "rect", "step").map((s) => s.fill)).toEqual(["url(#print-2)", "url(#print-1)", "url(#print-0)"]);
    for (const i of [0, 1, 2, 3, 4]) expect(svg).toContain(`<pattern id="print-${i}"`);
    const colours = [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)].map((m) => (m[1] as string).toLowerCase());
    expect(colours.length).toBeGreaterThan(0);
    for (const hex of colours) expect(hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7), hex).toBe(true);
  });

  it("shows the empty message, and no step, when the actor has no stance on the topic in the range", () => {
    for (const stances of [[], russia.filter((s) => s.actor !== "russia"), russia.filter((s) => s.topic !== topic)]) {
      const svg = render({ stances });
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(elements(svg, "rect", "step")).toHaveLength(0);
      expect(texts(svg).join(" ")).toContain("No stance recorded for Russia on this topic.");
      expect(elements(svg, "rect", "band")).toHaveLength(5);
    }
    expect(texts(render()).join(" ")).not.toContain("No stance recorded");
  });

  it("sets text in real units: a wider page gives a longer axis, not larger letters", () => {
    const size = (svg: string) => new Set(elements(svg, "text", "band-label").map((t) => t["font-size"]));
    const narrow = render({ width: 1600, height: 900 });
    const wide = render({ width: 3200, height: 900 });
    expect(size(narrow)).toEqual(size(wide));
    expect(wide).not.toMatch(/scale\(/);
    const plot = (svg: string) => num(elements(svg, "rect", "band")[0] ?? {}, "width");
    expect(plot(wide)).toBeGreaterThan(plot(narrow) * 1.8);
  });
});
