// The public read API's query parameters and response envelopes.
import { z } from "zod";
import { CHANGE_MOVEMENTS, MOVEMENTS } from "../time/movement";
import { Actor } from "./actor";
import { DataGap, Event, Reaction, Stance } from "./claims";
import { EdtfDate, IsoDate, Sentiment, Slug, Text } from "./common";
import { Evidence, Source } from "./source";
import { Topic } from "./topic";

export const MAX_PAGE_SIZE = 1000;

const limit = z.coerce
  .number()
  .int("must be a whole number")
  .min(1)
  .max(MAX_PAGE_SIZE)
  .default(100)
  .describe(`Page size, 1 to ${MAX_PAGE_SIZE}.`);
const cursor = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,400}$/, "must be a cursor returned by a previous page")
  .optional()
  .describe("Opaque cursor from `page.nextCursor`.");

export const PageQuery = z.object({ limit, cursor });

export const ActorQuery = z
  .object({
    revision: z.coerce
      .number()
      .int("must be a whole number")
      .min(1)
      .optional()
      .describe("The dataset revision to read, as it was published then (a pinned page's side panel); 404 past the current one."),
  })
  .meta({ id: "ActorQuery" });

export const ActorsQuery = PageQuery.extend({
  kind: z.string().optional().describe("Only actors of this kind."),
  q: Text.max(200)
    .optional()
    .describe(
      "Search names, slugs, local names and aliases (case- and accent-insensitive). Results are ranked: exact matches first, then names that start with the query, then words that do, then the rest; each in name order.",
    ),
  topic: Slug.optional().describe("With `at`: each actor's stance on this topic on that date (`stance`), or why it has none (`gap`)."),
  at: IsoDate.optional().describe("With `topic`: the date."),
})
  .refine((q) => !q.at || q.topic, { path: ["topic"], message: "is required when `at` is given" })
  .refine((q) => !q.topic || q.at, { path: ["at"], message: "is required when `topic` is given" });

export const StancesQuery = PageQuery.extend({
  topic: Slug.optional().describe("Topic slug. Required with `at`."),
  at: IsoDate.optional().describe(
    "On this date: every actor, a page at a time, with the stance that holds then (`data`) or the reason it has none (`gaps`).",
  ),
  actor: Slug.optional(),
}).refine((q) => !q.at || q.topic, { path: ["topic"], message: "is required when `at` is given" });

export const ReactionsQuery = PageQuery.extend({
  actor: Slug.optional().describe("Reactions given by this actor."),
  target: Slug.optional().describe("Reactions toward this actor or event."),
  sentiment: Sentiment.optional(),
  from: IsoDate.optional().describe("Reactions whose date begins on or after this day."),
  to: IsoDate.optional().describe("Reactions whose date begins on or before this day."),
});

export const EventsQuery = PageQuery.extend({
  series: Slug.optional(),
  from: IsoDate.optional().describe("Events whose date begins on or after this day."),
  to: IsoDate.optional().describe("Events whose date begins on or before this day."),
});

const revisionParam = z.coerce
  .number()
  .int("must be a whole number")
  .min(1)
  .optional()
  .describe("The dataset revision to read, as it was published then (a pinned page); 404 past the current one.");

export const ChangesQuery = z
  .object({
    topic: Slug.describe("The topic's slug."),
    from: IsoDate.describe("The first date: what held then is compared with what held on `to`."),
    to: IsoDate.describe("The second date, on or after `from`."),
    revision: revisionParam,
  })
  .refine((q) => typeof q.from !== "string" || typeof q.to !== "string" || q.from <= q.to, {
    path: ["from"],
    message: "must not be after `to`",
  })
  .meta({ id: "ChangesQuery" });

/** `russia@2025-07-03`: an actor's move on a day, as a sequence's reference. */
export const ReferenceMove = z
  .string()
  .max(140)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*@\d{4}-\d{2}-\d{2}$/, { message: "must be an actor's slug and a day, as actor@YYYY-MM-DD", abort: true })
  .refine((v) => IsoDate.safeParse(v.slice(v.indexOf("@") + 1)).success, "must name a real calendar date")
  .describe(
    "An actor's move on a day, `actor@YYYY-MM-DD` (e.g. `russia@2025-07-03`). Default: the first move to the scale's first category.",
  );

export const SequenceQuery = z
  .object({
    topic: Slug.describe("The topic's slug."),
    reference: ReferenceMove.optional(),
    revision: revisionParam,
  })
  .meta({ id: "SequenceQuery" });

export const MovementSchema = z
  .enum(MOVEMENTS)
  .describe(
    `How an actor's stance moved between the two dates along the topic's ordered scale. Changes: ${CHANGE_MOVEMENTS.join(", ")}. ` +
      "Not changes: `unchanged`, and `attested-only` (a stance known only from a source that attests it, its start not stated: the sources do not say it changed).",
  );

