import { describe, expect, it } from "vitest";
import { stanceHistory } from "../stance-history";
import { StanceIndex } from "../stance-index";
import { countsFrom, describeHolding, gapReason, reactionCountsFrom, stanceAt, stanceChanges, stancesAt } from "./holding";
import { detectDateForm, upgradeLegacyRecord } from "./legacy";

const P = "posture";
const russia = [
  { id: "r1", actor: "russia", topic: P, category: "limited-engagement", validFrom: "2017", attested: "2017", qualifiers: ["listed"] },
  {
    id: "r2",
    actor: "russia",
    topic: P,
    category: "diplomatic-engagement",
    validFrom: "2021-08-15",
    attested: "2021-08-15",
    qualifiers: ["listed"],
  },
  { id: "r3", actor: "russia", topic: P, category: "diplomatic-engagement", validFrom: "2025-04", attested: "2025-04", qualifiers: [] },
  { id: "r4", actor: "russia", topic: P, category: "formal-recognition", validFrom: "2025-07-03", attested: "2025-07-03" },
  { id: "other-topic", actor: "russia", topic: "reaction", category: "welcomed", validFrom: "2025-07-03", attested: "2025-07-03" },
];
const china = { id: "c1", actor: "china", topic: P, category: "diplomatic-engagement", validFrom: "2023", attested: "2023-12-13" };
const pakistan = { id: "p1", actor: "pakistan", topic: P, category: "diplomatic-engagement", attested: "2025-07-03" };
const all = [...russia, china, pakistan];

describe("stanceAt: what holds at a date", () => {
  it("takes the latest stance that has started, never a later one", () => {
    expect(stanceAt(all, "russia", P, "2025-07-02")?.stance.id).toBe("r3");
    expect(stanceAt(all, "russia", P, "2025-07-03")?.stance.id).toBe("r4");
    expect(stanceAt(all, "russia", P, "2030-01-01")?.stance.id).toBe("r4");
    expect(stanceAt(all, "russia", P, "2016-12-31")).toBeNull();
  });

  it("is uncertain inside a year's window, from its first to its last day, and sure after it", () => {
    expect(stanceAt(all, "china", P, "2022-12-31")).toBeNull();
    expect(stanceAt(all, "china", P, "2023-01-01")).toMatchObject({
      uncertain: true,
      uncertainBecause: "start",
      basis: "began",
      since: "2023",
    });
    expect(stanceAt(all, "china", P, "2023-06-01")?.uncertain).toBe(true);
    expect(stanceAt(all, "china", P, "2023-12-31")?.uncertain).toBe(true);
    expect(stanceAt(all, "china", P, "2024-01-01")).toMatchObject({ uncertain: false, ageDays: 365 });
  });

  it("is uncertain inside a month's window, first and last day included", () => {
    expect(stanceAt(all, "russia", P, "2025-03-31")?.stance.id).toBe("r2");
    expect(stanceAt(all, "russia", P, "2025-04-01")).toMatchObject({ uncertain: true, stance: { id: "r3" } });
    expect(stanceAt(all, "russia", P, "2025-04-30")?.uncertain).toBe(true);
    expect(stanceAt(all, "russia", P, "2025-05-01")?.uncertain).toBe(false);
  });

  it("is sure from an exact day on, and uncertain on an approximate or uncertain one", () => {
    expect(stanceAt(all, "russia", P, "2025-07-03")?.uncertain).toBe(false);
    const approx = [{ id: "a", actor: "a", topic: P, validFrom: "2021-08~", attested: "2021-09-01" }];
    expect(stanceAt(approx, "a", P, "2021-07-31")).toBeNull();
    expect(stanceAt(approx, "a", P, "2021-08-31")?.uncertain).toBe(true);
    expect(stanceAt(approx, "a", P, "2021-09-01")?.uncertain).toBe(false);
    const maybe = [{ id: "m", actor: "m", topic: P, validFrom: "2023?", attested: "2024" }];
    expect(stanceAt(maybe, "m", P, "2023-12-31")?.uncertain).toBe(true);
    expect(stanceAt(maybe, "m", P, "2024-01-01")?.uncertain).toBe(false);
  });

  it("counts a stance with no stated start from its attestation, as attested, never before", () => {
    expect(stanceAt(all, "pakistan", P, "2025-07-02")).toBeNull();
    expect(stanceAt(all, "pakistan", P, "2025-07-03")).toMatchObject({
      basis: "attested",
      uncertain: false,
      since: "2025-07-03",
      ageDays: 0,
    });
    expect(countsFrom(pakistan)).toBe("2025-07-03");
  });

  it("spans an interval start: uncertain from its first to its last day; open end stays uncertain", () => {
    const range = [{ id: "i", actor: "i", topic: P, validFrom: "2023/2024-03", attested: "2024-03" }];
    expect(stanceAt(range, "i", P, "2022-12-31")).toBeNull();
    expect(stanceAt(range, "i", P, "2024-03-31")?.uncertain).toBe(true);
    expect(stanceAt(range, "i", P, "2024-04-01")?.uncertain).toBe(false);
    const after = [{ id: "o", actor: "o", topic: P, validFrom: "2021-08-15/..", attested: "2025-07-05" }];
    expect(stanceAt(after, "o", P, "2021-08-14")).toBeNull();
    expect(stanceAt(after, "o", P, "2025-07-05")).toMatchObject({ uncertain: true, basis: "began" });
  });

  it("ends on an exact validUntil (exclusive), is uncertain inside a coarse one, and falls back to nothing", () => {
    const ended = [
      { id: "old", actor: "a", topic: P, validFrom: "2020-01-01", attested: "2020-01-01", validUntil: "2020-06-01" },
      { id: "new", actor: "a", topic: P, validFrom: "2021-01-01", attested: "2021-01-01", validUntil: "2021-02" },
    ];
    expect(stanceAt(ended, "a", P, "2020-05-31")?.stance.id).toBe("old");
    expect(stanceAt(ended, "a", P, "2020-06-01")).toBeNull();
    expect(stanceAt(ended, "a", P, "2021-01-31")).toMatchObject({ stance: { id: "new" }, uncertain: false });
    expect(stanceAt(ended, "a", P, "2021-02-01")).toMatchObject({ uncertain: true, uncertainBecause: "end" });
    expect(stanceAt(ended, "a", P, "2021-02-28")?.uncertain).toBe(true);
    expect(stanceAt(ended, "a", P, "2021-03-01")).toBeNull();
    expect(stanceAt(ended, "a", P, "2020-08-01")).toBeNull();
  });

  it("answers every actor at once, and through the index, the same as one at a time", () => {
    const index = new StanceIndex(all, P);
    for (const date of [
      "2016-12-31",
      "2017-01-01",
      "2021-08-15",
      "2023-06-01",
      "2024-01-01",
      "2025-04-15",
      "2025-07-02",
      "2025-07-03",
      "2030-01-01",
    ]) {
      const many = stancesAt(all, P, date);
      for (const actor of ["russia", "china", "pakistan", "nobody"]) {
        const one = stanceAt(all, actor, P, date);
        expect(many.get(actor) ?? null, `${actor} ${date}`).toEqual(one);
        expect(index.asOf(actor, date), `${actor} ${date} (index)`).toEqual(one);
      }
    }
  });
});

