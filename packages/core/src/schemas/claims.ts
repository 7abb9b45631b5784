// Stances, reactions, events and explicit "no data" notes: every claim carries evidence.
import { z } from "zod";
import { Confidence, DatePrecision, IsoDate, Sentiment, Slug, Text } from "./common";
import { Evidence } from "./source";

const evidenceList = z.array(Evidence).min(1, "at least one source is required");

export const Stance = z
  .object({
    id: Slug,
    actor: Slug,
    topic: Slug,
    category: Slug,
    validFrom: IsoDate,
    validFromPrecision: DatePrecision.default("day"),
    validUntil: IsoDate.optional(),
    confidence: Confidence,
    summary: Text.min(1).max(2000),
    note: Text.max(2000).optional(),
    evidence: evidenceList,
  })
  .refine((s) => !s.validUntil || s.validUntil > s.validFrom, {
    path: ["validUntil"],
    message: "must be after validFrom",
  })
  .meta({ id: "Stance" });

export const DataGap = z
  .object({
    actor: Slug,
    topic: Slug,
    note: Text.min(1).max(2000).describe("What the sources say, and why that is no stance on this topic."),
  })
  .meta({ id: "DataGap" });

export const ReactionTarget = z.union([z.object({ actor: Slug }).strict(), z.object({ event: Slug }).strict()]);

export const Reaction = z
  .object({
    id: Slug,
    actor: Slug,
    target: ReactionTarget,
    date: IsoDate,
    datePrecision: DatePrecision.default("day"),
    sentiment: Sentiment,
    summary: Text.min(1).max(2000),
    confidence: Confidence,
    evidence: evidenceList,
  })
  .meta({ id: "Reaction" });

export const Event = z
  .object({
    slug: Slug,
    date: IsoDate,
    datePrecision: DatePrecision.default("day"),
    title: Text.min(1).max(300),
    description: Text.max(2000).optional(),
    series: Slug.optional().describe("A named timeline this event belongs to."),
    actors: z.array(Slug).default([]),
    evidence: evidenceList,
  })
  .meta({ id: "Event" });

export type Stance = z.infer<typeof Stance>;
export type DataGap = z.infer<typeof DataGap>;
export type ReactionTarget = z.infer<typeof ReactionTarget>;
export type Reaction = z.infer<typeof Reaction>;
export type Event = z.infer<typeof Event>;
