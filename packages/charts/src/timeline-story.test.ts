import { describe, expect, it } from "vitest";
import type { TimelineItem } from "./timeline";
import {
  factDay,
  firstStop,
  nextStop,
  playPause,
  playStops,
  stackMarks,
  storyAxis,
  storyScale,
  storyStart,
  storyTicks,
} from "./timeline-story";

const item = (id: string, date: string, kind: TimelineItem["kind"] = "event"): TimelineItem => ({ id, date, kind, label: id });

describe("the story axis", () => {
  const dates = ["1996", "2003", "2021-08-15", "2025-04", "2025-07-03", "../2025-07-03"];

  it("ends at the last dated fact plus a margin, not today, unless extended", () => {
    const axis = storyAxis(dates, "2021-08-15", "2026-12-06");
    expect(axis.lastFact).toBe("2025-07-03");
    expect(axis.end > "2025-07-03").toBe(true);
    expect(axis.end < "2026-01-01").toBe(true);
    expect(axis.extended).toBe(false);
    expect(storyAxis(dates, "2021-08-15", "2026-12-06", true)).toMatchObject({ end: "2026-12-06", extended: true });
  });

  it("takes a span's last day as the last fact, and never runs past today", () => {
    expect(storyAxis(["2025-07-03/2025"], "2021-08-15", "2026-12-06").lastFact).toBe("2025-12-31");
    expect(storyAxis(["2025-07-03"], "2021-08-15", "2025-07-10")).toMatchObject({ end: "2025-07-10", extended: true });
    // No dated fact: to today, nothing to end on.
    expect(storyAxis([], "2021-08-15", "2026-12-06")).toMatchObject({ start: "2021-08-15", split: null, end: "2026-12-06" });
  });

  it("opens an earlier segment at the new year of the first fact before the start", () => {
    expect(storyStart(dates, "2021-08-15")).toBe("1996-01-01");
    expect(storyAxis(dates, "2021-08-15", "2026-12-06")).toMatchObject({ start: "1996-01-01", split: "2021-08-15" });
    expect(storyAxis(["2022", "2025-07-03"], "2021-08-15", "2026-12-06")).toMatchObject({ start: "2021-08-15", split: null });
    // "From 2021-08-15 on" starts at its known day, not at the dawn of time.
    expect(storyStart(["2021-08-15/..", "../2025-07-03"], "2021-08-15")).toBe("2021-08-15");
  });

  it("keeps the earlier segment compact and the detailed one linear", () => {
    const axis = storyAxis(dates, "2021-08-15", "2026-12-06");
    const scale = storyScale(axis, 1000, 10);
    const brk = scale(new Date("2021-08-15T00:00:00Z"));
    expect(scale(new Date("1996-01-01T00:00:00Z"))).toBe(10);
    expect(brk - 10).toBeGreaterThanOrEqual(44);
    expect(brk - 10).toBeLessThanOrEqual(150);
    expect(scale(new Date(`${axis.end}T00:00:00Z`))).toBe(990);
    const ticks = storyTicks(scale, axis, (l) => l.length * 7);
    expect(ticks[0]?.label).toBe("1996");
    for (let i = 1; i < ticks.length; i++) expect((ticks[i]?.x ?? 0) - (ticks[i - 1]?.x ?? 0)).toBeGreaterThanOrEqual(8);
  });
});

