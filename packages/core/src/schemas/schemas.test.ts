import { describe, expect, it } from "vitest";
import { Actor, Dataset, IsoDate, Source, Stance, StancesQuery } from "./index";

describe("schemas", () => {
  it("rejects impossible dates and slugs with capitals", () => {
    expect(IsoDate.safeParse("2025-02-30").success).toBe(false);
    expect(IsoDate.safeParse("2025-07-03").success).toBe(true);
    expect(Actor.safeParse({ slug: "Russia", name: "Russia", kind: "group" }).success).toBe(false);
  });

  it("requires ISO codes for a state and at least one source for a stance", () => {
    const state = Actor.safeParse({ slug: "atlantis", name: "Atlantis", kind: "state" });
    expect(state.success).toBe(false);
    expect(state.error?.issues[0]?.path).toEqual(["iso3"]);
    const stance = Stance.safeParse({
      id: "x",
      actor: "russia",
      topic: "t",
      category: "c",
      validFrom: "2025-07-03",
      attested: "2025-07-03",
      confidence: "high",
      summary: "s",
      evidence: [],
    });
    expect(stance.error?.issues[0]?.path).toEqual(["evidence"]);
  });

  it("takes dates as EDTF and checks that they follow one another", () => {
    const base = { id: "x", actor: "a", topic: "t", category: "c", confidence: "high", summary: "s", evidence: [{ source: "doc" }] };
    expect(Stance.safeParse({ ...base, attested: "2025-07-03" }).success).toBe(true);
    expect(Stance.safeParse({ ...base, validFrom: "2023", attested: "2023-12-13", validUntil: "2025-04" }).success).toBe(true);
    const early = Stance.safeParse({ ...base, validFrom: "2024", attested: "2023-12-13" });
    expect(early.error?.issues.map((i) => i.path.join("."))).toEqual(["attested"]);
    const ended = Stance.safeParse({ ...base, validFrom: "2024", attested: "2024", validUntil: "2023" });
    expect(ended.error?.issues.map((i) => i.path.join("."))).toEqual(["validUntil"]);
    const bad = Stance.safeParse({ ...base, validFrom: "1 Jan 2023", attested: "2023-13", validFromPrecision: "year" });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["validFrom", "attested"]);
    expect(bad.error?.issues[0]?.message).toMatch(/^must be an EDTF date/);
  });

  it("names the bad query parameter", () => {
    const r = StancesQuery.safeParse({ topic: "posture", at: "not-a-date" });
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(["at"]);
    expect(StancesQuery.safeParse({ at: "2025-07-03" }).error?.issues[0]?.path).toEqual(["topic"]);
  });

  it("finds dangling references in a dataset", () => {
    const r = Dataset.safeParse({
      actors: [{ slug: "koofi", name: "Fawzia Koofi", kind: "person", affiliation: "nobody" }],
      topics: [],
      sources: [{ id: "doc", publisher: "P", title: "T", reliability: "r" }],
      stances: [],
      reactions: [
        {
          id: "r",
          actor: "koofi",
          target: { event: "missing" },
          date: "2025-07-05",
          attested: "2025-07-05",
          sentiment: "critical",
          summary: "s",
          confidence: "high",
          evidence: [{ source: "doc", quote: { text: "q", speaker: "koofi" } }],
        },
      ],
      events: [],
    });
    const messages = r.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain('actors.0.affiliation: unknown actor "nobody"');
    expect(messages).toContain('reactions.0.target.event: unknown event "missing"');
    // A quote may cite a source without a stored text (curated sources have none); the shipped
    // dataset's quotes are checked against their texts in packages/db.
    expect(messages).toHaveLength(2);
  });

  it("accepts only http and https addresses for a source, so no link can run script", () => {
    const source = { id: "s", publisher: "P", title: "T", reliability: "r" };
    expect(Source.safeParse({ ...source, url: "https://example.org/a" }).success).toBe(true);
    const bad = Source.safeParse({ ...source, url: "javascript:alert(1)" });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["url"], message: "must be an http or https address" });
  });

  it("refuses a source URL that is not RFC 3986, so markup never rides in a link", () => {
    const source = { id: "s", publisher: "P", title: "T", reliability: "r" };
    for (const url of [
      'https://example.org/"><img src=x>',
      "https://example.org/a b",
      "https://example.org/é",
      "https://example.org/%zz",
    ]) {
      const bad = Source.safeParse({ ...source, url });
      expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["url"]);
    }
    expect(Source.safeParse({ ...source, url: "https://example.org/a%20b?q=1&r=(2)#frag" }).success).toBe(true);
  });
});
