import { describe, expect, it } from "vitest";
import { topicMapAt } from "./topic-map";

const categories = [
  { key: "condemned", label: "Condemned", order: 4, colour: "#D55E00" },
  { key: "welcomed", label: "Welcomed", order: 1, colour: "#0072B2" },
  { key: "cautious", label: "Cautious", order: 2, colour: "#56B4E9" },
];
const actors = [{ slug: "china" }, { slug: "pakistan" }, { slug: "iran" }, { slug: "koofi" }];
const stances = [
  { actor: "china", topic: "reaction", category: "welcomed", validFrom: "2025-07-04", attested: "2025-07-04" },
  { actor: "pakistan", topic: "reaction", category: "cautious", validFrom: "2025-07-05", attested: "2025-07-05" },
  { actor: "koofi", topic: "reaction", category: "condemned", validFrom: "2025-07-05", attested: "2025-07-05" },
];

describe("topicMapAt", () => {
  it("colours each actor by its category at the date and counts the legend in scale order", () => {
    const map = topicMapAt({ topic: "reaction", categories, actors, stances, date: "2025-07-04", gaps: [] });
    expect(map.legend.map((l) => [l.key, l.count])).toEqual([
      ["welcomed", 1],
      ["cautious", 0],
      ["condemned", 0],
    ]);
    expect(map.noData).toBe(3);
    const china = map.entries.find((e) => e.actor.slug === "china");
    expect(china?.status === "stance" && china.category.colour).toBe("#0072B2");
  });

  it("gives no-data actors the editors' note when there is one", () => {
    const gaps = [{ actor: "iran", topic: "reaction", note: "The sources report no reaction from Iran." }];
    const map = topicMapAt({ topic: "reaction", categories, actors, stances, gaps, date: "2025-12-31" });
    expect(map.noData).toBe(1);
    expect(map.entries.find((e) => e.actor.slug === "iran")).toMatchObject({
      status: "no-data",
      reasonKind: "note",
      reason: gaps[0]?.note,
    });
    expect(map.legend.reduce((n, l) => n + l.count, 0) + map.noData).toBe(actors.length);
  });

  it("says why for every no-data actor, and counts uncertain, attested and qualified stances", () => {
    const mixed = [
      { actor: "china", topic: "reaction", category: "welcomed", validFrom: "2025-07", attested: "2025-07-04", qualifiers: ["q"] },
      { actor: "pakistan", topic: "reaction", category: "cautious", attested: "2025-07-05" },
    ];
    const qualifiers = [{ key: "q", label: "A qualifying fact" }];
    const at = (date: string) => topicMapAt({ topic: "reaction", categories, actors, stances: mixed, qualifiers, date });
    const july = at("2025-07-10");
    expect([july.uncertain, july.attested, july.qualifiers[0]?.count]).toEqual([1, 1, 1]);
    expect(july.entries.find((e) => e.actor.slug === "pakistan")).toMatchObject({ basis: "attested", since: "2025-07-05" });
    const before = at("2025-06-30");
    expect(before.entries.map((e) => (e.status === "no-data" ? e.reasonKind : e.status))).toEqual([
      "before-first",
      "before-first",
      "none-recorded",
      "none-recorded",
    ]);
    for (const e of before.entries) expect(e.status === "no-data" && e.reason.length > 0).toBe(true);
  });
});
