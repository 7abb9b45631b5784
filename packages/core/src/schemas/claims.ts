// Stances, reactions, events and explicit "no data" notes: every claim carries evidence.
import { z } from "zod";
import { MAX_EVENT_ACTORS, MAX_EVIDENCE } from "../collections";
import { parseEdtf } from "../time/edtf";
import { Confidence, EdtfDate, Sentiment, Slug, Text } from "./common";
import type { OrderRule } from "./messages";
import { Evidence } from "./source";

function edtfProblemOf(value: string): boolean {
  try {
    parseEdtf(value);
    return false;
  } catch {
    return true;
  }
}

/** Cross-field rules run even when another field is wrong, so a form hears of every problem at once. */
const ALWAYS: z.core.$ZodSuperRefineParams = { when: (payload) => typeof payload.value === "object" && payload.value !== null };

const evidenceList = z.array(Evidence).min(1, "At least one source is required.").max(MAX_EVIDENCE);

export const Stance = z
  .object({
    id: Slug,
    actor: Slug,
    topic: Slug,
    category: Slug,
    validFrom: EdtfDate.optional().describe("When it began, at the precision the sources give; absent when they do not say."),
    attested: EdtfDate.describe("When the earliest evidence attests it: the date of the source that first reports it."),
    validUntil: EdtfDate.optional().describe("When it ended (exclusive); absent while it holds."),
    qualifiers: z
      .array(Slug)
      .max(20)
      .default([])
      .describe("Keys of the topic's qualifiers that hold for this stance: facts its category scale does not rank."),
    confidence: Confidence,
    summary: Text.min(1).max(2000),
    note: Text.max(2000).optional(),
    evidence: evidenceList,
  })
  .superRefine((s, ctx) => {
    const start = s.validFrom && !edtfProblemOf(s.validFrom) ? parseEdtf(s.validFrom) : null;
    const attested = !edtfProblemOf(s.attested) ? parseEdtf(s.attested) : null;
    if (start && attested && attested.last < start.first)
      ctx.addIssue({
        code: "custom",
        path: ["attested"],
        params: { rule: "notBefore", other: "validFrom" } satisfies OrderRule,
      });
    if (s.validUntil && !edtfProblemOf(s.validUntil)) {
      const from = start ?? attested;
      if (from && parseEdtf(s.validUntil).last <= from.first)
        ctx.addIssue({
          code: "custom",
          path: ["validUntil"],
          params: (start ? { rule: "after", other: "validFrom" } : { rule: "after", other: "attested" }) satisfies OrderRule,
        });
    }
    if (Array.isArray(s.qualifiers) && new Set(s.qualifiers).size !== s.qualifiers.length)
      ctx.addIssue({ code: "custom", path: ["qualifiers"], message: "duplicate qualifier" });
  }, ALWAYS)
  .meta({ id: "Stance" });

export const DataGap = z
  .object({
    actor: Slug,
    topic: Slug,
    note: Text.min(1).max(2000).describe("What the sources say, and why that is no stance on this topic."),
    validFrom: EdtfDate.optional().describe("The note holds from this date; absent: from the beginning."),
    validUntil: EdtfDate.optional().describe("The note holds until this date (exclusive), e.g. the actor's first stance."),
  })
  .superRefine((g, ctx) => {
    if (g.validFrom && g.validUntil && !edtfProblemOf(g.validFrom) && !edtfProblemOf(g.validUntil))
      if (parseEdtf(g.validUntil).last <= parseEdtf(g.validFrom).first)
        ctx.addIssue({ code: "custom", path: ["validUntil"], params: { rule: "after", other: "validFrom" } satisfies OrderRule });
  }, ALWAYS)
  .meta({ id: "DataGap" });

export const ReactionTarget = z.union([z.object({ actor: Slug }).strict(), z.object({ event: Slug }).strict()]);

export const Reaction = z
  .object({
    id: Slug,
    actor: Slug,
    target: ReactionTarget,
    date: EdtfDate.optional().describe("When the reaction was made, at the precision the sources give; absent when they do not say."),
    attested: EdtfDate.describe("When the earliest evidence reports it: the date of the source that first does."),
    sentiment: Sentiment,
    summary: Text.min(1).max(2000),
    confidence: Confidence,
    evidence: evidenceList,
  })
  .superRefine((r, ctx) => {
    if (r.date && !edtfProblemOf(r.date) && !edtfProblemOf(r.attested) && parseEdtf(r.attested).last < parseEdtf(r.date).first)
      ctx.addIssue({
        code: "custom",
        path: ["attested"],
        params: { rule: "notBefore", other: "date" } satisfies OrderRule,
      });
  }, ALWAYS)
  .meta({ id: "Reaction" });

export const Event = z
  .object({
    slug: Slug,
    date: EdtfDate,
    title: Text.min(1).max(300),
    description: Text.max(2000).optional(),
    series: Slug.optional().describe("A named timeline this event belongs to."),
    actors: z.array(Slug).max(MAX_EVENT_ACTORS).default([]),
    evidence: evidenceList,
  })
  .meta({ id: "Event" });

export type Stance = z.infer<typeof Stance>;
export type DataGap = z.infer<typeof DataGap>;
export type ReactionTarget = z.infer<typeof ReactionTarget>;
export type Reaction = z.infer<typeof Reaction>;
export type Event = z.infer<typeof Event>;
