// Every view, at every preset and theme, from the shipped dataset: each text measured with the font's own
// outlines (fontkit's layout of the TTF the PNG and PDF embed, independent of the renderers' table)
// stays on the page and in the chart area, overlaps no other text, and is shortened ("…") only where
// the whole text would not fit; the network's labels are crossed by no edge where the layout allows.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EXPORT_PRESETS } from "@stancemap/core/model";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import {
  edgeColour,
  nodeRadiusScale,
  nodeShape,
  parallelBends,
  polylineHitsBox,
  SHAPE_LEGEND,
  sentimentLabel,
  wrapLabel,
} from "../network";
import { KIND_NAMES, SENTIMENT_COLOURS } from "../palette";
import { shippedData } from "../testing/shipped";
import { textWidth } from "../text/metrics";
import { exportModel } from "../views";
import { mapGeometry, projectWorld } from "../world";
import { renderActorSvg } from "./actor-svg";
import { type FrameText, layoutFrame } from "./frame";
import { renderMapSvg } from "./map-svg";
import { networkPositions, renderNetworkSvg } from "./network-svg";
import type { ExportTheme } from "./themes";
import { renderTimelineSvg } from "./timeline-svg";

const here = dirname(fileURLToPath(import.meta.url));
const dataset = (name: string) => JSON.parse(readFileSync(join(here, "../../../../prisma/dataset", `${name}.json`), "utf8"));
const require = createRequire(import.meta.url);
const font = (file: string) => fontkit.openSync(require.resolve(`@expo-google-fonts/noto-sans/${file}`)) as fontkit.Font;
const regular = font("400Regular/NotoSans_400Regular.ttf");
const bold = font("700Bold/NotoSans_700Bold.ttf");

const DATE = "2025-07-03";
const TOPIC = "posture-toward-taliban-government";
const actors: { slug: string; name: string; kind: string; isoNumeric?: string }[] = dataset("actors");
const topic = (dataset("topics") as { slug: string; categories: { key: string; label: string; order: number; colour: string }[] }[]).find(
  (t) => t.slug === TOPIC,
);
if (!topic) throw new Error(`no topic ${TOPIC}`);
const categories = [...topic.categories].sort((a, b) => a.order - b.order);
const latestIndex = (slug: string) => {
  const s = stances.filter((x) => x.actor === slug && x.topic === TOPIC).at(-1);
  return s ? categories.findIndex((c) => c.key === s.category) : null;
};
const legend = categories.map((c, index) => ({ label: c.label, colour: c.colour, index }));
const stances: { id: string; actor: string; topic: string; category: string; validFrom?: string; attested: string; validUntil?: string }[] =
  dataset("stances");
const events: { slug: string; date: string; title: string }[] = dataset("events");
const reactions: {
  id: string;
  actor: string;
  target: { actor: string } | { event: string };
  date?: string;
  attested: string;
  sentiment: string;
}[] = dataset("reactions");
const nameOf = new Map(actors.map((a) => [a.slug, a.name]));
const titleOf = new Map(events.map((e) => [e.slug, e.title]));

const frame = (title: string): FrameText => ({
  title,
  subtitle: "As of 3 July 2025, from the sources in the dataset",
  sources: ["Indian Council of World Affairs", "Al Jazeera", "BBC", "DW", "Khaama Press", "Kabul Now", "The Hindu"],
  notes: "Arrows point from the actor who reacted to what it reacted to.",
  credit: "Stancemap",
  licence: "CC BY 4.0",
  revision: 12,
  permalink: "http://127.0.0.1:3000/?topic=posture-toward-taliban-government&date=2025-07-03",
});

