// Sources, quotes and the evidence that ties a claim to a source.
import { z } from "zod";
import { MAX_SOURCE_TEXT_CHARS } from "../quote-check";
import { upgradeSpeaker } from "../speaker";
import { IsoDate, LanguageTag, Slug, Text } from "./common";

/**
 * Only the characters RFC 3986 allows in a URI (unreserved, reserved, and `%` before two hex digits).
 * WHATWG URL parsing alone accepts `"`, `<`, spaces and non-ASCII, which the document's `format: uri` does not.
 */
const RFC3986_CHARACTERS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 digest as 64 lowercase hex digits");

/**
 * A stored source text, by content: the SHA-256 of its UTF-8 bytes and its length. The text itself is kept once
 * per content (`SourceText`), so drafts, history and diffs carry these two fields, never the text.
 */
export const SourceTextRef = z
  .object({
    sha256: Sha256,
    length: z.int().min(0).max(MAX_SOURCE_TEXT_CHARS).describe("In UTF-16 code units, as quote-check offsets count."),
  })
  .meta({ id: "SourceTextRef" });

/** A source text as an editor sends it: plain text, valid Unicode, no NUL, at most MAX_SOURCE_TEXT_CHARS. */
export const SourceTextContent = Text.max(MAX_SOURCE_TEXT_CHARS, {
  message: `must be at most ${MAX_SOURCE_TEXT_CHARS.toLocaleString("en")} characters (about 2 MB)`,
});

export const Source = z
  .object({
    id: Slug,
    publisher: Text.min(1).max(300),
    title: Text.min(1).max(500),
    author: Text.max(300).optional(),
    publishedOn: IsoDate.optional(),
    accessedOn: IsoDate.optional(),
    dateNote: Text.max(500).optional().describe("What is known of the date when it is not exact."),
    url: z
      .url({ protocol: /^https?$/, message: "must be an http or https address" })
      .max(2000)
      .regex(RFC3986_CHARACTERS, "must be a URI as RFC 3986 spells it: percent-encode spaces, quotes, angle brackets and non-ASCII")
      .optional()
      .describe("An http or https URI (RFC 3986)."),
    reliability: Text.min(1).max(1000).describe("A note on how far this source can be trusted, and why."),
    textFile: z
      .string()
      .regex(/^[a-z0-9-]+\.txt$/)
      .optional()
      .describe("The file in the dataset's `texts/` folder the first load took the stored `text` from (shipped sources)."),
    text: SourceTextRef.optional().describe(
      "The document's stored text, which quotes citing this source are checked against (`POST /api/v1/quote-check`); " +
        "store it with `POST /api/v1/source-texts`, read it at `GET /api/v1/sources/{id}/text`.",
    ),
    citedIn: z
      .object({ source: Slug, locator: Text.min(1).max(100) })
      .optional()
      .describe("The document that cites this source, and where (an endnote)."),
  })
  .meta({ id: "Source" });

/**
 * Who said it, as the source names them ("Mumtaz Zahra Baloch", "Foreign Office spokesperson"), linked to
 * the actor they are or speak for when the dataset has one. `name` may be left out only when an actor is
 * linked: the source names the actor itself, and the actor's name stands (records written before speakers
 * had names read this way, so nothing stored is rewritten).
 */
export const Speaker = z
  // Strict: a key it does not know (`__proto__` included) is refused naming the speaker, not dropped.
  .strictObject({
    name: Text.trim().min(1).max(300).optional().describe("The speaker as the source prints them."),
    title: Text.trim().min(1).max(300).optional().describe("Their title or role as the source gives it."),
    actor: Slug.optional().describe("The actor the speaker is or speaks for, when the dataset has one."),
  })
  .refine((s) => s.name !== undefined || s.actor !== undefined, {
    message: "needs a name or an actor",
    path: ["name"],
  })
  .meta({ id: "Speaker", description: "At least one of `name` and `actor`." });

export const Quote = z
  .object({
    text: Text.min(1).max(4000).describe("Verbatim, exactly as in the source."),
    speaker: z
      .union([Speaker, Slug.meta({ deprecated: true, description: "The earlier form: an actor's slug alone, read as `{ actor }`." })])
      .transform(upgradeSpeaker)
      .pipe(Speaker)
      .describe("Who said it, as the source names them."),
    language: LanguageTag.default("en"),
    translation: Text.max(4000).optional(),
  })
  .meta({ id: "Quote" });

export const Evidence = z
  .object({
    source: Slug,
    locator: Text.max(100).optional().describe("Where in the source: an endnote, a paragraph."),
    quote: Quote.optional(),
  })
  .meta({ id: "Evidence" });

export type Source = z.infer<typeof Source>;
export type SourceTextRef = z.infer<typeof SourceTextRef>;
export type Speaker = z.infer<typeof Speaker>;
export type Quote = z.infer<typeof Quote>;
export type Evidence = z.infer<typeof Evidence>;
