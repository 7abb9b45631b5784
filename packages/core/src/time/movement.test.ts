import { describe, expect, it } from "vitest";
import { changesBetween, lagBetween, sequenceOf } from "./movement";

const P = "posture";
const categories = [
  { key: "formal-recognition", order: 1, label: "Formal recognition" },
  { key: "diplomatic-engagement", order: 2, label: "Diplomatic engagement" },
  { key: "limited-engagement", order: 3, label: "Limited engagement" },
  { key: "active-opposition", order: 5, label: "Active opposition" },
];
const russia = [
  { id: "r0", actor: "russia", topic: P, category: "active-opposition", validFrom: "1996", attested: "2025-07-06" },
  {
    id: "r1",
    actor: "russia",
    topic: P,
    category: "limited-engagement",
    validFrom: "2017",
    attested: "2025-07-06",
    qualifiers: ["listed"],
  },
  {
    id: "r2",
    actor: "russia",
    topic: P,
    category: "diplomatic-engagement",
    validFrom: "2021-08-15",
    attested: "2025-07-03",
    qualifiers: ["listed"],
  },
  { id: "r3", actor: "russia", topic: P, category: "diplomatic-engagement", validFrom: "2025-04", attested: "2025-07-03", qualifiers: [] },
  { id: "r4", actor: "russia", topic: P, category: "formal-recognition", validFrom: "2025-07-03", attested: "2025-07-03" },
];
const china = { id: "c1", actor: "china", topic: P, category: "diplomatic-engagement", validFrom: "2023", attested: "2023-12-13" };
const pakistan = { id: "p1", actor: "pakistan", topic: P, category: "diplomatic-engagement", attested: "2025-07-03" };
const aff = {
  id: "a1",
  actor: "aff",
  topic: P,
  category: "active-opposition",
  validFrom: "2021-08-15/2025-07-05",
  attested: "2025-07-05",
};
const all = [...russia, china, pakistan, aff];

const between = (from: string, to: string, stances = all) => changesBetween({ stances, topic: P, categories, from, to });
const of = (r: ReturnType<typeof between>, actor: string) => r.actors.find((a) => a.actor === actor);

describe("changesBetween: who moved between two dates", () => {
  it("lists Russia's move to formal recognition, with its step and evidence record", () => {
    const r = between("2025-04-01", "2025-07-03");
    const ru = of(r, "russia");
    expect(ru?.movement).toBe("toward-first");
    expect(ru?.shift).toBe(-1);
    expect(ru?.after?.stance.id).toBe("r4");
    expect(ru?.steps.map((s) => [s.date, s.to?.id, s.straddles])).toEqual([
      ["2025-04", "r3", true],
      ["2025-07-03", "r4", false],
    ]);
    expect(r.actors[0]?.actor).toBe("russia");
  });

  it("never lists an attested-only posture as a change", () => {
    const r = between("2025-04-01", "2025-07-03");
    expect(of(r, "pakistan")?.movement).toBe("attested-only");
    expect(r.counts["attested-only"]).toBe(1);
    expect(of(r, "china")?.movement).toBe("unchanged");
  });

  it("is uncertain when an imprecise date straddles a chosen date and the answer depends on it", () => {
    // Russia's 2017 move (limited engagement) is dated only to the year: on 2017-06-01 it may not have happened.
    const r = between("2017-06-01", "2018-01-01");
    expect(of(r, "russia")?.movement).toBe("uncertain");
    expect(of(r, "russia")?.because).toMatch(/2017/);
    // Whether or not it had happened by 2017-06-01, by 2021-09-01 Russia had moved toward recognition.
    expect(of(between("2017-06-01", "2021-09-01"), "russia")?.movement).toBe("toward-first");
    expect(of(between("2018-01-01", "2021-09-01"), "russia")?.movement).toBe("toward-first");
  });

  it("keeps the category when only qualifiers changed, and calls it requalified", () => {
    expect(of(between("2025-05-01", "2025-06-01"), "russia")?.movement).toBe("unchanged");
    expect(of(between("2024-01-01", "2025-06-01"), "russia")?.movement).toBe("requalified");
  });

  it("a stance whose start is known only as a period is uncertain inside it", () => {
    expect(of(between("2020-01-01", "2023-01-01"), "aff")?.movement).toBe("uncertain");
    expect(of(between("2023-01-01", "2025-07-06"), "aff")?.because).toMatch(/^changed between 15 August 2021 and 5 July 2025, /);
    expect(of(between("2020-01-01", "2025-07-06"), "aff")?.movement).toBe("new");
  });

  it("ends and new stances", () => {
    const ended = [{ ...china, id: "c2", validUntil: "2024-02-01" }];
    expect(of(between("2024-01-01", "2024-03-01", ended), "china")?.movement).toBe("ended");
    expect(of(between("2022-01-01", "2024-01-01", ended), "china")?.movement).toBe("new");
    expect(of(between("2023-06-01", "2024-01-01", ended), "china")?.movement).toBe("uncertain");
    expect(of(between("2024-01-01", "2024-01-31", [china]), "china")?.movement).toBe("unchanged");
    expect(between("2022-01-01", "2022-02-01", [china]).actors).toEqual([]);
  });

  it("refuses from after to", () => {
    expect(() => between("2025-07-03", "2025-04-01")).toThrow(RangeError);
  });

  it("counts every movement once", () => {
    const r = between("2021-01-01", "2025-07-06");
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(r.actors.length);
  });
});

