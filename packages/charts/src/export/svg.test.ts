import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { edgeColour, nodeShape, SHAPE_LEGEND, sentimentLabel } from "../network";
import { SENTIMENT_COLOURS } from "../palette";
import { projectWorld } from "../world";
import { renderActorSvg } from "./actor-svg";
import type { FrameText } from "./frame";
import { renderMapSvg } from "./map-svg";
import { renderNetworkSvg } from "./network-svg";
import { escapeXml, haloText, text, unescapeXml } from "./svg";
import type { ExportTheme } from "./themes";
import { renderTimelineSvg } from "./timeline-svg";

const frame: FrameText = {
  title: "Posture toward the Taliban government",
  subtitle: "As of 3 July 2025",
  sources: ["Indian Council of World Affairs", 'Al Jazeera & "friends"'],
  notes: "Russia recognised the government on 3 July 2025.",
  credit: "Stancemap",
  licence: "CC BY 4.0",
  revision: 7,
  permalink: "http://localhost:3000/?date=2025-07-03",
};
const legend = [
  { label: "Formal recognition", colour: "#0072B2", index: 0 },
  { label: "Diplomatic engagement", colour: "#56B4E9", index: 1 },
  { label: "Active opposition", colour: "#D55E00", index: 2 },
];
const categories = [
  { key: "formal-recognition", label: "Formal recognition", order: 1, colour: "#0072B2" },
  { key: "diplomatic-engagement", label: "Diplomatic engagement", order: 2, colour: "#56B4E9" },
  { key: "active-opposition", label: "Active opposition", order: 3, colour: "#D55E00" },
];
const world = { ...projectWorld(960), markers: [{ id: "634", x: 600, y: 140 }] };

/** A small network: two events, five actors, reactions of every sentiment, a loop. */
function network(f: FrameText, theme: ExportTheme, width: number, height: number, empty = false) {
  const names: [string, string][] = [
    ["Recognition of the Islamic Emirate", "event"],
    ["Ban on education", "event"],
    ["Russia", "state"],
    ["United Nations", "organisation"],
    ["Fawzia Koofi", "person"],
    ["Human Rights Watch", "civil-society"],
    ["European Union", "bloc"],
  ];
  const links: [number, number, string][] = [
    [2, 0, "supportive"],
    [3, 0, "concerned"],
    [4, 0, "critical"],
    [5, 1, "critical"],
    [6, 1, "critical"],
    [3, 1, "neutral"],
    [4, 2, "critical"],
    [5, 5, "neutral"],
  ];
  const nodes = names.map(([label, kind], i) => ({
    id: `n${i}`,
    type: kind === "event" ? ("event" as const) : ("actor" as const),
    label,
    short: label.replace(/ (of|on) /, "\n$1 "),
    shape: nodeShape(kind),
    r: 8 + 2 * links.filter(([s, t]) => s === i || t === i).length,
    degree: links.filter(([s, t]) => s === i || t === i).length,
  }));
  const edges = links.map(([s, t, sentiment]) => ({ s, t, sentiment, colour: edgeColour(sentiment), bend: 0 }));
  return renderNetworkSvg({
    nodes: empty ? [] : nodes,
    edges: empty ? [] : edges,
    sentiments: Object.keys(SENTIMENT_COLOURS).map((key) => ({ key, label: sentimentLabel(key), colour: edgeColour(key) })),
    shapes: SHAPE_LEGEND,
    frame: f,
    width,
    height,
    theme,
    arrowLength: 8,
    arrowWidth: 6,
    emptyMessage: "No reactions up to 3 July 2025.",
  });
}

const timeline = (f: FrameText, theme: ExportTheme, width: number, height: number) =>
  renderTimelineSvg({
    from: "2020-01-01",
    to: "2025-12-31",
    date: "2023-07-03",
    events: [
      { id: "doha", date: "2020-02-29", title: "Doha Agreement signed" },
      { id: "kabul", date: "2021-08-15", title: "Taliban take Kabul" },
      { id: "russia", date: "2025-07-03", title: "Russia recognises the Islamic Emirate" },
    ],
    stances: [{ id: "s", date: "2025-07-03", label: "Russia: formal recognition", index: 0 }],
    legend,
    frame: f,
    width,
    height,
    theme,
  });

