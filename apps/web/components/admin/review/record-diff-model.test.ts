import { describe, expect, it } from "vitest";
import { diffRecords, fieldLabel } from "./record-diff-model";

const stance = {
  id: "pakistan-posture",
  category: "diplomatic-engagement",
  summary: "Pakistan has appointed an ambassador to Kabul.",
  evidence: [{ source: "icwa", locator: "para 3" }, { source: "news-001" }],
};

describe("diffRecords", () => {
  it("matches evidence by source, so a source added at the end is one added item and the rest unchanged", () => {
    const after = { ...stance, category: "formal-recognition", evidence: [...stance.evidence, { source: "new-source" }] };
    const { status, fields } = diffRecords(stance, after);
    expect(status).toBe("changed");
    const category = fields.find((f) => f.key === "category");
    expect(category).toMatchObject({ kind: "value", status: "changed", before: "diplomatic-engagement", after: "formal-recognition" });
    const evidence = fields.find((f) => f.key === "evidence");
    expect(evidence?.kind).toBe("list");
    if (evidence?.kind !== "list") return;
    expect(evidence.items.map((i) => [i.label, i.status])).toEqual([
      ["Evidence: icwa", "unchanged"],
      ["Evidence: news-001", "unchanged"],
      ["Evidence: new-source", "added"],
    ]);
    expect(fields.find((f) => f.key === "summary")?.status).toBe("unchanged");
  });

  it("shows changed prose word by word", () => {
    const { fields } = diffRecords(stance, { ...stance, summary: "Pakistan has appointed an envoy to Kabul." });
    const summary = fields.find((f) => f.key === "summary");
    expect(summary?.kind).toBe("text");
    if (summary?.kind !== "text") return;
    expect(summary.parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["ambassador"]);
    expect(summary.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["envoy"]);
  });

  it("treats a missing side as a creation or a deletion", () => {
    expect(diffRecords(null, stance).status).toBe("added");
    expect(diffRecords(stance, null).status).toBe("removed");
    expect(diffRecords(stance, null).fields.every((f) => f.status === "removed")).toBe(true);
  });

  it("keeps two citations of one source apart, paired by order", () => {
    const twice = {
      ...stance,
      evidence: [
        { source: "icwa", locator: "para 3" },
        { source: "icwa", locator: "para 4" },
      ],
    };
    const moved = {
      ...stance,
      evidence: [
        { source: "icwa", locator: "para 3" },
        { source: "icwa", locator: "para 5" },
      ],
    };
    const evidence = diffRecords(twice, moved).fields.find((f) => f.key === "evidence");
    if (evidence?.kind !== "list") throw new Error("not a list");
    expect(evidence.items.map((i) => i.status)).toEqual(["unchanged", "changed"]);
  });
});

describe("a quote's speaker in a diff", () => {
  const labels = {
    actors: new Map([["pakistan", "Pakistan"]]),
    topics: new Map(),
    sources: new Map(),
    events: new Map(),
    categories: new Map(),
  };
  const quoted = (speaker: unknown) => ({ ...stance, evidence: [{ source: "icwa", quote: { text: "a bilateral matter", speaker } }] });
  const speakerOf = (fields: ReturnType<typeof diffRecords>["fields"]) => {
    const evidence = fields.find((f) => f.key === "evidence");
    const item = evidence?.kind === "list" ? evidence.items[0] : undefined;
    const quote = item?.kind === "object" ? item.fields.find((f) => f.key === "quote") : undefined;
    return quote?.kind === "object" ? quote.fields.find((f) => f.key === "speaker") : undefined;
  };

  it("reads as name and title, with the linked actor as its key; an actor's slug alone reads as the actor", () => {
    const before = quoted("pakistan");
    const after = quoted({ name: "Mumtaz Zahra Baloch", title: "Foreign Office spokesperson", actor: "pakistan" });
    expect(speakerOf(diffRecords(before, after, labels).fields)).toMatchObject({
      kind: "value",
      status: "changed",
      before: "Pakistan",
      after: "Mumtaz Zahra Baloch, Foreign Office spokesperson",
      beforeKey: "pakistan",
      afterKey: "pakistan",
    });
  });

  it("is unchanged between the earlier form and the same actor without a name", () => {
    expect(speakerOf(diffRecords(quoted("pakistan"), quoted({ actor: "pakistan" }), labels).fields)?.status).toBe("unchanged");
  });
});