/** The views as the exporter builds them from the dataset, for a page of `width` × `height` in `theme`. */
const world = projectWorld(960);
const sceneOf = () => {
  const shown = reactions.filter((r) => (r.date ?? r.attested).slice(0, 10) <= DATE);
  const ids = new Map<string, { label: string; kind: string; type: "actor" | "event" }>();
  const degree = new Map<string, number>();
  const targetOf = (r: (typeof shown)[number]) => ("actor" in r.target ? r.target.actor : `event:${r.target.event}`);
  for (const r of shown) {
    ids.set(r.actor, {
      label: nameOf.get(r.actor) ?? r.actor,
      kind: actors.find((a) => a.slug === r.actor)?.kind ?? "state",
      type: "actor",
    });
    const t = targetOf(r);
    const isEvent = t.startsWith("event:");
    const slug = isEvent ? t.slice(6) : t;
    ids.set(t, {
      label: isEvent ? (titleOf.get(slug) ?? slug) : (nameOf.get(slug) ?? slug),
      kind: isEvent ? "event" : (actors.find((a) => a.slug === slug)?.kind ?? "state"),
      type: isEvent ? "event" : "actor",
    });
    for (const k of [r.actor, t]) degree.set(k, (degree.get(k) ?? 0) + 1);
  }
  const radius = nodeRadiusScale(Math.max(10, ...degree.values()), [6, 26]);
  const nodes = [...ids].map(([id, n]) => ({
    id,
    type: n.type,
    label: n.label,
    short: wrapLabel(n.label, 22, 3).join("\n"),
    shape: nodeShape(n.kind),
    r: radius(degree.get(id) ?? 0),
    degree: degree.get(id) ?? 0,
  }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const bends = parallelBends(shown.map((r) => ({ id: r.id, source: r.actor, target: targetOf(r) })));
  const edges = shown.map((r) => ({
    s: index.get(r.actor) as number,
    t: index.get(targetOf(r)) as number,
    sentiment: r.sentiment,
    colour: edgeColour(r.sentiment),
    bend: bends.get(r.id) ?? 0,
  }));
  return { nodes, edges };
};
const scene = sceneOf();
const positions = networkPositions(scene);
const sentiments = Object.keys(SENTIMENT_COLOURS).map((key) => ({ key, label: sentimentLabel(key), colour: edgeColour(key) }));

// The change between two dates and the sequence, through their view models (their own frame texts).
const shipped = shippedData(TOPIC);
const changeExport = exportModel(
  "change",
  shipped,
  { topic: TOPIC, date: DATE, from: "2025-04-01" },
  mapGeometry(shipped.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : []))),
);
const sequenceExport = exportModel("sequence", shipped, { topic: TOPIC, date: DATE });
const viewOrigin = "http://127.0.0.1:3000";

const VIEWS = {
  map: (width: number, height: number, theme: ExportTheme) =>
    renderMapSvg({
      world: { ...world, markers: [] },
      categoryOf: Object.fromEntries(actors.flatMap((a) => (a.isoNumeric ? [[a.isoNumeric, latestIndex(a.slug)]] : []))),
      // The actors without territory, grouped by kind as the dashboard's badges.
      badges: [...new Set(actors.filter((a) => !a.isoNumeric).map((a) => a.kind))].map((kind) => ({
        label: KIND_NAMES[kind] ?? kind,
        badges: actors.filter((a) => !a.isoNumeric && a.kind === kind).map((a) => ({ name: a.name, index: latestIndex(a.slug) })),
      })),
      legend,
      frame: frame("Posture toward the Taliban government"),
      width,
      height,
      theme,
    }),
  network: (width: number, height: number, theme: ExportTheme) =>
    renderNetworkSvg({
      ...scene,
      positions,
      sentiments,
      shapes: SHAPE_LEGEND,
      frame: frame("Who reacted to whom"),
      width,
      height,
      theme,
      arrowLength: 8,
      arrowWidth: 6,
      emptyMessage: "No reactions up to 3 July 2025.",
    }),
  timeline: (width: number, height: number, theme: ExportTheme) =>
    renderTimelineSvg({
      from: "2021-08-15",
      to: DATE,
      date: DATE,
      events: events.map((e) => ({ id: e.slug, date: e.date, title: e.title })),
      stances: stances
        .filter((s) => s.topic === TOPIC && s.validFrom)
        .map((s) => ({
          id: s.id,
          date: s.validFrom as string,
          label: `${nameOf.get(s.actor)}: ${categories.find((c) => c.key === s.category)?.label}`,
          index: categories.findIndex((c) => c.key === s.category),
        })),
      legend,
      frame: frame("Russia and the Taliban, from the fall of Kabul to recognition"),
      width,
      height,
      theme,
    }),
  actor: (width: number, height: number, theme: ExportTheme) =>
    renderActorSvg({
      categories,
      stances: stances.filter((s) => s.actor === "russia").map((s) => ({ ...s, validUntil: s.validUntil ?? null })),
      actor: "russia",
      topic: TOPIC,
      from: "1996-01-01",
      to: DATE,
      legend,
      frame: frame("Russia: posture toward the Taliban government"),
      width,
      height,
      theme,
      emptyMessage: "No stance recorded.",
    }),
  change: (width: number, height: number, theme: ExportTheme) => changeExport.render({ width, height, theme, origin: viewOrigin }),
  sequence: (width: number, height: number, theme: ExportTheme) => sequenceExport.render({ width, height, theme, origin: viewOrigin }),
} as const;

interface Ink {
  content: string;
  cls: string;
  chart: boolean;
  x: number;
  y: number;
  size: number;
  weight: 400 | 700;
  anchor: string;
  box: { x0: number; y0: number; x1: number; y1: number };
}