const actor = (f: FrameText, theme: ExportTheme, width: number, height: number, empty = false) =>
  renderActorSvg({
    categories,
    stances: empty
      ? []
      : [
          {
            id: "a",
            actor: "russia",
            topic: "posture",
            category: "diplomatic-engagement",
            validFrom: "2021-08-15",
            attested: "2021-08-15",
          },
          { id: "b", actor: "russia", topic: "posture", category: "formal-recognition", validFrom: "2025-07-03", attested: "2025-07-03" },
        ],
    actor: "russia",
    topic: "posture",
    from: "2020-01-01",
    to: "2025-12-31",
    legend,
    frame: f,
    width,
    height,
    theme,
    emptyMessage: "No stance recorded for Russia on this topic.",
  });

const map = (f: FrameText, theme: ExportTheme, width: number, height: number) =>
  renderMapSvg({ world, categoryOf: { "643": 0, "156": 1, "840": null }, legend, frame: f, width, height, theme });

/** Every renderer's output, in every theme, at two sizes; the network and the actor chart also empty. */
function everyExport(f: FrameText = frame): { name: string; svg: string }[] {
  const out: { name: string; svg: string }[] = [];
  for (const theme of ["light", "dark", "print"] as const)
    for (const [width, height] of [
      [1200, 675],
      [336, 252],
    ] as const) {
      const at = `${theme} ${width}×${height}`;
      out.push(
        { name: `network ${at}`, svg: network(f, theme, width, height) },
        { name: `empty network ${at}`, svg: network(f, theme, width, height, true) },
        { name: `timeline ${at}`, svg: timeline(f, theme, width, height) },
        { name: `actor ${at}`, svg: actor(f, theme, width, height) },
        { name: `empty actor ${at}`, svg: actor(f, theme, width, height, true) },
        { name: `map ${at}`, svg: map(f, theme, width, height) },
      );
    }
  return out;
}

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

/** Every text element with the fill and stroke it is painted with: its own, else its nearest ancestor's (SVG's defaults at the root). */
function paintedTexts(svg: string) {
  const doc = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(svg) as Node[];
  const found: { fill: string; stroke: string; strokeWidth: string; attrs: Record<string, string>; content: string }[] = [];
  const walk = (nodes: Node[], fill: string, stroke: string, strokeWidth: string) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ":@");
      if (!name || name === "#text") continue;
      const a = node[":@"] ?? {};
      const f = a["@_fill"] ?? fill;
      const s = a["@_stroke"] ?? stroke;
      const w = a["@_stroke-width"] ?? strokeWidth;
      const children = node[name] as Node[];
      if (name === "text") {
        const content = children.map((c) => String(c["#text"] ?? "")).join("");
        found.push({ fill: f, stroke: s, strokeWidth: w, attrs: a, content });
      } else walk(children, f, s, w);
    }
  };
  walk(doc, "black", "none", "1");
  return found;
}

describe("escapeXml", () => {
  it("escapes markup and drops the characters XML 1.0 forbids, keeping tabs, line breaks and whole surrogate pairs", () => {
    expect(escapeXml(`<b title="x">Tom & Jerry's</b>`)).toBe("&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/b&gt;");
    expect(escapeXml("a\u0000b\u0001c\u0008d\u000be\u000cf\u000eg\u001fh")).toBe("abcdefgh");
    expect(escapeXml("tab\there\nline\r")).toBe("tab\there\nline\r");
    expect(escapeXml("x\ufffey\uffffz\ufffd")).toBe("xyz\ufffd");
    // 😀 is the pair D83D DE00: kept whole; either half alone is dropped, wherever it stands.
    expect(escapeXml("ok 😀")).toBe("ok 😀");
    expect(escapeXml("\ud83d")).toBe("");
    expect(escapeXml("a\ud83db")).toBe("ab");
    expect(escapeXml("a\ude00b\ud83d")).toBe("ab");
    expect(escapeXml("\ude00\ud83d\ude00\ud83d")).toBe("😀");
    expect(escapeXml("Kabul, 15 août 2021 — «Ordre» ١٢٣")).toBe("Kabul, 15 août 2021 — «Ordre» ١٢٣");
  });

  it("keeps every export valid XML when the data holds forbidden characters", () => {
    const bad = "\u0001\ud800\u001f\uffff";
    const f: FrameText = {
      ...frame,
      title: `Posture${bad} toward the Taliban`,
      subtitle: `As of${bad} 3 July 2025`,
      sources: [`Al Jazeera${bad}`],
      notes: `A note${bad}`,
      permalink: `http://localhost:3000/?q=${bad}`,
    };
    const renders = [
      ...everyExport(f),
      {
        name: "timeline with a title",
        svg: renderTimelineSvg({ ...timelineInput(f), events: [{ id: "e", date: "2021-01-01", title: `Event${bad}` }] }),
      },
    ];
    for (const { name, svg } of renders) {
      expect(XMLValidator.validate(svg), name).toBe(true);
      expect(svg, name).toContain('<title id="export-title">Posture toward the Taliban</title>');
    }
    // The attribute writer drops them too.
    expect(text("x", { "data-id": `a${bad}b` })).toBe('<text data-id="ab">x</text>');
  });
});