describe("fieldLabel", () => {
  it("turns keys into words", () => {
    expect(fieldLabel("validFromPrecision")).toBe("Valid from precision");
    expect(fieldLabel("iso3")).toBe("ISO alpha-3 code");
  });
});

describe("dates in a diff", () => {
  it("reads a date field in words beside its stored EDTF", () => {
    const before = { id: "s", validFrom: "2023-01-01", attested: "2023-01-01" };
    const after = { id: "s", validFrom: "2023", attested: "2025-07-03", validUntil: "2021-08~" };
    const fields = diffRecords(before, after).fields;
    const field = (key: string) => fields.find((f) => f.key === key);
    expect(field("validFrom")).toMatchObject({ kind: "value", before: "1 January 2023 (2023-01-01)", after: "2023" });
    expect(field("attested")).toMatchObject({ after: "3 July 2025 (2025-07-03)" });
    expect(field("validUntil")).toMatchObject({ status: "added", after: "c. August 2021 (2021-08~)" });
    // Other text is not read as a date.
    expect(diffRecords({ summary: "2023" }, { summary: "2024" }).fields[0]).toMatchObject({ before: "2023", after: "2024" });
  });
});

describe("diffRecords with labels", () => {
  const labels = {
    actors: new Map([
      ["pakistan", "Pakistan"],
      ["russia", "Russia"],
    ]),
    topics: new Map([["posture-toward-taliban-government", "Posture toward the Taliban government"]]),
    sources: new Map([["icwa", "ICWA: Russia recognises the Taliban"]]),
    events: new Map([["russia-recognition", "Russia recognises the Taliban government"]]),
    categories: new Map([
      [
        "posture-toward-taliban-government",
        new Map([
          ["limited-engagement", "Limited engagement"],
          ["diplomatic-engagement", "Diplomatic engagement without recognition"],
        ]),
      ],
    ]),
  };
  const base = { ...stance, actor: "pakistan", topic: "posture-toward-taliban-government" };

  it("shows keys of other records by their labels, with the key kept for hover", () => {
    const { fields } = diffRecords(base, { ...base, category: "limited-engagement" }, labels);
    expect(fields.find((f) => f.key === "category")).toMatchObject({
      kind: "value",
      before: "Diplomatic engagement without recognition",
      after: "Limited engagement",
      beforeKey: "diplomatic-engagement",
      afterKey: "limited-engagement",
    });
    expect(fields.find((f) => f.key === "actor")).toMatchObject({ after: "Pakistan", afterKey: "pakistan" });
    expect(fields.find((f) => f.key === "topic")).toMatchObject({ after: "Posture toward the Taliban government" });
    const evidence = fields.find((f) => f.key === "evidence");
    if (evidence?.kind !== "list") throw new Error("evidence is a list");
    expect(evidence.items[0]).toMatchObject({ label: "Evidence: ICWA: Russia recognises the Taliban", labelKey: "icwa" });
    // A source with no label found keeps its key, and no hover.
    expect(evidence.items[1]).toMatchObject({ label: "Evidence: news-001" });
    expect(evidence.items[1]?.labelKey).toBeUndefined();
  });

  it("labels an event's actors and a reaction's target", () => {
    const event = { slug: "e", title: "An event", actors: ["pakistan"] };
    const { fields } = diffRecords(event, { ...event, actors: ["pakistan", "russia"] }, labels);
    const actors = fields.find((f) => f.key === "actors");
    if (actors?.kind !== "list") throw new Error("actors is a list");
    expect(actors.items.map((i) => [i.label, i.labelKey, i.status])).toEqual([
      ["Actor: Pakistan", "pakistan", "unchanged"],
      ["Actor: Russia", "russia", "added"],
    ]);
    const reaction = { actor: "pakistan", target: { event: "russia-recognition" } };
    const target = diffRecords(null, reaction, labels).fields.find((f) => f.key === "target");
    if (target?.kind !== "object") throw new Error("target is an object");
    expect(target.fields[0]).toMatchObject({ after: "Russia recognises the Taliban government", afterKey: "russia-recognition" });
  });

  it("without labels shows keys as stored", () => {
    const { fields } = diffRecords(base, { ...base, category: "limited-engagement" });
    expect(fields.find((f) => f.key === "category")).toMatchObject({ after: "limited-engagement" });
    expect(fields.find((f) => f.key === "category")).not.toHaveProperty("afterKey");
  });
});
