// Whether a quote is in its source's stored text: the one rule for the dataset's tests, the admin form and review.
// Verbatim on word boundaries; only whitespace runs and typographic (curly vs straight) quotes are forgiven.

/** The longest source text stored, in UTF-16 code units (JavaScript's string length): about 2 MB of plain text. */
export const MAX_SOURCE_TEXT_CHARS = 2_000_000;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/** Runs of whitespace (including no-break spaces) become one space. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Curly and low single quotes and apostrophes become `'`, curly and low double quotes `"`. */
function foldQuoteMark(ch: string): string {
  if (ch === "‘" || ch === "’" || ch === "‛") return "'";
  if (ch === "“" || ch === "”" || ch === "„") return '"';
  return ch;
}

/**
 * For prose fragments, which the dataset writes in its own typography: whitespace as above, curly quotes and
 * apostrophes become straight ones, and Unicode hyphens (U+2010, U+2011) become "-".
 */
export function normaliseTypography(text: string): string {
  return normaliseWhitespace(text).replace(/[‘’‛]/gu, "'").replace(/[“”„]/gu, '"').replace(/[‐‑]/gu, "-");
}

/**
 * Where `quote` occurs in `text` with a word boundary at both ends (-1 when it does not): where the quote begins
 * (or ends) with a letter or digit, the character before (or after) the occurrence must not be one. So "ally"
 * occurs in `an "ally" in` but not in "formally".
 */
export function indexOnWordBoundaries(text: string, quote: string): number {
  const m = quote.length;
  if (m === 0) return -1;
  const needsStart = WORD_CHAR.test(quote.charAt(0));
  const needsEnd = WORD_CHAR.test(quote.charAt(m - 1));
  const fits = (at: number) =>
    !(needsStart && at > 0 && WORD_CHAR.test(text.charAt(at - 1))) && !(needsEnd && WORD_CHAR.test(text.charAt(at + m)));
  // The first occurrence nearly always fits, and the engine's own search finds it fastest.
  const first = text.indexOf(quote);
  if (first === -1 || fits(first)) return first;
  // The later ones in one pass over the text (Knuth–Morris–Pratt): searching again from each next position
  // costs the quote's length per occurrence, and 4,000 "a" in a text of 2,000,000 held the server for seconds.
  const border = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && quote.charCodeAt(i) !== quote.charCodeAt(k)) k = border[k - 1] as number;
    if (quote.charCodeAt(i) === quote.charCodeAt(k)) k++;
    border[i] = k;
  }
  for (let i = first + 1, k = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    while (k > 0 && c !== quote.charCodeAt(k)) k = border[k - 1] as number;
    if (c === quote.charCodeAt(k)) k++;
    if (k === m) {
      if (fits(i - m + 1)) return i - m + 1;
      k = border[k - 1] as number;
    }
  }
  return -1;
}

export function occursOnWordBoundaries(text: string, quote: string): boolean {
  return indexOnWordBoundaries(text, quote) !== -1;
}

export interface QuoteNormalised {
  /** Whitespace runs as one space (trimmed), curly quotes straight. */
  text: string;
  /** For each UTF-16 unit of `text`, the index of the unit it came from in the original. */
  from: Uint32Array;
}

/** The form quotes are compared in, with a map back to the original so a match can say where it is. */
export function normaliseForQuotes(original: string): QuoteNormalised {
  const out: string[] = [];
  const from = new Uint32Array(original.length);
  let n = 0;
  let pendingSpace = -1;
  for (let i = 0; i < original.length; i++) {
    const ch = original.charAt(i);
    if (SPACE.test(ch)) {
      if (pendingSpace === -1 && n > 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace !== -1) {
      out.push(" ");
      from[n++] = pendingSpace;
      pendingSpace = -1;
    }
    out.push(foldQuoteMark(ch));
    from[n++] = i;
  }
  return { text: out.join(""), from: from.subarray(0, n) };
}

/** Characters of context shown on each side of a match. */
export const QUOTE_CONTEXT_CHARS = 80;

export interface QuoteMatch {
  /** Where the match starts in the stored text, in UTF-16 units (JavaScript string indices). */
  offset: number;
  /** How long it is in the stored text (whitespace and quote marks as stored). */
  length: number;
  /** Up to QUOTE_CONTEXT_CHARS of the text before and after, whitespace runs as one space, cut at a word. */
  before: string;
  match: string;
  after: string;
}

export type QuoteCheck = { status: "found"; match: QuoteMatch } | { status: "not-found" } | { status: "not-checked" };

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function contextBefore(text: string, end: number): string {
  let start = Math.max(0, end - QUOTE_CONTEXT_CHARS);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start += 1;
  let slice = text.slice(start, end);
  // Cut at a word unless the text starts there (never in the middle of a surrogate pair, above).
  if (start > 0) slice = slice.replace(/^\S*\s/u, "…");
  return slice.replace(/\s+/gu, " ").replace(/^ /u, "");
}

function contextAfter(text: string, start: number): string {
  let end = Math.min(text.length, start + QUOTE_CONTEXT_CHARS);
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end -= 1;
  let slice = text.slice(start, end);
  if (end < text.length) slice = slice.replace(/\s\S*$/u, "…");
  return slice.replace(/\s+/gu, " ").replace(/ $/u, "");
}

/**
 * Whether `quote` is in `sourceText`, and where. A source without a stored text (`null`/`undefined`) gives
 * "not-checked", never "found": nothing was compared. Pass a `normalised` copy of the text to check many quotes
 * against one text without normalising it each time.
 */
export function checkQuote(sourceText: string | null | undefined, quote: string, normalised?: QuoteNormalised): QuoteCheck {
  if (sourceText === null || sourceText === undefined) return { status: "not-checked" };
  const wanted = normaliseForQuotes(quote).text;
  const haystack = normalised ?? normaliseForQuotes(sourceText);
  const at = indexOnWordBoundaries(haystack.text, wanted);
  if (at === -1) return { status: "not-found" };
  const first = haystack.from[at] ?? 0;
  const lastUnit = haystack.from[at + wanted.length - 1] ?? first;
  const end = lastUnit + 1;
  return {
    status: "found",
    match: {
      offset: first,
      length: end - first,
      before: contextBefore(sourceText, first),
      match: sourceText.slice(first, end).replace(/\s+/gu, " "),
      after: contextAfter(sourceText, end),
    },
  };
}
