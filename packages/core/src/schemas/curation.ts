// The curation contract: roles, the kinds of record editors change, and the write API's bodies.
import { z } from "zod";
import { RECORD_TYPES } from "../collections";
import { Actor } from "./actor";
import { DataGap, Event, Reaction, Stance } from "./claims";
import { IsoDate, Text } from "./common";
import { Source } from "./source";
import { Topic } from "./topic";

export const Role = z
  .enum(["editor", "reviewer", "admin"])
  .describe("editor: drafts; reviewer: also publishes and reverts; admin: also users.");
export type Role = z.infer<typeof Role>;

const RANK: Record<Role, number> = { editor: 1, reviewer: 2, admin: 3 };
/** Whether `role` can do what `needed` can: the roles are nested. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export const EntityType = z.enum(RECORD_TYPES);
export type EntityType = z.infer<typeof EntityType>;

/** One schema per record type: the same one the read API documents and the dataset files use. */
export const RECORD_SCHEMAS = {
  actor: Actor,
  topic: Topic,
  source: Source,
  stance: Stance,
  reaction: Reaction,
  event: Event,
  gap: DataGap,
} as const;

export type RecordOf<T extends EntityType> = z.infer<(typeof RECORD_SCHEMAS)[T]>;
export type AnyRecord = RecordOf<EntityType>;

/** The field that holds a record's key (a no-data note is keyed by its actor and topic: `actor` names it). */
export const KEY_FIELDS = {
  actor: "slug",
  topic: "slug",
  source: "id",
  stance: "id",
  reaction: "id",
  event: "slug",
  gap: "actor",
} as const satisfies Record<EntityType, string>;

/** A record's key: slugs for actors, topics and events, ids for the rest, `actor~topic` for no-data notes. */
export function keyOf(type: EntityType, record: AnyRecord): string {
  const r = record as Record<string, unknown>;
  if (type === "gap") return `${r.actor}~${r.topic}`;
  return String(r.slug ?? r.id);
}

/** A human label for lists, diffs and the audit log. */
export function labelOf(type: EntityType, record: AnyRecord): string {
  const r = record as Record<string, unknown>;
  switch (type) {
    case "actor":
      return String(r.name);
    case "topic":
    case "event":
      return String(r.title);
    case "source":
      return `${r.publisher}: ${r.title}`;
    case "stance":
      return `${r.actor} · ${r.topic} → ${r.category} from ${r.validFrom}`;
    case "reaction": {
      const t = r.target as { actor?: string; event?: string };
      return `${r.actor} → ${t.actor ?? t.event} (${r.sentiment}, ${r.date})`;
    }
    case "gap":
      return `No data: ${r.actor} · ${r.topic}`;
  }
}

/**
 * The version a change starts from: `published` is the published record's version (0 when it does not
 * exist yet), `draft` the open draft change's version (0 when there is none). Sent back with every save;
 * a save whose token no longer matches is refused with 409.
 */
export const VersionToken = z
  .string()
  .regex(/^\d+\.\d+$/, "must be the version token you read, e.g. `3.0`")
  .describe("`<published version>.<draft version>` as last read; 409 if either moved since.");

export function versionToken(published: number, draft: number): string {
  return `${published}.${draft}`;
}

export const WriteOptions = z.object({
  draft: z.string().min(1).max(40).optional().describe("Add the change to this open draft instead of a new one."),
  title: Text.min(1).max(200).optional().describe("A title for a new draft."),
});

export const DeleteQuery = z.object({ expectedVersion: VersionToken, draft: WriteOptions.shape.draft });

export const DraftTitleBody = z.object({
  title: Text.trim().min(1, "enter a title").max(200).describe("The draft's new title."),
  expectedVersion: z.number().int().min(1).optional().describe("The draft's `version` you read; 409 if it moved since."),
});

export const ReturnBody = z.object({ comment: Text.trim().min(1, "say what needs changing").max(2000) });
export const PublishBody = z.object({
  comment: Text.max(2000).optional(),
  expectedVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("The draft's `version` you reviewed; if anything was saved into the draft since, publishing is refused with 409."),
});
export const RevertBody = z.object({
  revision: z.number().int().min(0).describe("The published version to restore; 0 restores absence (the record is deleted)."),
  expectedVersion: z.number().int().min(0).describe("The published version you are reverting from."),
  comment: Text.max(2000).optional(),
});

export const AuditQuery = z.object({
  user: z.string().max(200).optional().describe("User id or email."),
  type: EntityType.optional(),
  action: z.string().max(40).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: z.coerce.number().int().min(1).max(2_147_483_647, "is not a cursor this log gave").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const NewUser = z.object({
  email: z.email("must be an email address").max(200),
  name: Text.trim().min(1, "enter their name").max(120),
  role: Role,
  password: z.string().min(12, "at least 12 characters").max(200),
});
export const UserPatch = z.object({ role: Role.optional(), disabled: z.boolean().optional() });
export const NewToken = z.object({ name: Text.trim().min(1).max(80) });

export const ImportFormat = z.enum(["json", "csv"]);
export const ImportQuery = z.object({
  format: ImportFormat.default("json"),
  type: EntityType.optional().describe("For CSV: the kind of record each row is."),
  dryRun: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  publish: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1")
    .describe("Reviewers: publish the import at once instead of leaving a draft for review."),
});
