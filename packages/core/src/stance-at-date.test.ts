import { describe, expect, it } from "vitest";
import { stanceAsOf, stancesAsOf } from "./stance-at-date";
import { stanceHistory } from "./stance-history";

const russia = [
  { id: "r1", actor: "russia", topic: "posture", category: "limited-engagement", validFrom: "2017-01-01" },
  { id: "r2", actor: "russia", topic: "posture", category: "diplomatic-engagement", validFrom: "2021-08-15" },
  { id: "r3", actor: "russia", topic: "posture", category: "formal-recognition", validFrom: "2025-07-03" },
  { id: "other-topic", actor: "russia", topic: "reaction", category: "welcomed", validFrom: "2025-07-03" },
];

describe("stanceAsOf", () => {
  it("takes the latest stance at or before the date, never a later one", () => {
    expect(stanceAsOf(russia, "russia", "posture", "2025-07-02")?.stance.id).toBe("r2");
    expect(stanceAsOf(russia, "russia", "posture", "2025-07-03")?.stance.id).toBe("r3");
    expect(stanceAsOf(russia, "russia", "posture", "2030-01-01")?.stance.id).toBe("r3");
  });

  it("has no stance before the first one and reports the stance's age in days", () => {
    expect(stanceAsOf(russia, "russia", "posture", "2016-12-31")).toBeNull();
    expect(stanceAsOf(russia, "russia", "posture", "2021-08-25")?.ageDays).toBe(10);
    expect(stanceAsOf(russia, "russia", "posture", "2025-07-03")?.ageDays).toBe(0);
  });

  it("treats validUntil as exclusive and does not fall back to an older stance after it", () => {
    const ended = [
      { actor: "a", topic: "t", validFrom: "2020-01-01", validUntil: "2020-06-01", id: "old" },
      { actor: "a", topic: "t", validFrom: "2021-01-01", validUntil: "2021-02-01", id: "new" },
    ];
    expect(stanceAsOf(ended, "a", "t", "2021-01-31")?.stance.id).toBe("new");
    expect(stanceAsOf(ended, "a", "t", "2021-02-01")).toBeNull();
    expect(stanceAsOf(ended, "a", "t", "2020-08-01")).toBeNull();
  });

  it("answers for every actor at once the same as one at a time", () => {
    const many = [...russia, { id: "c1", actor: "china", topic: "posture", category: "diplomatic-engagement", validFrom: "2023-01-01" }];
    const all = stancesAsOf(many, "posture", "2024-01-01");
    expect([...all.keys()].sort()).toEqual(["china", "russia"]);
    expect(all.get("russia")?.stance.id).toBe(stanceAsOf(many, "russia", "posture", "2024-01-01")?.stance.id);
  });
});

describe("stanceHistory", () => {
  it("orders an actor's stances into steps that end where the next begins", () => {
    const steps = stanceHistory([...russia].reverse(), "russia", "posture");
    expect(steps.map((s) => [s.stance.id, s.from, s.until])).toEqual([
      ["r1", "2017-01-01", "2021-08-15"],
      ["r2", "2021-08-15", "2025-07-03"],
      ["r3", "2025-07-03", null],
    ]);
  });
});

describe("StanceIndex", () => {
  it("answers every actor and date exactly as stanceAsOf does", async () => {
    const { StanceIndex } = await import("./stance-index");
    const stances = [
      ...russia,
      { id: "x1", actor: "x", topic: "posture", category: "a", validFrom: "2020-01-01", validUntil: "2020-06-01" },
      { id: "x2", actor: "x", topic: "posture", category: "b", validFrom: "2022-01-01" },
    ];
    const index = new StanceIndex(stances, "posture");
    for (const actor of ["russia", "x", "nobody"]) {
      for (const date of [
        "2016-01-01",
        "2017-01-01",
        "2020-03-01",
        "2020-06-01",
        "2021-08-15",
        "2023-05-05",
        "2025-07-02",
        "2025-07-03",
        "2030-01-01",
      ]) {
        expect(index.asOf(actor, date)?.stance.id ?? null, `${actor} ${date}`).toBe(
          stanceAsOf(stances, actor, "posture", date)?.stance.id ?? null,
        );
      }
    }
  });
});
