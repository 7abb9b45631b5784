import { sequenceOf } from "@stancemap/core/model";
import { describe, expect, it } from "vitest";
import type { CompactStance } from "./dashboard-data";
import { lagText, rowSegments, rowSentence, sequenceScale, sequenceSummary, spanOf, summarySentence } from "./sequence-view";
import { categories, P, stance } from "./testing/stances";

const stances = [
  stance({ id: "r0", actor: "russia", category: "active-opposition", validFrom: "1996", attested: "2025-07-06" }),
  stance({ id: "r2", actor: "russia", category: "diplomatic-engagement", validFrom: "2021-08-15", attested: "2025-07-03" }),
  stance({ id: "r3", actor: "russia", category: "diplomatic-engagement", validFrom: "2025-04", attested: "2025-07-03", qualifiers: ["x"] }),
  stance({ id: "r4", actor: "russia", category: "formal-recognition", validFrom: "2025-07-03", attested: "2025-07-03" }),
  stance({ id: "p1", actor: "pakistan", category: "diplomatic-engagement", attested: "2025-07-03" }),
  stance({ id: "u1", actor: "uzbekistan", category: "diplomatic-engagement", attested: "2025-07-06" }),
  stance({ id: "a1", actor: "aff", category: "active-opposition", validFrom: "2021-08-15/2025-07-05", attested: "2025-07-05" }),
  stance({ id: "c1", actor: "china", category: "diplomatic-engagement", validFrom: "2023", attested: "2023-12-13" }),
];
const seq = sequenceOf({ stances, topic: P, categories });
const label = (k: string) => categories.find((c) => c.key === k)?.label ?? k;

describe("lagText", () => {
  it("says a lag in days, as a range when either date is imprecise", () => {
    expect(lagText({ days: 0, min: 0, max: 0 })).toBe("same day");
    expect(lagText({ days: 1, min: 1, max: 1 })).toBe("+1 day");
    expect(lagText({ days: 3, min: 3, max: 3 })).toBe("+3 days");
    expect(lagText({ days: 0, min: 0, max: 2 })).toBe("0–2 days");
    expect(lagText({ days: -1418, min: -1418, max: 2 })).toBe("−1,418 to +2 days");
    expect(lagText({ days: 0, min: 0, max: 2_900_000 })).toBe("0 days or later");
  });
});

describe("sequenceScale: history and the days after, meeting at the reference", () => {
  const days = stances.map((s) => (s.validFrom ?? s.attested).slice(0, 10).padEnd(10, "-01-01").slice(0, 10));
  const scale = sequenceScale({
    reference: "2025-07-03",
    days: ["1996-01-01", "2025-07-06", ...days.filter((d) => /\d{4}-\d{2}-\d{2}/.test(d))],
    width: 1000,
  });

  it("puts history left of the break and the days after right of it, in order", () => {
    expect(scale.earliest).toBe("1996-01-01");
    const xs = ["1996-01-01", "2017-01-01", "2021-08-15", "2025-04-01"].map(scale.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(xs.every((x) => x < scale.beforeEnd)).toBe(true);
    expect(scale.x("2025-07-03")).toBeGreaterThanOrEqual(scale.afterStart);
    expect(scale.x("2025-07-06")).toBeGreaterThan(scale.x("2025-07-04"));
    expect(scale.x("2025-07-06")).toBeLessThanOrEqual(1000);
  });

  it("keeps the three months before the reference readable beside 29 years (log-ish, not linear)", () => {
    const threeMonths = scale.x("2025-07-02") - scale.x("2025-04-01");
    // Linear, April–July 2025 would be under 1% of the history panel; here it is more than a fifth.
    expect(threeMonths / scale.beforeEnd).toBeGreaterThan(0.2);
  });

  it("labels ticks with dates, the history's start with its year, and the days after as +N", () => {
    const before = scale.ticks.filter((t) => t.panel === "before").map((t) => t.label);
    expect(before[0]).toBe("1996");
    expect(before.every((l) => /^(\d{4}|[A-Z][a-z]{2} \d{4})$/.test(l))).toBe(true);
    expect(scale.ticks.filter((t) => t.panel === "after").map((t) => t.label)).toContain("day 0");
    const xs = scale.ticks.map((t) => t.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it("splits a date window across the break", () => {
    expect(spanOf(scale, "2021-08-15/2025-07-05")).toHaveLength(2);
    expect(spanOf(scale, "2025-04")).toHaveLength(1);
  });

  it("draws each stance as a level from its start to the next one's", () => {
    const own = stances.filter((s) => s.actor === "russia");
    const segs = rowSegments(scale, own);
    expect(segs.map((s) => s.category)).toEqual([
      "active-opposition",
      "diplomatic-engagement",
      "diplomatic-engagement",
      "formal-recognition",
    ]);
    expect(segs[0]?.x1).toBe(segs[1]?.x0);
    expect(rowSegments(scale, [stances[4] as CompactStance])[0]?.attested).toBe(true);
  });
});

describe("sequenceSummary: honest about today's data", () => {
  it("counts movers, loosely dated moves, attested-only actors and actors with nothing after", () => {
    const s = sequenceSummary(seq);
    expect(s).toEqual({ moved: [], straddling: ["aff"], attested: ["pakistan", "uzbekistan"], nothingAfter: ["china"] });
    expect(summarySentence(s, "Russia’s move")).toBe(
      "0 actors moved after Russia’s move; 1 actor's move is dated too loosely to say whether before or after it; 2 are attested only after it (their start is not stated, so not a move); 1 has nothing recorded after it.",
    );
  });

  it("describes a row in words, for its accessible name", () => {
    const ru = seq.rows[0];
    const uz = seq.rows.find((r) => r.actor === "uzbekistan");
    if (!ru || !uz) throw new Error("rows missing");
    expect(rowSentence(ru, "Russia", label, true)).toMatch(
      /^Russia, the reference: 4 dated moves \(1996: Active opposition; .*3 July 2025: Formal recognition\)\.$/,
    );
    expect(rowSentence(uz, "Uzbekistan", label, false)).toBe(
      "Uzbekistan: Diplomatic engagement attested by 6 July 2025 (+3 days after the reference); the start is not stated; no dated move.",
    );
  });
});