describe("marks of one day", () => {
  const axis = { start: "2021-08-15", split: null, end: "2025-12-31" };
  const scale = storyScale(axis, 960);
  const july3 = [
    item("recognition", "2025-07-03"),
    item("credentials", "../2025-07-03"),
    item("russia", "2025-07-03", "stance"),
    item("april", "2025-04"),
  ];

  it("stacks the facts of one day in rows, one above the other, with a count badge over them", () => {
    const { marks, groups } = stackMarks(july3, scale, { gap: 10, rows: 5 });
    const day = groups.find((g) => g.items.length === 3);
    expect(day?.items.map((i) => i.id).sort()).toEqual(["credentials", "recognition", "russia"]);
    const rows = marks.filter((m) => day?.items.includes(m.item)).map((m) => m.row);
    expect(new Set(rows).size).toBe(3);
    expect(day?.badgeRow).toBeGreaterThan(Math.max(...rows));
    expect(day?.hidden).toEqual([]);
    // A lone fact has no badge.
    expect(groups.find((g) => g.items[0]?.id === "april")?.badgeRow).toBeNull();
  });

  it("never draws two marks on one spot: facts beyond the rows are counted, not drawn over", () => {
    const many = Array.from({ length: 7 }, (_, i) => item(`e${i}`, "2025-07-03"));
    const { marks, groups } = stackMarks(many, scale, { gap: 10, rows: 4 });
    expect(marks).toHaveLength(3);
    expect(new Set(marks.map((m) => m.row)).size).toBe(3);
    expect(groups[0]?.hidden).toHaveLength(4);
    expect(groups[0]?.badgeRow).toBe(3);
  });

  it("groups days that meet at a narrow width, and not at a wide one", () => {
    const near = [item("a", "2025-06-29"), item("b", "2025-07-03")];
    expect(stackMarks(near, storyScale(axis, 360), { gap: 10, rows: 5 }).groups).toHaveLength(1);
    expect(stackMarks(near, storyScale(axis, 6000), { gap: 10, rows: 5 }).groups).toHaveLength(2);
  });

  it("finds a row for a span of decades among the groups of points it covers", () => {
    const early = { start: "1979-01-01", split: "2021-08-15", end: "2026-03-21" };
    const narrow = storyScale(early, 1280);
    const facts = [
      item("insurgency", "2001/2021-08"),
      ...["1996", "1996/2000-01-18", "1996/2001", "2001", "2003", "2003", "2015~", "2017", "2017", "2021-08", "2021-08-15"].map((d, i) =>
        item(`p${i}`, d, i % 2 ? "stance" : "event"),
      ),
    ];
    const { marks, groups } = stackMarks(facts, narrow, { gap: 11, rows: 6 });
    expect(marks.map((m) => m.item.id)).toContain("insurgency");
    expect(groups.flatMap((g) => g.hidden)).toEqual([]);
    // Every badge is above its group's marks.
    for (const [i, g] of groups.entries())
      if (g.badgeRow !== null) for (const m of marks.filter((m) => m.group === i)) expect(g.badgeRow).toBeGreaterThan(m.row);
    const insurgency = marks.find((m) => m.item.id === "insurgency");
    for (const m of marks)
      if (m !== insurgency && m.x >= (insurgency?.x0 ?? 0) && m.x <= (insurgency?.x1 ?? 0)) expect(m.row).not.toBe(insurgency?.row);
  });

  it("keeps a span's row clear over all its days, and badges only overflow for the export", () => {
    const { marks, groups } = stackMarks([item("year", "2024"), item("may", "2024-05"), item("day", "2024-05-20")], scale, {
      gap: 10,
      rows: 3,
      badge: "overflow",
    });
    const year = marks.find((m) => m.item.id === "year");
    const others = marks.filter((m) => m.item.id !== "year");
    for (const o of others) expect(o.row).not.toBe(year?.row);
    expect(groups.every((g) => g.badgeRow === null)).toBe(true);
  });
});

describe("the stops of Play", () => {
  const dates = ["2025-04", "2025-07-03", "../2025-07-03", "2025-07-03/2025", "2021-08-15", "2021-08-15/..", "2022"];

  it("stops once on each dated fact's day, a coarse date on its last day", () => {
    expect(factDay("2025-04")).toBe("2025-04-30");
    expect(factDay("../2025-07-03")).toBe("2025-07-03");
    expect(factDay("2021-08-15/..")).toBe("2021-08-15");
    expect(factDay("2025-07-03/2025", "2025-07-10")).toBe("2025-07-10");
    expect(playStops(dates)).toEqual(["2021-08-15", "2022-12-31", "2025-04-30", "2025-07-03", "2025-12-31"]);
  });

  it("goes from a date to the next fact, not by a fixed number of days, and starts over past the last", () => {
    const stops = playStops(dates);
    expect(nextStop(stops, "2025-06-01")).toBe("2025-07-03");
    expect(nextStop(stops, "2025-07-03")).toBe("2025-12-31");
    expect(nextStop(stops, "2026-01-01")).toBeNull();
    expect(firstStop(stops, "2026-01-01")).toBe("2021-08-15");
    expect(firstStop([], "2026-01-01")).toBeNull();
  });

  it("pauses on a stop for a time that halves at 2x and doubles at 0.5x", () => {
    expect(playPause(2)).toBe(playPause(1) / 2);
    expect(playPause(0.5)).toBe(playPause(1) * 2);
    expect(playPause(1)).toBeGreaterThanOrEqual(2000);
  });
});
