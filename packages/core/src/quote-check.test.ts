import { describe, expect, it } from "vitest";
import { checkQuote, normaliseForQuotes, occursOnWordBoundaries } from "./quote-check";

const TEXT =
  "Moscow, 3 July 2025.\n\nThe Russian Foreign Ministry said:   “We believe that the act of official recognition\nwill give impetus to the development of productive bilateral cooperation.” It was formally done.";

describe("checkQuote", () => {
  it("finds a verbatim quote and says where it is in the stored text, with context around it", () => {
    const result = checkQuote(TEXT, "the act of official recognition");
    expect(result.status).toBe("found");
    if (result.status !== "found") return;
    expect(result.match.offset).toBe(TEXT.indexOf("the act of official recognition"));
    expect(TEXT.slice(result.match.offset, result.match.offset + result.match.length)).toBe("the act of official recognition");
    expect(result.match.before).toMatch(/We believe that $/);
    expect(result.match.after).toMatch(/^ will give impetus/);
  });

  it("forgives curly against straight quotes and runs of whitespace, and reports the stored span", () => {
    const quote = '"We believe that the act of official recognition will give impetus';
    const result = checkQuote(TEXT, quote);
    expect(result.status).toBe("found");
    if (result.status !== "found") return;
    const stored = TEXT.slice(result.match.offset, result.match.offset + result.match.length);
    expect(stored).toBe("“We believe that the act of official recognition\nwill give impetus");
    expect(result.match.match).toBe("“We believe that the act of official recognition will give impetus");
    expect(checkQuote(TEXT, "said: \t “We")).toMatchObject({ status: "found" });
    expect(checkQuote("it’s “historic”", 'it\'s "historic"')).toMatchObject({ status: "found" });
  });

  it("does not forgive anything else: case, hyphens, dropped words, punctuation", () => {
    expect(checkQuote(TEXT, "the Act of official recognition").status).toBe("not-found");
    expect(checkQuote(TEXT, "the act of recognition").status).toBe("not-found");
    expect(checkQuote(TEXT, "bilateral cooperation!").status).toBe("not-found");
    expect(checkQuote("a well‐known fact", "a well-known fact").status).toBe("not-found");
  });

  it('finds a word only where it stands as a word: "ally" is not in "formally"', () => {
    expect(checkQuote(TEXT, "ally").status).toBe("not-found");
    expect(checkQuote('called them an "ally" in', "ally")).toMatchObject({ status: "found", match: { offset: 16 } });
    expect(occursOnWordBoundaries("indecision will be", "decision will be")).toBe(false);
  });

  it('says "not checked", never found, when the source has no stored text', () => {
    expect(checkQuote(null, "anything")).toEqual({ status: "not-checked" });
    expect(checkQuote(undefined, "")).toEqual({ status: "not-checked" });
  });

  it("takes an empty or blank quote as not found, and an empty text finds nothing", () => {
    expect(checkQuote(TEXT, "   ").status).toBe("not-found");
    expect(checkQuote("", "Moscow").status).toBe("not-found");
  });

  it("cuts the context at a word and never splits a surrogate pair", () => {
    const long = `${"word ".repeat(40)}needle ${"more ".repeat(40)}`;
    const result = checkQuote(long, "needle");
    if (result.status !== "found") throw new Error("expected a match");
    expect(result.match.before.startsWith("…")).toBe(true);
    expect(result.match.before.length).toBeLessThanOrEqual(81);
    expect(result.match.after.endsWith("…")).toBe(true);
    const emoji = `${"😀".repeat(60)}needle${"😀".repeat(60)}`;
    const e = checkQuote(emoji, "needle");
    if (e.status !== "found") throw new Error("expected a match");
    expect(e.match.before).not.toMatch(/^[\uDC00-\uDFFF]/u);
    expect(e.match.after).not.toMatch(/[\uD800-\uDBFF]$/u);
    expect(e.match.offset).toBe(120);
  });

  it("reuses a normalised text for many quotes with the same answers", () => {
    const normalised = normaliseForQuotes(TEXT);
    expect(checkQuote(TEXT, "formally done.", normalised)).toEqual(checkQuote(TEXT, "formally done."));
    expect(normalised.text.includes("  ")).toBe(false);
  });
});
