import { topicMapAt } from "@stancemap/core";
import { describe, expect, it } from "vitest";
import { type Cell, cellSentence, cellsOf } from "./choropleth";
import { cuePattern, cuePatternId } from "./cues";
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
  { actor: "russia", topic: "p", category: "diplomatic-engagement", validFrom: "2021-08-15", attested: "2021-08-15" },
  { actor: "russia", topic: "p", category: "formal-recognition", validFrom: "2025-07-03", attested: "2025-07-03" },
];
const gaps = [{ actor: "germany", topic: "p", note: "Only deportations are mentioned." }];

describe("choropleth cells", () => {
  it("colours Russia as formal recognition from 3 July 2025 and not on 2 July", () => {
    const at = (date: string) => cellsOf(topicMapAt({ topic: "p", categories, actors, stances, gaps, date })).get("russia");
    expect(at("2025-07-02")).toMatchObject({ key: "diplomatic-engagement", fill: "#56B4E9", since: "2021-08-15" });
    expect(at("2025-07-03")).toMatchObject({ key: "formal-recognition", fill: "#0072B2", ageDays: 0 });
  });

  it("gives a no-data state the no-data fill and the editors' note as its reason", () => {
    const cells = cellsOf(topicMapAt({ topic: "p", categories, actors, stances, gaps, date: "2025-07-03" }), "#cccccc");
    expect(cells.get("germany")).toMatchObject({ key: "no-data", fill: "#cccccc", reason: gaps[0]?.note, since: null, basis: null });
  });
});

describe("choropleth cues", () => {
  const more = [
    { slug: "china", name: "China", kind: "state", isoNumeric: "156" },
    { slug: "pakistan", name: "Pakistan", kind: "state", isoNumeric: "586" },
  ];
  const held = [
    { actor: "china", topic: "p", category: "diplomatic-engagement", validFrom: "2023", attested: "2023" },
    { actor: "pakistan", topic: "p", category: "diplomatic-engagement", attested: "2025-07-03", qualifiers: ["hosts-talks"] },
  ];
  const at = (date: string) => cellsOf(topicMapAt({ topic: "p", categories, actors: more, stances: held, date }));

  it("shows China as uncertain inside 2023, certain after it, and not at all before it, with a reason", () => {
    expect(at("2023-06-01").get("china")).toMatchObject({
      key: "diplomatic-engagement",
      uncertain: true,
      basis: "began",
      since: "2023",
      describe: "since 2023 (uncertain on 1 June 2023: dated only to 2023)",
    });
    expect(at("2024-01-01").get("china")).toMatchObject({ uncertain: false, describe: "since 2023" });
    expect(at("2022-12-31").get("china")).toMatchObject({ key: "no-data", since: null, reason: "No stance recorded before 2023." });
  });

  it("counts Pakistan from its attestation, says the start is not stated, and carries its qualifiers", () => {
    const cell = at("2025-07-03").get("pakistan");
    expect(cell).toMatchObject({
      basis: "attested",
      uncertain: false,
      describe: "held by 3 July 2025 (start not stated)",
      qualifiers: ["hosts-talks"],
    });
    expect(cellSentence("Pakistan", cell as Cell)).toBe(
      "Pakistan: diplomatic engagement held by 3 July 2025 (start not stated); hosts-talks",
    );
    expect(at("2025-07-02").get("pakistan")).toMatchObject({ key: "no-data", reason: "No stance recorded before 3 July 2025." });
  });

  it("gives each cue its own pattern, and none to a plain stance", () => {
    expect(cuePatternId("#56B4E9", { uncertain: false, attested: false })).toBeNull();
    const ids = [
      cuePatternId("#56B4E9", { uncertain: true, attested: false }),
      cuePatternId("#56B4E9", { uncertain: false, attested: true }),
      cuePatternId("#56B4E9", { uncertain: true, attested: true }),
      cuePatternId("#0072B2", { uncertain: true, attested: false }),
    ];
    expect(new Set(ids).size).toBe(4);
    const uncertain = cuePattern("#56B4E9", { uncertain: true, attested: false });
    expect(uncertain?.base.opacity).toBeLessThan(1);
    expect(uncertain?.stripes).not.toBeNull();
    expect(uncertain?.dots).toBeNull();
    // Dots on a full colour are black or white, whichever reads on it.
    expect(cuePattern("#0072B2", { uncertain: false, attested: true })?.dots?.colour).toBe("#ffffff");
    expect(cuePattern("#F0E442", { uncertain: false, attested: true })?.dots?.colour).toBe("#000000");
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