const MovementHolding = z
  .object({
    stance: z.string().describe("The stance's id."),
    category: Slug,
    basis: z.enum(["began", "attested"]).describe("`began`: counted from its stated start. `attested`: start not stated."),
    since: EdtfDate.describe("The date it counts from: its start, or its attestation when the start is not stated."),
    qualifiers: z.array(z.string()),
    uncertain: z.boolean().describe("The date falls inside the uncertainty of its start or end."),
  })
  .meta({ id: "MovementHolding" });

const MovementStep = z
  .object({
    date: EdtfDate,
    kind: z.enum(["began", "changed", "ended"]),
    from: Slug.nullable().describe("The category before the step; null when nothing held."),
    to: Slug.nullable().describe("The category after it; null for an end."),
    stance: z.string().nullable().describe("The stance that began (or ended, for an end)."),
    straddles: z.boolean().describe("The step's date is imprecise and reaches across `from` or `to`."),
  })
  .meta({ id: "MovementStep" });

export const ActorChange = z
  .object({
    actor: Slug,
    name: z.string(),
    movement: MovementSchema,
    label: z.string().describe("The movement in words, on this topic's scale."),
    because: z.string().describe("Why the movement is what it is."),
    shift: z
      .number()
      .int()
      .nullable()
      .describe("Positions moved on the scale (negative: toward the first category); null without both dates."),
    before: MovementHolding.nullable().describe("What held on `from` (null: nothing did)."),
    after: MovementHolding.nullable().describe("What held on `to` (null: nothing did)."),
    steps: z.array(MovementStep).describe("The dated steps after `from`, up to `to`, in order."),
    evidence: z
      .array(z.object({ stance: z.string(), ...Evidence.shape }))
      .describe("The evidence of the stance that held on `to` and of each step's stance."),
  })
  .meta({ id: "ActorChange" });

export const ChangesResult = z
  .object({
    topic: Slug,
    from: IsoDate,
    to: IsoDate,
    revision: z.number().int(),
    counts: z.object(Object.fromEntries(MOVEMENTS.map((m) => [m, z.number().int()]))).describe("Actors per movement."),
    changes: z
      .array(ActorChange)
      .describe("Every actor whose stance changed (or may have: `uncertain`), moves first by the date of their last step."),
    notChanges: z
      .array(ActorChange)
      .describe("Actors whose stance did not change (`unchanged`) or is known only from its attestation (`attested-only`): never changes."),
  })
  .meta({ id: "ChangesResult" });

const Lag = z
  .object({
    days: z.number().int().describe("Days from the reference's first day to the fact's first day."),
    min: z.number().int().describe("The fewest days it can be, given both dates' precision."),
    max: z.number().int().describe("The most days it can be."),
  })
  .meta({ id: "Lag" });

export const SequenceResult = z
  .object({
    topic: Slug,
    revision: z.number().int(),
    reference: z
      .object({
        actor: Slug,
        name: z.string(),
        date: EdtfDate,
        category: Slug,
        stance: z.string().nullable(),
        chosen: z
          .enum(["first-to-top", "first-move", "chosen"])
          .describe(
            "`first-to-top`: the first move to the scale's first category (the default); `first-move`: none reached it; `chosen`: `reference`.",
          ),
      })
      .nullable(),
    reason: z.string().optional().describe("Why there is no reference, when there is none."),
    rows: z
      .array(
        z.object({
          actor: Slug,
          name: z.string(),
          first: z
            .object({ kind: z.enum(["move", "attested"]), date: EdtfDate, category: Slug, lag: Lag })
            .nullable()
            .describe("The actor's first fact on or after the reference: a dated move, or an attestation (start not stated)."),
          moves: z.array(
            z.object({
              date: EdtfDate,
              kind: z.enum(["began", "changed", "ended"]),
              from: Slug.nullable(),
              to: Slug.nullable(),
              stance: z.string().nullable(),
              lag: Lag.nullable().describe("After the reference (negative: before it)."),
            }),
          ),
          attested: z
            .array(z.object({ stance: z.string(), category: Slug, attested: EdtfDate, lag: Lag.nullable() }))
            .describe("Stances known only from their attestation: not moves."),
        }),
      )
      .describe("Rows in order of their first fact after the reference (its actor first); then actors with nothing after it."),
    links: z
      .array(
        z.object({
          actor: Slug,
          name: z.string(),
          via: Slug.optional().describe("Who reacted for the row's actor (a spokesperson, a ministry)."),
          reaction: z.string(),
          date: EdtfDate,
          lag: Lag,
          sentiment: Sentiment.optional(),
        }),
      )
      .describe("Reactions to the reference's event by the rows' actors, in date order."),
  })
  .meta({ id: "SequenceResult" });