const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] as string);
const attrsOf = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], unescapeXml(m[2] as string)]));

/** The ink box of `content` set at (x, y) with `anchor`, from the font's own layout and glyph outlines. */
function inkBox(content: string, x: number, y: number, size: number, weight: 400 | 700, anchor: string) {
  const run = (weight === 700 ? bold : regular).layout(content);
  const k = size / regular.unitsPerEm;
  const shift = anchor === "end" ? run.advanceWidth * k : anchor === "middle" ? (run.advanceWidth * k) / 2 : 0;
  const b = run.bbox;
  return { x0: x - shift + b.minX * k, x1: x - shift + b.maxX * k, y0: y - b.maxY * k, y1: y - b.minY * k };
}

/** Every drawn text of an export (halos left out: they repeat their text), placed as the SVG places it. */
function inks(svg: string): Ink[] {
  const out: Ink[] = [];
  const stack: { dx: number; dy: number; size?: number; chart: boolean }[] = [{ dx: 0, dy: 0, chart: false }];
  for (const m of svg.matchAll(/<(\/?)(\w+)([^>]*?)(\/?)>(?:([^<]*)<\/text>)?/g)) {
    const [, close, name, rawAttrs, selfClosing, content] = m;
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (name === "g") {
      if (close) stack.pop();
      else if (!selfClosing) {
        const a = attrsOf(rawAttrs as string);
        const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(a.transform ?? "");
        stack.push({
          dx: top.dx + Number(t?.[1] ?? 0),
          dy: top.dy + Number(t?.[2] ?? 0),
          size: a["font-size"] ? Number(a["font-size"]) : top.size,
          chart: top.chart || /\b(chart|network)\b/.test(a.class ?? ""),
        });
      }
    } else if (name === "text" && !close) {
      const a = attrsOf(rawAttrs as string);
      if (a.class === "halo") continue;
      const text = unescapeXml(content ?? "");
      const x = top.dx + Number(a.x ?? 0);
      const y = top.dy + Number(a.y ?? 0);
      const size = Number(a["font-size"] ?? top.size);
      const weight = a["font-weight"] === "700" ? 700 : 400;
      const anchor = a["text-anchor"] ?? "start";
      out.push({
        content: text,
        cls: a.class ?? "",
        chart: top.chart,
        x,
        y,
        size,
        weight,
        anchor,
        box: inkBox(text, x, y, size, weight, anchor),
      });
    }
  }
  return out;
}

const overlap = (a: Ink["box"], b: Ink["box"], tolerance = 0.25) =>
  a.x0 + tolerance < b.x1 && b.x0 + tolerance < a.x1 && a.y0 + tolerance < b.y1 && b.y0 + tolerance < a.y1;

/** Texts a shortened text may come from. */
const originals = [
  ...events.map((e) => e.title),
  ...categories.map((c) => c.label),
  ...actors.map((a) => a.name),
  ...sentiments.map((s) => s.label),
  ...SHAPE_LEGEND.map((s) => s.label),
  ...(() => {
    const f = frame("");
    return [f.subtitle, f.notes ?? "", `Source: ${f.sources.join("; ")}`];
  })(),
  "Posture toward the Taliban government",
  "Who reacted to whom",
  "Russia and the Taliban, from the fall of Kabul to recognition",
  "Russia: posture toward the Taliban government",
  ...[changeExport, sequenceExport].flatMap((m) => [m.defaults.title, m.defaults.subtitle, `Source: ${m.publishers.join("; ")}`]),
];

const cases = Object.keys(VIEWS).flatMap((view) =>
  Object.entries(EXPORT_PRESETS).flatMap(([preset, p]) =>
    (["light", "dark", "print"] as const).map((theme) => ({ view: view as keyof typeof VIEWS, preset, theme, ...p })),
  ),
);

