import { describe, expect, it } from "vitest";
import { allotWidths, stanceSteps, thinTicks } from "./stance-steps";

const categories = [
  // Deliberately out of order: the bands follow `order`, not the array.
  { key: "limited-engagement", label: "Limited engagement", order: 3, colour: "#009E73" },
  { key: "formal-recognition", label: "Formal recognition", order: 1, colour: "#0072B2" },
  { key: "active-opposition", label: "Active opposition", order: 5, colour: "#D55E00" },
  { key: "diplomatic-engagement", label: "Diplomatic engagement without recognition", order: 2, colour: "#56B4E9" },
  { key: "conditional-non-recognition", label: "Conditional non-recognition", order: 4, colour: "#E69F00" },
];
const topic = "posture";
const russia = [
  { id: "r-2025", actor: "russia", topic, category: "formal-recognition", validFrom: "2025-07-03", attested: "2025-07-03" },
  { id: "r-2017", actor: "russia", topic, category: "limited-engagement", validFrom: "2017-01-01", attested: "2017-01-01" },
  { id: "r-2021", actor: "russia", topic, category: "diplomatic-engagement", validFrom: "2021-08-15", attested: "2021-08-15" },
  // Someone else's stance and another topic's: never drawn.
  { id: "c-2023", actor: "china", topic, category: "diplomatic-engagement", validFrom: "2023-01-01", attested: "2023-01-01" },
  { id: "r-other", actor: "russia", topic: "other", category: "welcomed", validFrom: "2025-07-03", attested: "2025-07-03" },
];
const base = { categories, stances: russia, actor: "russia", topic, from: "2016-01-01", to: "2026-11-22", width: 1000, height: 200 };

describe("stance steps", () => {
  it("gives Russia three steps in date order, on the bands of their categories, the last reaching the end", () => {
    const layout = stanceSteps(base);
    expect(layout.segments.map((s) => s.stance.id)).toEqual(["r-2017", "r-2021", "r-2025"]);
    expect(layout.segments.map((s) => s.from)).toEqual(["2017-01-01", "2021-08-15", "2025-07-03"]);

    // Five bands of 40px, in scale order: formal recognition at the top, active opposition at the bottom.
    expect(layout.bands.map((b) => b.key)).toEqual([
      "formal-recognition",
      "diplomatic-engagement",
      "limited-engagement",
      "conditional-non-recognition",
      "active-opposition",
    ]);
    expect(layout.bands.map((b) => b.y)).toEqual([0, 40, 80, 120, 160]);
    expect(layout.segments.map((s) => s.y)).toEqual([100, 60, 20]);
    expect(layout.segments.map((s) => s.colour)).toEqual(["#009E73", "#56B4E9", "#0072B2"]);

    const [first, second, last] = layout.segments as [
      (typeof layout.segments)[0],
      (typeof layout.segments)[0],
      (typeof layout.segments)[0],
    ];
    expect(first.x0).toBeGreaterThan(0);
    expect(first.x1).toBeCloseTo(second.x0, 6);
    expect(second.x1).toBeCloseTo(last.x0, 6);
    expect(first.x0).toBeLessThan(second.x0);
    expect(second.x0).toBeLessThan(last.x0);
    expect(last.until).toBeNull();
    expect(last.toEnd).toBe(true);
    expect(last.x1).toBe(1000);
    expect(first.toEnd).toBe(false);
    expect(first.until).toBe("2021-08-15");

    // Time is linear by default: 2021-08-15 sits where its share of the range puts it.
    const share = (Date.parse("2021-08-15") - Date.parse("2016-01-01")) / (Date.parse("2026-11-22") - Date.parse("2016-01-01"));
    expect(second.x0).toBeCloseTo(1000 * share, 3);
    expect(layout.widened).toBe(false);

    // Risers join each step to the next where the category changes.
    expect(layout.risers).toEqual([
      { x: second.x0, y0: 100, y1: 60 },
      { x: last.x0, y0: 60, y1: 20 },
    ]);
  });

  it("ends a stance at its validUntil and clips steps to the range", () => {
    const ended = [
      { id: "a", actor: "x", topic, category: "active-opposition", validFrom: "2001-01-01", attested: "2001-01-01" },
      {
        id: "b",
        actor: "x",
        topic,
        category: "limited-engagement",
        validFrom: "2018-01-01",
        attested: "2018-01-01",
        validUntil: "2020-01-01",
      },
    ];
    const layout = stanceSteps({ ...base, stances: ended, actor: "x", from: "2016-01-01", to: "2024-01-01" });
    expect(layout.segments.map((s) => [s.stance.id, s.until, s.toEnd])).toEqual([
      ["a", "2018-01-01", false],
      ["b", "2020-01-01", false],
    ]);
    // The first step starts before the range: it is drawn from the left edge.
    expect(layout.segments[0]?.x0).toBe(0);
    // After 2020 there is no stance: the last step stops well short of the right end.
    expect(layout.segments[1]?.x1).toBeCloseTo(500, 0);
  });

  it("widens a short step to the minimum width, keeps the order and says the axis is not to scale", () => {
    const layout = stanceSteps({ ...base, from: "1996-01-01", to: "2025-09-01", minStepWidth: 80 });
    const widths = layout.segments.map((s) => s.x1 - s.x0);
    expect(widths[2]).toBeCloseTo(80, 6);
    expect(widths.reduce((a, b) => a + b, 0) + (layout.segments[0]?.x0 ?? 0)).toBeCloseTo(1000, 6);
    expect(layout.widened).toBe(true);
    expect(layout.segments[2]?.x1).toBe(1000);
    const linear = stanceSteps({ ...base, from: "1996-01-01", to: "2025-09-01" });
    expect((linear.segments[2]?.x1 ?? 0) - (linear.segments[2]?.x0 ?? 0)).toBeLessThan(10);
  });

  it("labels ticks by year, keeps them apart and clear of the right end", () => {
    const layout = stanceSteps({ ...base, minTickGap: 90 });
    expect(layout.ticks.length).toBeGreaterThanOrEqual(3);
    expect(layout.ticks.map((t) => t.label)).toContain("2020");
    for (const [i, t] of layout.ticks.entries()) {
      if (i > 0) expect(t.x - (layout.ticks[i - 1]?.x ?? 0)).toBeGreaterThanOrEqual(90);
      expect(1000 - t.x).toBeGreaterThanOrEqual(90);
    }
  });

  it("draws nothing for an actor without stances, but keeps the bands", () => {
    const layout = stanceSteps({ ...base, actor: "nobody" });
    expect(layout.segments).toEqual([]);
    expect(layout.bands).toHaveLength(5);
  });
});

describe("helpers", () => {
  it("allots widths in proportion, with minimums for marked intervals", () => {
    expect(allotWidths([1, 1, 2], [true, true, true], 100, 0)).toEqual([25, 25, 50]);
    const w = allotWidths([98, 1, 1], [true, true, false], 100, 10);
    expect(w[1]).toBe(10);
    expect(w[2]).toBeLessThan(10);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });

  it("thins ticks greedily", () => {
    const ticks = [0, 10, 30, 60, 95].map((x) => ({ x }));
    expect(thinTicks(ticks, 25, 100).map((t) => t.x)).toEqual([0, 30, 60]);
  });
});