describe("describeHolding", () => {
  it("says how sure a holding is", () => {
    const say = (actor: string, date: string) => {
      const h = stanceAt(all, actor, P, date);
      return h ? describeHolding(h, date) : null;
    };
    expect(say("china", "2024-05-01")).toBe("since 2023");
    expect(say("china", "2023-06-01")).toBe("since 2023 (uncertain on 1 June 2023: dated only to 2023)");
    expect(say("pakistan", "2025-07-03")).toBe("held by 3 July 2025 (start not stated)");
  });

  it("reads a start known only as a period as 'began between', not 'since' a range", () => {
    const front = [{ actor: "aff", topic: P, validFrom: "2021-08-15/2025-07-05", attested: "2025-07-05" }];
    const at = (date: string) => describeHolding(stanceAt(front, "aff", P, date) as NonNullable<ReturnType<typeof stanceAt>>, date);
    expect(at("2023-06-01")).toBe(
      "began between 15 August 2021 and 5 July 2025 (uncertain on 1 June 2023: the sources do not say when in that period)",
    );
    expect(at("2025-08-01")).toBe("began between 15 August 2021 and 5 July 2025");
  });
});

describe("stanceChanges", () => {
  it("lists changes of category and of qualifiers at their start, never an attested-only stance", () => {
    const changes = stanceChanges(all, P);
    expect(changes.map((c) => [c.date, c.actor, c.kind, c.qualifiersChanged])).toEqual([
      ["2017", "russia", "began", false],
      ["2021-08-15", "russia", "changed", false],
      ["2023", "china", "began", false],
      ["2025-04", "russia", "changed", true],
      ["2025-07-03", "russia", "changed", false],
    ]);
    expect(changes.filter((c) => c.date === "2025-07-03").map((c) => c.actor)).toEqual(["russia"]);
  });

  it("lists an end with nothing after it, and a later start as a new beginning", () => {
    const ended = [
      { id: "x", actor: "a", topic: P, category: "c", validFrom: "2020", attested: "2020", validUntil: "2021-03" },
      { id: "y", actor: "a", topic: P, category: "c", validFrom: "2022-05-01", attested: "2022-05-01" },
    ];
    expect(stanceChanges(ended).map((c) => [c.date, c.kind])).toEqual([
      ["2020", "began"],
      ["2021-03", "ended"],
      ["2022-05-01", "began"],
    ]);
  });
});