describe("text in every export, measured with the font", () => {
  it.runIf(process.env.STANCEMAP_LOOK)("writes PNGs to look at", async () => {
    const { Resvg } = await import("@resvg/resvg-js");
    const dir = process.env.STANCEMAP_LOOK as string;
    const fontFiles = ["400Regular/NotoSans_400Regular.ttf", "700Bold/NotoSans_700Bold.ttf"].map((f) =>
      require.resolve(`@expo-google-fonts/noto-sans/${f}`),
    );
    for (const c of cases.filter((c) => c.theme === "light" && ["web", "column"].includes(c.preset))) {
      const png = new Resvg(VIEWS[c.view](c.width, c.height, c.theme), {
        font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "Noto Sans" },
      })
        .render()
        .asPng();
      writeFileSync(`${dir}/${c.view}-${c.preset}.png`, png);
    }
  });

  it("the renderers' table gives the font's own advances, kerning included", () => {
    for (const s of ["Russia recognises the Islamic Emirate of Afghanistan", "Formal recognition", "AVATAR Tŷ Москва", "15 Aug 2021"]) {
      expect(textWidth(s, 1000)).toBeCloseTo(regular.layout(s).advanceWidth, 0);
      expect(textWidth(s, 1000, 700)).toBeCloseTo(bold.layout(s).advanceWidth, 0);
    }
  });

  it.each(cases)("$view at $preset in $theme: no text overflows, overlaps or is cut where it fits", ({ view, width, height, theme }) => {
    const svg = VIEWS[view](width, height, theme);
    const texts = inks(svg);
    expect(texts.length).toBeGreaterThan(5);
    const body = layoutFrame(width, height, frame(""), [], theme).body;
    const problems: string[] = [];
    for (const t of texts) {
      const { box } = t;
      if (box.x0 < -0.5 || box.x1 > width + 0.5 || box.y0 < -0.5 || box.y1 > height + 0.5) problems.push(`off the page: "${t.content}"`);
      if (t.chart && (box.x0 < body.x - 0.5 || box.x1 > body.x + body.width + 0.5))
        problems.push(`outside the chart area: "${t.content}" ${box.x0.toFixed(1)}–${box.x1.toFixed(1)}`);
    }
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const [a, b] = [texts[i] as Ink, texts[j] as Ink];
        if (overlap(a.box, b.box)) problems.push(`"${a.content}" overlaps "${b.content}"`);
      }
    // A shortened text: its whole would leave its area or run into another text at the same place.
    for (const t of texts.filter((x) => x.content.endsWith("…"))) {
      const stem = t.content.slice(0, -1).trim();
      const source = originals.find((o) => o.includes(stem) && o !== stem);
      if (!source) {
        problems.push(`shortened text of unknown origin: "${t.content}"`);
        continue;
      }
      const whole = source.slice(source.indexOf(stem));
      const box = inkBox(whole, t.x, t.y, t.size, t.weight, t.anchor);
      const left = t.chart ? body.x : 0;
      const right = t.chart ? body.x + body.width : width;
      const fits = box.x0 >= left - 0.5 && box.x1 <= right + 0.5 && !texts.some((o) => o !== t && overlap(o.box, box));
      if (fits) problems.push(`cut though it fits: "${t.content}" (whole: "${whole}")`);
    }
    expect(problems).toEqual([]);
  });

  it.each(Object.entries(EXPORT_PRESETS))("network at %s: labels keep clear of edges where a spot allows", (preset, p) => {
    const svg = VIEWS.network(p.width, p.height, "light");
    const labels = inks(svg).filter((t) => t.chart);
    const edges = [...svg.matchAll(/<path d="(M[^"]+)" fill="none"\/>/g)].map((m) => {
      const nums = (m[1] as string).match(/-?[\d.]+/g)?.map(Number) ?? [];
      // M x1,y1 Q cx,cy x2,y2 (or C with two controls): sampled as the renderer's curve.
      const [x1, y1, ...rest] = nums as [number, number, ...number[]];
      const pts: number[] = [];
      for (let i = 0; i <= 24; i++) {
        const t = i / 24;
        const u = 1 - t;
        if (rest.length === 4) {
          const [cx, cy, x2, y2] = rest as [number, number, number, number];
          pts.push(u * u * x1 + 2 * u * t * cx + t * t * x2, u * u * y1 + 2 * u * t * cy + t * t * y2);
        } else {
          const [ax, ay, bx, by, x2, y2] = rest as [number, number, number, number, number, number];
          pts.push(
            u * u * u * x1 + 3 * u * u * t * ax + 3 * u * t * t * bx + t * t * t * x2,
            u * u * u * y1 + 3 * u * u * t * ay + 3 * u * t * t * by + t * t * t * y2,
          );
        }
      }
      return pts;
    });
    const crossed = labels.filter((l) => edges.some((e) => polylineHitsBox(e, l.box))).map((l) => l.content);
    console.log(`network at ${preset}: ${edges.length} edges drawn; label lines crossed by an edge: ${crossed.length} of ${labels.length}`);
    // A label with no clear spot beside its node (the hubs, with edges on every side; a node boxed in by
    // its neighbours' labels) takes the spot fewest edges cross, its halo keeping it legible. Placed
    // without regard to edges, 10, 10, 9, 12 and 0 lines were crossed at these presets.
    const most: Record<string, number> = { web: 3, square: 3, social: 4, a4: 3, "a4-portrait": 9, column: 0 };
    expect(crossed.length).toBeLessThanOrEqual(most[preset] ?? 0);
  });
});