describe("sequenceOf: who followed whom", () => {
  const reactions = [
    { id: "pk", actor: "pakistan", target: { event: "recognition" }, date: "2025-07-03/2025-07-05", attested: "2025-07-05" },
    { id: "mao", actor: "mao-ning", target: { event: "recognition" }, date: "2025-07-03/2025-07-04", attested: "2025-07-04" },
    { id: "old", actor: "russia", target: { actor: "iea" }, date: "2003", attested: "2025-07-06" },
  ];
  const events = [{ slug: "recognition", date: "2025-07-03", actors: ["russia", "iea"] }];
  const seq = sequenceOf({
    stances: all,
    topic: P,
    categories,
    reactions,
    events,
    affiliationOf: (a) => (a === "mao-ning" ? "china" : undefined),
  });

  it("takes the first move to the scale's first category as the reference", () => {
    expect(seq.reference).toMatchObject({ actor: "russia", date: "2025-07-03", category: "formal-recognition", chosen: "first-to-top" });
  });

  it("lists the reference actor first with its steps since 1996, then actors by when their first fact after it is known", () => {
    expect(seq.rows[0]?.actor).toBe("russia");
    expect(seq.rows[0]?.moves.map((m) => m.date)).toEqual(["1996", "2017", "2021-08-15", "2025-04", "2025-07-03"]);
    expect(seq.rows.map((r) => r.actor)).toEqual(["russia", "pakistan", "aff", "china"]);
    expect(seq.rows[1]?.first).toMatchObject({ kind: "attested", date: "2025-07-03", lag: { days: 0 } });
    expect(seq.rows[3]?.first).toBeNull();
  });

  it("links reactions to the reference, credited to the row a speaker belongs to", () => {
    expect(seq.links.map((l) => [l.actor, l.via, l.lag.min, l.lag.max])).toEqual([
      ["pakistan", undefined, 0, 2],
      ["china", "mao-ning", 0, 1],
    ]);
  });

  it("takes a chosen reference, and says why there is none", () => {
    const chosen = sequenceOf({ stances: all, topic: P, categories, reference: { actor: "china", date: "2023-05-01" } });
    expect(chosen.reference).toMatchObject({ actor: "china", date: "2023", chosen: "chosen" });
    const none = sequenceOf({ stances: [pakistan], topic: P, categories });
    expect(none.reference).toBeNull();
    expect(none.reason).toMatch(/no move/i);
  });

  it("gives lags as ranges when dates are imprecise", () => {
    expect(lagBetween("2025-07-03", "2025-07")).toEqual({ days: -2, min: -2, max: 28 });
  });
});
