import { describe, expect, it } from "vitest";
import {
  arrowPath,
  boundaryDistance,
  edgeColour,
  edgeGeometry,
  edgePath,
  fitTransform,
  hashString,
  nodeRadiusScale,
  nodeShape,
  parallelBends,
  placeLabels,
  reactionCounts,
  SHAPE_BY_KIND,
  SHAPE_LEGEND,
  seededPosition,
  shapePath,
  shapeVertices,
  truncateLabel,
  UNKNOWN_SENTIMENT_COLOUR,
  wrapLabel,
} from "./network";
import { KIND_NAMES, SENTIMENT_COLOURS, SENTIMENT_LABELS } from "./palette";
import { textWidth } from "./text/metrics";

const polygonArea = (v: [number, number][]) => {
  let a = 0;
  for (let i = 0; i < v.length; i++) {
    const [x0, y0] = v[i] as [number, number];
    const [x1, y1] = v[(i + 1) % v.length] as [number, number];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
};

describe("node encodings", () => {
  it("gives each kind of actor its shape and events their own", () => {
    expect(nodeShape("person")).toBe("circle");
    expect(nodeShape("state")).toBe("square");
    expect(nodeShape("organisation")).toBe("diamond");
    expect(nodeShape("bloc")).toBe("diamond");
    expect(nodeShape("group")).toBe("triangle");
    expect(nodeShape("civil-society")).toBe("triangle");
    expect(nodeShape("event")).toBe("hexagon");
    expect(nodeShape("something-new")).toBe("circle");
    // Events share their shape with no actor kind.
    const actorShapes = Object.entries(SHAPE_BY_KIND)
      .filter(([k]) => k !== "event")
      .map(([, s]) => s);
    expect(actorShapes).not.toContain("hexagon");
    // Every shape in use is in the legend.
    expect(new Set(Object.values(SHAPE_BY_KIND))).toEqual(new Set(SHAPE_LEGEND.map((l) => l.shape)));
  });

  it("sizes nodes by the square root of their activity", () => {
    const r = nodeRadiusScale(16, [4, 20]);
    expect(r(0)).toBe(4);
    expect(r(16)).toBe(20);
    expect(r(4)).toBeCloseTo(4 + 16 * 0.5);
    expect(r(100)).toBe(20); // clamped
    expect(r(1)).toBeLessThan(r(2));
    // Area, not radius, is proportional: a node with 4× the activity is not 4× as wide.
    expect(r(16) / r(4)).toBeLessThan(2);
    // No reactions at all does not divide by zero.
    expect(nodeRadiusScale(0, [4, 20])(0)).toBe(4);
  });

  it("draws every shape with the area of the circle of the same radius", () => {
    for (const shape of ["square", "diamond", "triangle", "hexagon"] as const) {
      expect(polygonArea(shapeVertices(shape, 10))).toBeCloseTo(Math.PI * 100, 6);
    }
    expect(shapeVertices("circle", 10)).toEqual([]);
    expect(shapePath("square", 10, 100, 50)).toMatch(/^M91\.14,41\.14L108\.86,41\.14L108\.86,58\.86L91\.14,58\.86Z$/);
    expect(shapePath("circle", 5, 0, 0)).toBe("M5,0A5,5 0 1 1 -5,0A5,5 0 1 1 5,0Z");
  });

  it("finds the outline along any direction", () => {
    expect(boundaryDistance("circle", 10, 3, 4)).toBe(10);
    const half = (10 * Math.sqrt(Math.PI)) / 2;
    expect(boundaryDistance("square", 10, 1, 0)).toBeCloseTo(half);
    expect(boundaryDistance("square", 10, 1, 1)).toBeCloseTo(half * Math.SQRT2);
    const diag = 10 * Math.sqrt(Math.PI / 2);
    expect(boundaryDistance("diamond", 10, 0, -1)).toBeCloseTo(diag);
    expect(boundaryDistance("diamond", 10, 1, 1)).toBeCloseTo(diag / Math.SQRT2);
    // A triangle pointing up: its apex is farther than its flat bottom side.
    expect(boundaryDistance("triangle", 10, 0, -1)).toBeGreaterThan(2 * boundaryDistance("triangle", 10, 0, 1) - 1e-9);
  });
});

describe("edges", () => {
  it("colours edges by sentiment from the shared palette", () => {
    expect(edgeColour("critical")).toBe(SENTIMENT_COLOURS.critical);
    expect(edgeColour("supportive")).toBe("#009E73");
    expect(edgeColour("unheard-of")).toBe("#8a8f98");
  });

  it("starts at the source's outline and puts the arrow's tip on the target's outline", () => {
    const source = { x: 0, y: 0, r: 10, shape: "circle" as const };
    const target = { x: 100, y: 0, r: 20, shape: "square" as const };
    const g = edgeGeometry(source, target, { arrowLength: 8, arrowWidth: 6, gap: 0 });
    expect(g).not.toBeNull();
    if (!g) return;
    expect(g.x1).toBeCloseTo(10);
    expect(g.y1).toBeCloseTo(0);
    const half = (20 * Math.sqrt(Math.PI)) / 2;
    expect(g.tip[0]).toBeCloseTo(100 - half);
    expect(g.tip[1]).toBeCloseTo(0);
    // The line stops at the arrowhead's base, so it does not poke through the tip.
    expect(g.x2).toBeCloseTo(100 - half - 8);
    // The head points at the target: both base corners behind the tip, symmetric, 6 apart.
    expect(g.left[0]).toBeCloseTo(g.x2);
    expect(Math.abs(g.left[1] - g.right[1])).toBeCloseTo(6);
    expect(g.left[1] + g.right[1]).toBeCloseTo(0);
    expect(edgePath(g)).toBe("M10,0Q50,0 74.28,0");
    expect(arrowPath(g)).toMatch(/^M82\.28,0L74\.28,-?3L74\.28,-?3Z$/);
  });

  it("keeps a gap between the tip and the outline when asked, whatever the direction", () => {
    const source = { x: 0, y: 0, r: 6, shape: "triangle" as const };
    const target = { x: 60, y: 80, r: 12, shape: "circle" as const };
    const g = edgeGeometry(source, target, { gap: 2 });
    if (!g) throw new Error("expected an edge");
    expect(Math.hypot(g.tip[0] - 60, g.tip[1] - 80)).toBeCloseTo(14);
  });

  it("bends an edge to one side and still ends on the outline", () => {
    const a = { x: 0, y: 0, r: 5, shape: "circle" as const };
    const b = { x: 100, y: 0, r: 5, shape: "circle" as const };
    const up = edgeGeometry(a, b, { bend: 0.2, gap: 0 });
    const back = edgeGeometry(b, a, { bend: 0.2, gap: 0 });
    if (!up || !back) throw new Error("expected edges");
    expect(up.cy).toBeCloseTo(20);
    expect(back.cy).toBeCloseTo(-20); // the same bend, the other way round, curves to the other side
    expect(Math.hypot(up.tip[0] - 100, up.tip[1])).toBeCloseTo(5);
    expect(up.tip[1]).toBeGreaterThan(0);
  });

  it("gives no edge when overlapping nodes leave no room for the arrow", () => {
    const a = { x: 0, y: 0, r: 10, shape: "circle" as const };
    const b = { x: 15, y: 0, r: 10, shape: "circle" as const };
    expect(edgeGeometry(a, b)).toBeNull();
  });

  it("draws a self-reaction as a loop above the node", () => {
    const a = { x: 0, y: 0, r: 10, shape: "circle" as const };
    const g = edgeGeometry(a, a, { gap: 0 });
    if (!g) throw new Error("expected a loop");
    expect(g.c2).not.toBeNull();
    expect(g.cy).toBeLessThan(-10);
    expect(Math.hypot(g.tip[0], g.tip[1])).toBeCloseTo(10);
    expect(edgePath(g)).toContain("C");
  });

  it("fans out parallel edges and leaves lone ones straight", () => {
    const bends = parallelBends(
      [
        { id: "a", source: "x", target: "y" },
        { id: "b", source: "y", target: "x" },
        { id: "c", source: "x", target: "z" },
        { id: "d", source: "x", target: "w" },
        { id: "e", source: "x", target: "w" },
        { id: "f", source: "x", target: "w" },
      ],
      0.2,
    );
    expect(bends.get("c")).toBe(0);
    // Reciprocal edges: equal and opposite in their own frames, so on opposite sides of the line.
    expect(bends.get("a")).toBeCloseTo(-0.1);
    expect(bends.get("b")).toBeCloseTo(-0.1);
    const a = edgeGeometry({ x: 0, y: 0, r: 1, shape: "circle" }, { x: 10, y: 0, r: 1, shape: "circle" }, { bend: bends.get("a") ?? 0 });
    const b = edgeGeometry({ x: 10, y: 0, r: 1, shape: "circle" }, { x: 0, y: 0, r: 1, shape: "circle" }, { bend: bends.get("b") ?? 0 });
    expect(a?.cy).toBeCloseTo(-1);
    expect(b?.cy).toBeCloseTo(1);
    // Three in the same direction ("x" → "w", against the pair's canonical order): one straight, two either side.
    expect([bends.get("d"), bends.get("e"), bends.get("f")].map((v) => Math.round((v ?? 9) * 10) / 10)).toEqual([0.2, 0, -0.2]);
  });
});

describe("layout helpers", () => {
  it("seeds positions by id only, inside the disc", () => {
    const a = seededPosition("actor:fawzia-koofi", 100);
    expect(seededPosition("actor:fawzia-koofi", 100)).toEqual(a);
    expect(seededPosition("actor:russia", 100)).not.toEqual(a);
    expect(seededPosition("actor:fawzia-koofi", 100, 2)).not.toEqual(a);
    for (let i = 0; i < 200; i++) {
      const [x, y] = seededPosition(`n${i}`, 50);
      expect(Math.hypot(x, y)).toBeLessThanOrEqual(50);
    }
    expect(hashString("abc")).toBe(hashString("abc"));
    expect(hashString("abc")).not.toBe(hashString("abd"));
  });

  it("fits a drawing into the viewport, centred, without over-enlarging", () => {
    const t = fitTransform({ x0: -100, y0: -50, x1: 100, y1: 50 }, 440, 240, 20, 5);
    expect(t.k).toBeCloseTo(2);
    expect(t.x).toBeCloseTo(220);
    expect(t.y).toBeCloseTo(120);
    const small = fitTransform({ x0: 0, y0: 0, x1: 10, y1: 10 }, 800, 600, 20, 2);
    expect(small.k).toBe(2);
    expect(small.x + 5 * small.k).toBeCloseTo(400);
  });

  it("places labels beside their nodes, most important first, never overlapping", () => {
    const candidates = [
      { id: "big", x: 0, y: 0, r: 10, text: "Russia recognises", priority: 10 },
      { id: "near", x: 40, y: 0, r: 5, text: "Pakistan", priority: 1 },
      { id: "far", x: 0, y: 200, r: 5, text: "Fawzia Koofi", priority: 2 },
    ];
    const placed = placeLabels(candidates, { fontSize: 10 });
    const byId = new Map(placed.map((p) => [p.id, p]));
    // To the right, "Russia recognises" would run over the node at x = 40: it goes to the left.
    expect(byId.get("big")).toMatchObject({ anchor: "end", x: -13.5, y: 0 });
    expect(byId.get("far")).toMatchObject({ anchor: "start", x: 8.5, y: 200 });
    expect(byId.get("near")).toMatchObject({ anchor: "start", x: 48.5 });
    for (const a of placed) {
      for (const b of placed) {
        if (a === b) continue;
        expect(a.box.x0 < b.box.x1 && b.box.x0 < a.box.x1 && a.box.y0 < b.box.y1 && b.box.y0 < a.box.y1).toBe(false);
      }
      for (const c of candidates) {
        if (c.id === a.id) continue;
        expect(a.box.x0 < c.x + c.r && c.x - c.r < a.box.x1 && a.box.y0 < c.y + c.r && c.y - c.r < a.box.y1).toBe(false);
      }
    }
  });

  it("sizes a multi-line label's box by its longest line and its number of lines", () => {
    const [p] = placeLabels([{ id: "m", x: 0, y: 0, r: 10, text: "Russia recognises the\nIslamic Emirate", priority: 1 }], {
      fontSize: 10,
      gap: 2,
    });
    expect(p?.lines).toEqual(["Russia recognises the", "Islamic Emirate"]);
    // The longest line's advance in Noto Sans at 10 px.
    expect(p?.box.x1).toBeCloseTo(12 + textWidth("Russia recognises the", 10));
    expect(textWidth("Russia recognises the", 10)).toBeGreaterThan(textWidth("Islamic Emirate", 10));
    expect((p?.box.y1 ?? 0) - (p?.box.y0 ?? 0)).toBeCloseTo(2 * 12 + 1);
  });

  it("drops a label that has no free spot, and respects the maximum", () => {
    const crowd = [
      { id: "a", x: 0, y: 0, r: 5, text: "Alpha", priority: 2 },
      { id: "b", x: 0, y: 0.5, r: 5, text: "Beta", priority: 1 },
    ];
    // b's right is taken by a's label; left, below and above are covered by other nodes.
    const walls = [
      { x: -30, y: 0, r: 20 },
      { x: 0, y: 30, r: 20 },
      { x: 0, y: -30, r: 20 },
    ];
    const placed = placeLabels(crowd, { fontSize: 10, obstacles: [...crowd, ...walls] });
    expect(placed.map((p) => p.id)).toEqual(["a"]);
    expect(placeLabels(crowd, { fontSize: 10 }).map((p) => p.id)).toEqual(["a", "b"]);
    expect(placeLabels(crowd, { fontSize: 10, max: 1 })).toHaveLength(1);
  });

  it("shortens long labels at a word and counts reactions in words", () => {
    expect(truncateLabel("Russia recognises the Islamic Emirate of Afghanistan", 30)).toBe("Russia recognises the…");
    expect(truncateLabel("Pakistan", 30)).toBe("Pakistan");
    expect(truncateLabel("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
    expect(wrapLabel("Russia recognises the Islamic Emirate of Afghanistan")).toEqual([
      "Russia recognises the",
      "Islamic Emirate of",
      "Afghanistan",
    ]);
    expect(wrapLabel("Ministry of Foreign Affairs of the Islamic Emirate of Afghanistan", 22, 2)).toEqual([
      "Ministry of Foreign",
      "Affairs of the…",
    ]);
    expect(wrapLabel("Pakistan")).toEqual(["Pakistan"]);
    expect(wrapLabel("")).toEqual([]);
    expect(wrapLabel("Supercalifragilisticexpialidocious rocks", 10, 2)).toEqual(["Supercali…", "rocks"]);
    expect(reactionCounts(1, 0)).toBe("1 reaction given, 0 received");
    expect(reactionCounts(2, 5)).toBe("2 reactions given, 5 received");
  });
});

describe("lookups with names from a URL", () => {
  it("a kind or sentiment named constructor or __proto__ gets the fallback, never an inherited function", () => {
    for (const key of ["constructor", "__proto__", "toString"]) {
      expect(nodeShape(key)).toBe("circle");
      expect(edgeColour(key)).toBe(UNKNOWN_SENTIMENT_COLOUR);
      expect(KIND_NAMES[key]).toBeUndefined();
      expect(SENTIMENT_LABELS[key]).toBeUndefined();
    }
  });
});
