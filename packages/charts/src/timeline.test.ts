import { describe, expect, it } from "vitest";
import { changeMarks } from "./stance-changes";
import { formatDay, layoutMarks, placeDate, timelineScale } from "./timeline";

const scale = timelineScale("2021-01-01", "2025-12-31", 1000, 0);

describe("timeline marks at their precision", () => {
  it("places an exact day as a point and a year or month as a span over its days", () => {
    expect(placeDate(scale, "2025-07-03")).toMatchObject({ span: false });
    const year = placeDate(scale, "2022");
    const month = placeDate(scale, "2024-03");
    expect(year.span).toBe(true);
    expect(year.x0).toBeCloseTo(scale(new Date("2022-01-01T00:00:00Z")), 6);
    expect(year.x1).toBeCloseTo(scale(new Date("2023-01-01T00:00:00Z")), 6);
    expect(year.x).toBeCloseTo((year.x0 + year.x1) / 2, 6);
    expect(month.x1 - month.x0).toBeCloseTo(scale(new Date("2024-04-01T00:00:00Z")) - scale(new Date("2024-03-01T00:00:00Z")), 6);
    // "c. August 2021" covers its month.
    expect(placeDate(scale, "2021-08~").span).toBe(true);
  });

  it("keeps a span's lane clear to its end, and sorts by first day", () => {
    const marks = layoutMarks(
      [
        { id: "day", date: "2022-06-01", kind: "event", label: "" },
        { id: "year", date: "2022", kind: "event", label: "" },
      ],
      scale,
    );
    expect(marks.map((m) => m.id)).toEqual(["year", "day"]);
    expect(marks[1]?.lane).not.toBe(marks[0]?.lane);
  });

  it("labels axis days with the one formatter", () => {
    expect(formatDay(new Date("2025-07-03T00:00:00Z"))).toBe("3 Jul 2025");
  });
});

describe("stance change marks", () => {
  const names = {
    actor: (s: string) => s.charAt(0).toUpperCase() + s.slice(1),
    category: new Map([
      ["limited", "Limited engagement"],
      ["recognition", "Formal recognition"],
    ]),
    qualifier: new Map([["terror-listing", "Lists the Taliban as a terrorist organisation"]]),
  };
  const stances = [
    { id: "r1", actor: "russia", topic: "p", category: "limited", validFrom: "2017", attested: "2017", qualifiers: ["terror-listing"] },
    { id: "r2", actor: "russia", topic: "p", category: "limited", validFrom: "2025-04", attested: "2025-04", qualifiers: [] },
    { id: "r3", actor: "russia", topic: "p", category: "recognition", validFrom: "2025-07-03", attested: "2025-07-03" },
    { id: "p1", actor: "pakistan", topic: "p", category: "limited", attested: "2025-07-03" },
  ];

  it("names Russia's delisting and recognition as changes, and never an attested-only stance", () => {
    const marks = changeMarks(stances, "p", names);
    expect(marks.map((m) => [m.date, m.label])).toEqual([
      ["2017", "Russia: limited engagement; lists the Taliban as a terrorist organisation"],
      ["2025-04", "Russia: limited engagement; no longer lists the Taliban as a terrorist organisation"],
      ["2025-07-03", "Russia: formal recognition"],
    ]);
    expect(marks.some((m) => m.actor === "pakistan")).toBe(false);
  });
});

describe("open intervals on the timeline", () => {
  it("places a date known only as 'on or before' or 'from' at its known end, not as a bar to the edge", () => {
    expect(placeDate(scale, "../2025-07-03")).toMatchObject({ span: false, x: scale(new Date("2025-07-03T00:00:00Z")) });
    expect(placeDate(scale, "2021-08-15/..")).toMatchObject({ span: false, x: scale(new Date("2021-08-15T00:00:00Z")) });
  });
});