export const Page = z
  .object({
    limit: z.number().int(),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .meta({ id: "Page" });

const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), page: Page.optional() });

export const StanceAsOfItem = z
  .object({
    ...Stance.shape,
    basis: z
      .enum(["began", "attested"])
      .describe("`began`: counted from its stated start. `attested`: the start is not stated; it counts from `attested`."),
    uncertain: z
      .boolean()
      .describe(
        "`at` falls inside the uncertainty of its start or end (a stance from `2023` on 2023-06-01): it may not hold yet, or any more.",
      ),
    since: EdtfDate.describe("The date it counts from: `validFrom`, or `attested` when the start is not stated."),
    ageDays: z.number().int().describe("Days from the first day of `since` to `at`: how old it is on that date."),
  })
  .meta({ id: "StanceAsOf" });

export const GapAtDate = z
  .object({
    actor: Slug,
    topic: Slug,
    kind: z
      .enum(["note", "before-first", "after-end", "none-recorded", "not-covered"])
      .describe(
        "`note`: an editor's no-data note holds then; `before-first`: before the actor's first recorded stance; `after-end`: its last stance ended; `none-recorded`: the sources record none.",
      ),
    reason: z.string().min(1).describe("Why there is no stance, in words; never empty."),
    note: z.string().optional().describe("The editor's note, when that is the reason."),
  })
  .meta({ id: "GapAtDate" });

export const ActorDetail = z
  .object({
    ...Actor.shape,
    stances: z.array(Stance),
    gaps: z.array(DataGap),
    reactionsGiven: z.array(Reaction),
    reactionsReceived: z.array(Reaction),
  })
  .meta({ id: "ActorDetail" });

export const ActorAtDate = z
  .object({
    ...Actor.shape,
    stance: StanceAsOfItem.optional().describe("With `topic` and `at`: the stance that holds on that date."),
    gap: GapAtDate.optional().describe("With `topic` and `at`: why the actor has no stance on that date."),
  })
  .meta({ id: "ActorAtDate" });

export const ActorList = list(ActorAtDate).describe(
  "Actors; with `topic` and `at`, each carries the stance that holds then or a gap with the reason.",
);
export const TopicList = list(Topic);
export const StanceList = list(Stance);
export const StanceAsOfList = z.object({
  data: z.array(StanceAsOfItem),
  gaps: z.array(GapAtDate).describe("Every actor of this page without a stance that holds on `at`, with the reason."),
  at: IsoDate,
  topic: Slug,
  page: Page,
});
export const ReactionList = list(Reaction);
export const EventList = list(Event);
export const SourceList = list(Source);

export const Health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.object({
      provider: z.enum(["sqlite", "postgresql"]),
      ok: z.boolean(),
      revision: z.number().int(),
      writable: z.boolean().optional().describe("Whether a write commits: false while the database is read-only or full."),
      pool: z
        .object({
          max: z.number().int(),
          total: z.number().int(),
          idle: z.number().int(),
          waiting: z.number().int(),
          saturated: z.boolean(),
        })
        .optional()
        .describe("PostgreSQL's connection pool."),
      revisionWatch: z
        .object({
          live: z.boolean(),
          notifications: z.number().int(),
          reconnects: z.number().int(),
          reason: z.string().nullable(),
        })
        .optional()
        .describe(
          "PostgreSQL: whether this instance keeps the dataset revision from the database's notifications; when not live, every request reads the revision row (slower, never stale).",
        ),
    }),
    mode: z.enum(["ok", "read-only", "unavailable"]).optional(),
    ready: z.boolean().optional(),
    reasons: z.array(z.string()).optional().describe("Why the instance is not ready, when it is not."),
    eventLoop: z.object({ p99Ms: z.number(), maxMs: z.number() }).optional(),
    version: z.string(),
  })
  .meta({ id: "Health" });

export type PageQuery = z.infer<typeof PageQuery>;
export type ActorsQuery = z.infer<typeof ActorsQuery>;
export type StancesQuery = z.infer<typeof StancesQuery>;
export type ReactionsQuery = z.infer<typeof ReactionsQuery>;
export type EventsQuery = z.infer<typeof EventsQuery>;
export type StanceAsOfItem = z.infer<typeof StanceAsOfItem>;
export type GapAtDate = z.infer<typeof GapAtDate>;
export type ActorAtDate = z.infer<typeof ActorAtDate>;
export type ActorDetail = z.infer<typeof ActorDetail>;
export type Health = z.infer<typeof Health>;
export type ActorQuery = z.infer<typeof ActorQuery>;
export type ChangesQuery = z.infer<typeof ChangesQuery>;
export type SequenceQuery = z.infer<typeof SequenceQuery>;
export type ChangesResult = z.infer<typeof ChangesResult>;
export type ActorChange = z.infer<typeof ActorChange>;
export type SequenceResult = z.infer<typeof SequenceResult>;
