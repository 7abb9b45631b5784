import { describe, expect, it } from "vitest";
import { derive } from "./derive";
import { errorAt, flattenErrors } from "./issues";
import { slugify, suggestKey } from "./keys";
import { NO_OPTIONS, type PickerOptions } from "./options";
import { fieldId, pathLabel } from "./paths";
import { blankEvidence, blankValues, formIssues, newSourcesOf, type RecordInput, toRecord, valuesOf } from "./record-values";

const options: PickerOptions = {
  ...NO_OPTIONS,
  sources: [{ key: "dawn-2025", label: "Dawn" }],
  topics: [
    {
      key: "posture",
      label: "Posture",
      categories: [{ key: "engaged", label: "Engaged", colour: "#123456", order: 1 }],
      qualifiers: [],
    },
  ],
};

describe("keys", () => {
  it("makes slugs of names in any script's Latin form, and suggests a stance's ID only once it has enough", () => {
    expect(slugify("Côte d’Ivoire: Ministry of Foreign Affairs")).toBe("cote-divoire-ministry-of-foreign-affairs");
    expect(suggestKey("stance", { actor: "pakistan", topic: "posture" })).toBe("");
    expect(suggestKey("stance", { actor: "pakistan", topic: "posture-toward", attested: "2025-07" })).toBe("pakistan-posture-2025-07");
    expect(suggestKey("reaction", { actor: "iran", target: { event: "recognition" }, attested: "2025-07-04" })).toBe(
      "iran-on-recognition-2025-07-04",
    );
  });
});

describe("paths in words", () => {
  it("names rows by their position and fields by the form's own labels", () => {
    expect(pathLabel("evidence.0.quote.text")).toBe("Source 1 › Quote text");
    expect(pathLabel("evidence.1.newSource.id")).toBe("Source 2 › New source › ID");
    expect(pathLabel("validUntil", "stance")).toBe("Ended");
    expect(pathLabel("validUntil", "gap")).toBe("Holds until");
    expect(fieldId("evidence.0.quote.text")).toBe("rf-evidence-0-quote-text");
  });
});

describe("form values and records", () => {
  const base = {
    id: "pakistan-2025",
    actor: "pakistan",
    topic: "posture",
    category: "engaged",
    attested: "2025",
    qualifiers: [],
    confidence: "medium" as const,
    summary: "S.",
  } satisfies Omit<RecordInput<"stance">, "evidence">;

  it("gives back the stored record from an untouched form, so saving it changes nothing", () => {
    const stance: RecordInput<"stance"> = {
      ...base,
      evidence: [
        {
          source: "dawn-2025",
          quote: { text: "Q", speaker: { name: "Mumtaz Zahra Baloch", title: "Spokesperson", actor: "pakistan" }, language: "en" },
        },
        { source: "dawn-2025", quote: { text: "R", speaker: { name: "A journalist" }, language: "en" } },
        { source: "dawn-2025" },
      ],
    };
    expect(toRecord("stance", valuesOf("stance", stance))).toEqual(stance);
  });

  it("reads a speaker stored as an actor's slug (the earlier form) as a link to that actor", () => {
    const stance = {
      ...base,
      evidence: [{ source: "dawn-2025", quote: { text: "Q", speaker: "pakistan", language: "en" } }],
    } as unknown as RecordInput<"stance">;
    expect(toRecord("stance", valuesOf("stance", stance)).evidence).toEqual([
      { source: "dawn-2025", quote: { text: "Q", speaker: { actor: "pakistan" }, language: "en" } },
    ]);
  });

  it("numbers a scale's categories by their rows' order", () => {
    const values = { ...blankValues("topic"), slug: "t" };
    const record = toRecord("topic", values) as { categories: { order: number }[] };
    expect(record.categories.map((c) => c.order)).toEqual([1, 2]);
  });

  it("checks a new source where it is typed, and points a missing reaction target at its picker", () => {
    const row = { ...blankEvidence(), _mode: "new" as const };
    row.newSource = { ...row.newSource, id: "dawn-2025", title: "T", reliability: "R" };
    const issues = formIssues("event", { ...blankValues("event"), slug: "e", title: "E", date: "2025-02-30", evidence: [row] }, options);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "date", message: "30 February 2025 does not exist." },
        { path: "evidence.0.newSource.publisher", message: "Required." },
        { path: "evidence.0.newSource.id", message: 'A source with the ID "dawn-2025" exists already; pick it as an existing source.' },
      ]),
    );
    expect(newSourcesOf({ evidence: [row] })).toEqual([{ row: 0, record: { id: "dawn-2025", title: "T", reliability: "R" } }]);
    const reaction = formIssues("reaction", { ...blankValues("reaction"), target: { event: "" } }, options);
    expect(reaction).toContainEqual({ path: "target.event", message: "Choose the event this reacts to." });
  });

  it("says an order rule with the form's labels", () => {
    const values = { ...blankValues("gap"), actor: "a", topic: "t", note: "N", validFrom: "2024", validUntil: "2023" };
    expect(formIssues("gap", values, options)).toEqual([{ path: "validUntil", message: "Holds until must be after Holds from." }]);
  });
});

describe("what follows from a change", () => {
  it("suggests a new record's key until the key is typed, and a new source's ID from its publisher and title", () => {
    const values = { ...blankValues("actor"), name: "Islamic Emirate" };
    expect(derive("actor", "create", options, values, "name")).toEqual([["slug", "islamic-emirate"]]);
    expect(derive("actor", "create", options, { ...values, _keyTouched: true }, "name")).toEqual([]);
    expect(derive("actor", "edit", options, values, "name")).toEqual([]);
    const row = blankEvidence();
    row.newSource = { ...row.newSource, publisher: "Dawn", title: "Editorial" };
    expect(derive("event", "edit", options, { evidence: [row] }, "evidence.0.newSource.title")).toEqual([
      ["evidence.0.newSource.id", "dawn-editorial"],
    ]);
  });

  it("sets a local name's direction from its language and clears a category the new topic lacks", () => {
    expect(derive("actor", "edit", options, { names: [{ name: "x", lang: "prs", dir: "ltr" }] }, "names.0.lang")).toEqual([
      ["names.0.dir", "rtl"],
    ]);
    expect(derive("stance", "edit", options, { topic: "posture", category: "other" }, "topic")).toEqual([["category", ""]]);
  });
});

describe("errors as the form lists them", () => {
  it("flattens react-hook-form's tree, a field array's own error at its path", () => {
    const errors = {
      summary: { type: "custom", message: "Required.", ref: {} },
      evidence: {
        root: { type: "custom", message: "at least one source is required" },
        0: { source: { type: "custom", message: "Required." } },
      },
    };
    expect(flattenErrors(errors)).toEqual([
      { path: "summary", message: "Required." },
      { path: "evidence.0.source", message: "Required." },
      { path: "evidence", message: "at least one source is required" },
    ]);
    expect(errorAt(errors, "evidence")).toBe("at least one source is required");
    expect(errorAt(errors, "evidence.0.source")).toBe("Required.");
    expect(errorAt(errors, "note")).toBeNull();
  });
});
