// The quote check's request and answer, and storing a source text: the contract of POST /api/v1/quote-check
// and POST /api/v1/source-texts.
import { z } from "zod";
import { Slug, Text } from "./common";
import { SourceTextContent, SourceTextRef } from "./source";

export const QuoteCheckBody = z
  .strictObject({
    source: Slug.describe("The source the quote cites: its open draft's version when one is pending, else the published one."),
    text: Text.min(1).max(4000).describe("The quote as the editor typed it."),
  })
  .meta({ id: "QuoteCheckBody" });

export const QuoteCheckMatch = z
  .object({
    offset: z.int().min(0).describe("Where the match starts in the stored text, in UTF-16 code units."),
    length: z.int().min(0).describe("Its length in the stored text, in UTF-16 code units."),
    before: z.string().describe("Up to 80 characters before it, whitespace runs as one space."),
    match: z.string().describe("The matched passage as stored, whitespace runs as one space."),
    after: z.string().describe("Up to 80 characters after it."),
  })
  .meta({ id: "QuoteCheckMatch" });

export const QuoteCheckResult = z
  .object({
    status: z
      .enum(["found", "not-found", "not-checked"])
      .describe(
        "`found`: verbatim on word boundaries (only whitespace runs and curly against straight quotes forgiven); " +
          "`not-found`: not in the stored text; `not-checked`: the source has no stored text, so nothing was compared.",
      ),
    source: Slug,
    checkedAgainst: SourceTextRef.optional().describe("The stored text compared with, when there is one."),
    match: QuoteCheckMatch.optional().describe("Where it was found, when `status` is `found`."),
  })
  .meta({ id: "QuoteCheckResult" });

export const SourceTextBody = z
  .strictObject({ text: SourceTextContent.describe("The document's plain text, as published.") })
  .meta({ id: "SourceTextBody" });

export type QuoteCheckBody = z.infer<typeof QuoteCheckBody>;
export type QuoteCheckResult = z.infer<typeof QuoteCheckResult>;
