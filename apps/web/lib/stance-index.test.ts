import { describe, expect, it } from "vitest";
import { decodeStanceIndex, encodeStanceIndex, STANCE_INDEX_FORMAT, type StanceIndexData } from "./stance-index";
import { actor, P, stance } from "./testing/stances";

const data: StanceIndexData = {
  topic: P,
  revision: 7,
  actors: [
    actor("china", { iso3: "CHN", isoNumeric: "156", region: "Asia", names: [{ name: "中国", lang: "zh", dir: "ltr" }] }),
    actor("fawzia-koofi", { kind: "person", affiliation: "china", aliases: [{ name: "Koofi", kind: "alias" }] }),
    actor("russia", { iso3: "RUS", isoNumeric: "643" }),
  ],
  gaps: [{ actor: "china", note: "Not known before 2023.", validUntil: "2023" }],
  stances: [
    stance({ id: "c1", actor: "china", category: "diplomatic-engagement", validFrom: "2023", attested: "2023-12-13" }),
    stance({
      id: "r0",
      actor: "russia",
      category: "active-opposition",
      validFrom: "1996",
      attested: "2025-07-06",
      validUntil: "2021-08~",
      qualifiers: ["terrorist-listing", "sanctions"],
      quote: "“A quote”, with a comma",
      speaker: "Zamir Kabulov, envoy",
      publisher: "TASS",
      sources: ["tass-1", "icwa"],
      confidence: "medium",
    }),
    stance({
      id: "r4",
      actor: "russia",
      category: "formal-recognition",
      validFrom: "2025-07-03",
      attested: "2025-07-03",
      sources: ["icwa"],
    }),
    stance({ id: "k1", actor: "fawzia-koofi", category: "active-opposition", attested: "2025-07-03", quote: "" }),
  ],
};

describe("the stance index", () => {
  it("decodes to the stances, actors and notes it was made from", () => {
    const encoded = encodeStanceIndex(data);
    expect(encoded.format).toBe(STANCE_INDEX_FORMAT);
    expect(decodeStanceIndex(encoded)).toEqual(data);
  });

  it("survives JSON, as it travels", () => {
    expect(decodeStanceIndex(JSON.parse(JSON.stringify(encodeStanceIndex(data))))).toEqual(data);
  });

  it("keeps each repeated value once", () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      stance({ id: `s${i}`, actor: "russia", category: "formal-recognition", attested: "2025-07-03", publisher: "TASS" }),
    );
    const encoded = encodeStanceIndex({ ...data, stances: many });
    expect(encoded.strings.filter((s) => s === "TASS")).toHaveLength(1);
    expect(JSON.stringify(encoded).length).toBeLessThan(JSON.stringify(many).length / 4);
  });

  it("refuses a stance of an actor it does not list", () => {
    expect(() => encodeStanceIndex({ ...data, stances: [stance({ id: "x", actor: "nobody", category: "c", attested: "2025" })] })).toThrow(
      /nobody/,
    );
  });

  it("refuses another format", () => {
    expect(() => decodeStanceIndex({ ...encodeStanceIndex(data), format: "other" as typeof STANCE_INDEX_FORMAT })).toThrow(/version/);
  });
});
