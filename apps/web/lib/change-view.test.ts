import { MOVEMENT_COLOURS } from "@stancemap/charts";
import { changesBetween } from "@stancemap/core/model";
import { describe, expect, it } from "vitest";
import { addDays, changeGroups, changeRange, countsSentence, emptySentence, movementCells, movementFill } from "./change-view";
import { categories, P, stance } from "./testing/stances";

const russia = [
  stance({ id: "r0", actor: "russia", category: "active-opposition", validFrom: "1996", attested: "2025-07-06" }),
  stance({ id: "r2", actor: "russia", category: "diplomatic-engagement", validFrom: "2021-08-15", attested: "2025-07-03" }),
  stance({ id: "r4", actor: "russia", category: "formal-recognition", validFrom: "2025-07-03", attested: "2025-07-03" }),
];
const pakistan = stance({ id: "p1", actor: "pakistan", category: "diplomatic-engagement", attested: "2025-07-03" });
const china = stance({ id: "c1", actor: "china", category: "diplomatic-engagement", validFrom: "2023", attested: "2023-12-13" });
const all = [...russia, pakistan, china];
const actors = [
  { slug: "russia", name: "Russia" },
  { slug: "pakistan", name: "Pakistan" },
  { slug: "china", name: "China" },
  { slug: "nato", name: "NATO" },
];

describe("changeRange: the two dates compared", () => {
  it("keeps the URL's dates, and swaps them when the start is after the end", () => {
    expect(changeRange({ from: "2025-04-01", to: "2025-07-03", stances: all, topic: P })).toMatchObject({
      from: "2025-04-01",
      to: "2025-07-03",
      fromBasis: "url",
      swapped: false,
    });
    expect(changeRange({ from: "2025-07-03", to: "2025-04-01", stances: all, topic: P })).toMatchObject({
      from: "2025-04-01",
      to: "2025-07-03",
      swapped: true,
    });
  });

  it("defaults to the day before the latest dated move on or before the later date", () => {
    expect(changeRange({ from: null, to: "2026-12-06", stances: all, topic: P })).toMatchObject({
      from: "2025-07-02",
      fromBasis: "before-latest-move",
      latest: { actor: "russia", date: "2025-07-03" },
    });
    // Before the recognition, the latest dated move is China's (2023: from its first day).
    expect(changeRange({ from: null, to: "2025-01-01", stances: all, topic: P })).toMatchObject({
      from: "2022-12-31",
      latest: { actor: "china" },
    });
  });

  it("falls back to a year earlier when no move is dated by then, never on an attestation", () => {
    expect(changeRange({ from: null, to: "2025-07-03", stances: [pakistan], topic: P })).toMatchObject({
      from: "2024-07-03",
      fromBasis: "year-before",
    });
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("movementCells and changeGroups", () => {
  const changes = changesBetween({ stances: all, topic: P, categories, from: "2025-04-01", to: "2025-07-03" });

  it("colours Russia's move toward recognition, and Pakistan's attested-only posture in its own grey", () => {
    const cells = movementCells({ changes, actors, scale: categories, noDataFill: "var(--nodata)" });
    expect(cells.get("russia")).toMatchObject({
      key: "toward-first",
      fill: MOVEMENT_COLOURS["toward-first"],
      label: "Moved toward formal recognition",
    });
    expect(cells.get("pakistan")).toMatchObject({ key: "attested-only", fill: MOVEMENT_COLOURS["attested-only"] });
    expect(cells.get("china")?.key).toBe("unchanged");
    expect(cells.get("nato")).toMatchObject({ since: null, reason: "No stance recorded on either date." });
  });

  it("lists changes apart from attested-only and unchanged actors, and filters by the legend's toggles", () => {
    const g = changeGroups(changes);
    expect(g.changed.map((m) => m.actor)).toEqual(["russia"]);
    expect(g.attested.map((m) => m.actor)).toEqual(["pakistan"]);
    expect(g.unchanged.map((m) => m.actor)).toEqual(["china"]);
    expect(changeGroups(changes, new Set(["attested-only"])).changed).toEqual([]);
  });

  it("counts the movements in words above the map, and dims only the greys in dark mode", () => {
    expect(countsSentence(changes, categories)).toBe(
      "1 moved toward formal recognition; 1 attested only (start not stated, not a change), 1 unchanged.",
    );
    expect(movementFill("toward-first")).toBe(MOVEMENT_COLOURS["toward-first"]);
    expect(movementFill("attested-only")).toBe(`var(--mv-attested-only, ${MOVEMENT_COLOURS["attested-only"]})`);
  });

  it("says so when nothing changed, with the counts of what did not (an attestation held on both dates is unchanged)", () => {
    const none = changesBetween({ stances: all, topic: P, categories, from: "2025-07-04", to: "2025-12-31" });
    expect(changeGroups(none).changed).toEqual([]);
    expect(emptySentence(none)).toBe(
      "No actor changed stance between 4 July 2025 and 31 December 2025 (3 unchanged, 0 attested only: their start is not stated).",
    );
  });
});
