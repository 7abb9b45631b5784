import { describe, expect, it } from "vitest";
import { DataGap, Stance } from "./claims";
import { RECORD_SCHEMAS } from "./curation";
import { errorMapFor } from "./messages";

const stance = {
  id: "x-2024",
  actor: "x",
  topic: "t",
  category: "c",
  attested: "2024",
  confidence: "high",
  summary: "S.",
  evidence: [{ source: "s" }],
};

describe("the one error map", () => {
  it("says Required only for an empty field, and limits in words", () => {
    const r = Stance.safeParse({ ...stance, summary: "", confidence: undefined, note: "x".repeat(2001) });
    const byPath = Object.fromEntries(r.error?.issues.map((i) => [i.path.join("."), i.message]) ?? []);
    expect(byPath).toEqual({ summary: "Required.", confidence: "Required.", note: "At most 2000 characters." });
    expect(Stance.safeParse({ ...stance, confidence: "very" }).error?.issues[0]?.message).toBe("Choose one of the options.");
  });

  it("names both fields of an order rule by their labels: the API's by default, a form's when it passes its own", () => {
    const ended = { ...stance, validFrom: "2024", validUntil: "2023" };
    expect(Stance.safeParse(ended).error?.issues[0]?.message).toBe("Valid until must be after Valid from.");
    const labels: Record<string, string> = { validFrom: "Began", validUntil: "Ended" };
    const own = Stance.safeParse(ended, { error: errorMapFor((p) => labels[String(p.at(-1))] ?? "") });
    expect(own.error?.issues[0]?.message).toBe("Ended must be after Began.");
    const gap = DataGap.safeParse({ actor: "x", topic: "t", note: "N.", validFrom: "2024-05", validUntil: "2024-01" });
    expect(gap.error?.issues[0]).toMatchObject({ path: ["validUntil"], message: "Valid until must be after Valid from." });
  });

  it("says an impossible date does not exist, wherever a date is checked", () => {
    const r = RECORD_SCHEMAS.event.safeParse({ slug: "e", title: "E", date: "2025-02-30", evidence: [{ source: "s" }] });
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ["date"], message: "30 February 2025 does not exist." })]);
  });

  it("keeps a schema's own message", () => {
    expect(Stance.safeParse({ ...stance, evidence: [] }).error?.issues[0]?.message).toBe("At least one source is required.");
  });
});

describe("every problem at once", () => {
  it("checks the order of dates even when another field is wrong", () => {
    const r = Stance.safeParse({ ...stance, summary: "", validFrom: "2024", validUntil: "2020" });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["summary", "Required."],
      ["validUntil", "Valid until must be after Valid from."],
    ]);
  });
});