describe("gapReason: no data always says why", () => {
  it("uses an editor's note while its period holds", () => {
    const gap = { note: "No posture is reported before July 2025.", validUntil: "2025-07-03" };
    expect(gapReason({ actor: "pakistan", topic: P, date: "2025-07-02", stances: all, gap })).toEqual({ kind: "note", reason: gap.note });
  });

  it("derives 'before the first' and 'after the end' and 'none recorded'", () => {
    expect(gapReason({ actor: "pakistan", topic: P, date: "2025-07-02", stances: all })).toEqual({
      kind: "before-first",
      reason: "No stance recorded before 3 July 2025.",
    });
    expect(gapReason({ actor: "china", topic: P, date: "2022-12-31", stances: all }).reason).toBe("No stance recorded before 2023.");
    const ended = [{ id: "x", actor: "a", topic: P, validFrom: "2020", attested: "2020", validUntil: "2021-03" }];
    expect(gapReason({ actor: "a", topic: P, date: "2022-01-01", stances: ended })).toEqual({
      kind: "after-end",
      reason: "No stance recorded after March 2021.",
    });
    expect(gapReason({ actor: "iran", topic: P, date: "2025-07-03", stances: all }).kind).toBe("none-recorded");
    const expired = { note: "Old note.", validUntil: "2020" };
    expect(gapReason({ actor: "iran", topic: P, date: "2025-07-03", stances: all, gap: expired }).kind).toBe("none-recorded");
  });
});

describe("stanceHistory", () => {
  it("orders an actor's stances into steps that end where the next begins", () => {
    const steps = stanceHistory([...russia].reverse(), "russia", P);
    expect(steps.map((s) => [s.stance.id, s.from, s.until, s.fromDay])).toEqual([
      ["r1", "2017", "2021-08-15", "2017-01-01"],
      ["r2", "2021-08-15", "2025-04", "2021-08-15"],
      ["r3", "2025-04", "2025-07-03", "2025-04-01"],
      ["r4", "2025-07-03", null, "2025-07-03"],
    ]);
    expect(stanceHistory([pakistan], "pakistan", P)[0]).toMatchObject({ from: "2025-07-03", basis: "attested" });
  });
});

describe("the old date form", () => {
  it("is recognised and upgraded: circa stances become attested-only", () => {
    const old = { id: "s", actor: "a", topic: P, category: "c", validFrom: "2025-07-03", validFromPrecision: "circa" };
    expect(detectDateForm("stance", old)).toBe("legacy");
    expect(upgradeLegacyRecord("stance", old)).toEqual({ id: "s", actor: "a", topic: P, category: "c", attested: "2025-07-03" });
    expect(upgradeLegacyRecord("stance", { validFrom: "2023-01-01", validFromPrecision: "year" })).toEqual({
      validFrom: "2023",
      attested: "2023",
    });
    expect(upgradeLegacyRecord("event", { date: "2024-03-01", datePrecision: "month" })).toEqual({ date: "2024-03" });
    expect(upgradeLegacyRecord("reaction", { date: "2025-07-05", datePrecision: "circa" })).toEqual({ attested: "2025-07-05" });
    expect(upgradeLegacyRecord("reaction", { date: "2024-03-01", datePrecision: "month" })).toEqual({
      date: "2024-03",
      attested: "2024-03",
    });
    expect(upgradeLegacyRecord("event", { date: "2025-07-05", datePrecision: "circa" })).toEqual({ date: "2025-07-05~" });
    expect(reactionCountsFrom({ attested: "2025-07-03" })).toBe("2025-07-03");
    expect(reactionCountsFrom({ date: "2021-08/2025-07-03", attested: "2025-07-03" })).toBe("2021-08-01");
    const current = { validFrom: "2023", attested: "2023" };
    expect(detectDateForm("stance", current)).toBe("edtf");
    expect(upgradeLegacyRecord("stance", current)).toBe(current);
  });
});