function timelineInput(f: FrameText) {
  return {
    from: "2020-01-01",
    to: "2025-12-31",
    date: "2023-07-03",
    events: [],
    stances: [],
    legend,
    frame: f,
    width: 1200,
    height: 675,
    theme: "light" as const,
  };
}

describe("text halos", () => {
  it("draws a halo as two texts at the same place: the outline alone, then the letters alone", () => {
    const out = haloText(
      "Russia & <co>",
      { class: "event-label", x: 10, y: 20.123, "text-anchor": "end", "font-size": 12, fill: "#222222" },
      { colour: "#ffffff", width: 3 },
    );
    expect(out).toBe(
      '<text class="halo" x="10" y="20.12" text-anchor="end" font-size="12" fill="none" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" aria-hidden="true">Russia &amp; &lt;co&gt;</text>' +
        '<text class="event-label" x="10" y="20.12" text-anchor="end" font-size="12" fill="#222222">Russia &amp; &lt;co&gt;</text>',
    );
    // A stroke asked of the text goes to neither: the halo is the only outline.
    const stroked = haloText(
      "x",
      { x: 1, fill: "#000000", stroke: "#ff0000", "stroke-width": 5, "paint-order": "stroke" },
      { colour: "#fff", width: 2 },
    );
    expect(stroked).not.toContain("#ff0000");
    expect(stroked).not.toContain("paint-order");
    expect(stroked.match(/stroke-width="2"/g)).toHaveLength(1);
  });

  it("no export paints letters and an outline in one text element, nor relies on paint-order", () => {
    let halos = 0;
    const haloed = new Set<string>();
    for (const { name, svg } of everyExport()) {
      expect(svg, name).not.toContain("paint-order");
      const texts = paintedTexts(svg);
      expect(texts.length, name).toBeGreaterThan(0);
      texts.forEach((t, i) => {
        const stroked = t.stroke !== "none" && Number(t.strokeWidth) > 0;
        expect(t.fill !== "none" && stroked, `${name}: "${t.content}" has fill ${t.fill} and stroke ${t.stroke}`).toBe(false);
        if (!stroked) return;
        // An outline is a halo, followed by the same text at the same place, filled.
        const next = texts[i + 1];
        expect(t.fill, name).toBe("none");
        expect(t.attrs["@_aria-hidden"], name).toBe("true");
        expect(next?.content, name).toBe(t.content);
        expect(next?.fill, name).not.toBe("none");
        expect(next?.stroke, name).toBe("none");
        for (const k of ["@_x", "@_y", "@_text-anchor", "@_font-size"]) expect(next?.attrs[k], `${name} ${k}`).toBe(t.attrs[k]);
        halos++;
        haloed.add(name.split(" ").slice(0, -2).join(" "));
      });
    }
    // The renderers that draw halos did draw some: the network's labels, the timeline's titles, the actor chart's empty message.
    expect(halos).toBeGreaterThan(0);
    expect([...haloed].sort()).toEqual(["empty actor", "network", "timeline"]);
  });
});

describe("unescapeXml", () => {
  it("undoes escapeXml, reads numeric references, and reads one past Unicode as U+FFFD", () => {
    const words = `Côte d'Ivoire & "Россия" <b> 阿富汗`;
    expect(unescapeXml(escapeXml(words))).toBe(words);
    expect(unescapeXml("&#x420;&#1086; &#x1F600; &AMP;")).toBe("Ро 😀 &");
    expect(unescapeXml("&#x110000;&#99999999999;")).toBe("\ufffd\ufffd");
    expect(unescapeXml("&unknown; &#xZZ;")).toBe("&unknown; &#xZZ;");
  });
});
