// Shared field schemas: slugs, dates and the small enumerations every record uses.
import { z } from "zod";
import { SENTIMENTS } from "../collections";
import { edtfProblem, impossibleDateProblem } from "../time/edtf";
import "./messages";

export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens")
  .describe("Lowercase words joined by hyphens, e.g. `united-nations`.");

export const IsoDate = z
  .string()
  .superRefine((value, ctx) => {
    // "30 February 2025 does not exist." before "not YYYY-MM-DD": the first is what the user got wrong.
    const impossible = impossibleDateProblem(value);
    if (impossible) ctx.addIssue({ code: "custom", message: impossible, abort: true });
  })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date as YYYY-MM-DD", abort: true })
  .describe("A calendar date, YYYY-MM-DD.");

/**
 * A date at the precision the sources give, in the Extended Date/Time Format (ISO 8601-2) level 0/1:
 * `2023`, `2022-09`, `2025-07-03`, approximate `2021-08~`, uncertain `2023?`, an interval `2023/2024-03`,
 * or one with an open end `2021-08-15/..`.
 */
export const EdtfDate = z
  .string()
  .max(23)
  .superRefine((value, ctx) => {
    // A date that has the shape but names no real day is said as such ("30 February 2025 does not exist.").
    const impossible = impossibleDateProblem(value);
    if (impossible) return void ctx.addIssue({ code: "custom", message: impossible, params: { impossibleDate: true } });
    const problem = edtfProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `must be an EDTF date: ${problem}` });
  })
  .describe("A date in EDTF (ISO 8601-2) at the precision the sources give: 2023, 2022-09, 2025-07-03, 2021-08~, 2023?, 2023/2024-03.")
  .meta({ format: "edtf", examples: ["2023", "2022-09", "2025-07-03", "2021-08~", "2023/2024-03"] });
export const Confidence = z.enum(["high", "medium", "low"]);
export const Sentiment = z.enum(SENTIMENTS).describe("How the reacting actor regards its target.");
export const TextDirection = z.enum(["ltr", "rtl"]);

/** Text that every store can hold: no lone UTF-16 surrogates (not Unicode; PostgreSQL and UTF-8 refuse them) and no NUL. */
export const Text = z
  .string()
  .refine((v) => !/\p{Cs}/u.test(v), { message: "must be valid Unicode text (it has a lone surrogate code unit)", abort: true })
  .refine((v) => !v.includes("\u0000"), { message: "must not contain NUL characters", abort: true });

export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour as #rrggbb");

/** BCP 47 language tag, e.g. `en`, `ru`, `zh`, `prs` (Dari), `ps` (Pashto). */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 language tag");

export type Slug = z.infer<typeof Slug>;
export type IsoDate = z.infer<typeof IsoDate>;
export type EdtfDate = z.infer<typeof EdtfDate>;
export type Confidence = z.infer<typeof Confidence>;
export type Sentiment = z.infer<typeof Sentiment>;
export type TextDirection = z.infer<typeof TextDirection>;
