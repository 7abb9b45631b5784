import { topicMapAt } from "@stancemap/core";
import { describe, expect, it } from "vitest";
import { cellsOf } from "./choropleth";
import { luminance, textOn } from "./palette";
import { projectWorld } from "./world";

const categories = [
  { key: "formal-recognition", label: "Formal recognition", order: 1, colour: "#0072B2" },
  { key: "diplomatic-engagement", label: "Diplomatic engagement", order: 2, colour: "#56B4E9" },
];
const actors = [
  { slug: "russia", name: "Russia", kind: "state", isoNumeric: "643" },
  { slug: "germany", name: "Germany", kind: "state", isoNumeric: "276" },
];
const stances = [
  { actor: "russia", topic: "p", category: "diplomatic-engagement", validFrom: "2021-08-15" },
  { actor: "russia", topic: "p", category: "formal-recognition", validFrom: "2025-07-03" },
];
const gaps = [{ actor: "germany", topic: "p", note: "Only deportations are mentioned." }];

describe("choropleth cells", () => {
  it("colours Russia as formal recognition from 3 July 2025 and not on 2 July", () => {
    const at = (date: string) => cellsOf(topicMapAt({ topic: "p", categories, actors, stances, gaps, date })).get("russia");
    expect(at("2025-07-02")).toMatchObject({ key: "diplomatic-engagement", fill: "#56B4E9", since: "2021-08-15" });
    expect(at("2025-07-03")).toMatchObject({ key: "formal-recognition", fill: "#0072B2", ageDays: 0 });
  });

  it("gives a no-data state the no-data fill and the editors' note", () => {
    const cells = cellsOf(topicMapAt({ topic: "p", categories, actors, stances, gaps, date: "2025-07-03" }), "#cccccc");
    expect(cells.get("germany")).toMatchObject({ key: "no-data", fill: "#cccccc", note: gaps[0]?.note });
  });
});

describe("world geometry", () => {
  it("projects one path per country feature, with Russia and Afghanistan among them", () => {
    const world = projectWorld(960);
    expect(world.features.length).toBeGreaterThan(170);
    const ids = new Set(world.features.map((f) => f.id));
    for (const id of ["643", "004", "156", "586", "840", "364", "784", "860", "634", "276"]) expect(ids, id).toContain(id);
    expect(world.features.every((f) => f.d.startsWith("M"))).toBe(true);
    expect(projectWorld(960)).toBe(world);
  });

  it("has a marker position for small states missing at 110m, such as Bahrain and Singapore", () => {
    const world = projectWorld(960);
    const at110 = new Set(world.features.map((f) => f.id));
    expect(at110.has("048")).toBe(false);
    expect(world.points["048"]).toMatchObject({ name: "Bahrain" });
    expect(world.points["702"]).toBeDefined();
  });
});

describe("palette", () => {
  it("picks readable text on a fill", () => {
    expect(textOn("#0072B2")).toBe("#ffffff");
    expect(textOn("#F0E442")).toBe("#000000");
    expect(luminance("#ffffff")).toBeCloseTo(1);
  });
});
