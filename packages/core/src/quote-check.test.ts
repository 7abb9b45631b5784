import { describe, expect, it } from "vitest";
import { checkQuote, indexOnWordBoundaries, normaliseForQuotes, occursOnWordBoundaries } from "./quote-check";

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

/** The search as it was, one native search per occurrence: the reference the faster one must agree with. */
function indexByEveryOccurrence(text: string, quote: string): number {
  if (quote.length === 0) return -1;
  const word = /[\p{L}\p{N}]/u;
  const needsStart = word.test(quote.charAt(0));
  const needsEnd = word.test(quote.charAt(quote.length - 1));
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const before = at > 0 ? text.charAt(at - 1) : "";
    const after = text.charAt(at + quote.length);
    if (needsStart && before !== "" && word.test(before)) continue;
    if (needsEnd && after !== "" && word.test(after)) continue;
    return at;
  }
  return -1;
}

describe("indexOnWordBoundaries", () => {
  it("agrees with a search of every occurrence, on texts made of few letters (many overlapping occurrences)", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const letters = ["a", "b", " ", "é", "-", "1", "\u{1F600}"];
    const pick = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join("");
    let found = 0;
    for (let round = 0; round < 3000; round++) {
      const text = pick(Math.floor(random() * 60));
      const quote = random() < 0.5 ? pick(1 + Math.floor(random() * 5)) : text.slice(Math.floor(random() * text.length)).slice(0, 6);
      const expected = indexByEveryOccurrence(text, quote);
      if (expected !== -1) found++;
      expect(indexOnWordBoundaries(text, quote), JSON.stringify({ text, quote })).toBe(expected);
    }
    expect(found).toBeGreaterThan(300);
  });

  it("answers for a quote of 4,000 letters in 2,000,000 of them (no boundary anywhere) and finds one past them", () => {
    const text = "a".repeat(2_000_000);
    const quote = "a".repeat(4_000);
    expect(indexOnWordBoundaries(text, quote)).toBe(-1);
    expect(indexOnWordBoundaries(`${text} ${quote}.`, quote)).toBe(2_000_001);
  });
});
