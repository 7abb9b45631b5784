import { describe, expect, it } from "vitest";
import { parseStoredRecord } from "./stored-json";

const stance = {
  id: "pakistan-posture-2025-07-03",
  actor: "pakistan",
  topic: "posture-toward-taliban-government",
  category: "limited-engagement",
  attested: "2025-07-03",
  qualifiers: [],
  confidence: "high",
  summary: "Calls it a bilateral matter.",
  evidence: [{ source: "dawn", quote: { text: "a bilateral matter", speaker: "pakistan", language: "en" } }],
};

describe("stored records with a speaker in the earlier form", () => {
  it("read a draft or snapshot's slug speaker as that actor, with nothing else changed", () => {
    const read = parseStoredRecord("stance", JSON.stringify(stance));
    expect(read).toEqual({
      ...stance,
      evidence: [{ source: "dawn", quote: { ...stance.evidence[0]?.quote, speaker: { actor: "pakistan" } } }],
    });
  });

  it("read one written before EDTF dates too, both forms upgraded", () => {
    const { attested: _, ...rest } = stance;
    const read = parseStoredRecord(
      "stance",
      JSON.stringify({ ...rest, validFrom: "2025-07-03", validFromPrecision: "circa" }),
    ) as typeof stance;
    expect(read.attested).toBe("2025-07-03");
    expect(read.evidence[0]?.quote.speaker).toEqual({ actor: "pakistan" });
  });

  it("leave a speaker with a name as it is", () => {
    const named = {
      ...stance,
      evidence: [{ source: "dawn", quote: { text: "x", speaker: { name: "Mumtaz Zahra Baloch", actor: "pakistan" }, language: "en" } }],
    };
    expect(parseStoredRecord("stance", JSON.stringify(named))).toEqual(named);
  });
});
