// The write API's answers, one schema each: @stancemap/db's return types are inferred from these, and
// the OpenAPI document describes them, so what the server sends and what it documents cannot drift.
import { z } from "zod";
import { EntityType, RECORD_SCHEMAS, Role, VersionToken } from "./curation";
import { FieldError } from "./field-error";

const RECORD_LIST = Object.values(RECORD_SCHEMAS) as unknown as [
  (typeof RECORD_SCHEMAS)[EntityType],
  (typeof RECORD_SCHEMAS)[EntityType],
  ...(typeof RECORD_SCHEMAS)[EntityType][],
];
/** Any record, in its type's schema. */
export const AnyRecordSchema = z.union(RECORD_LIST).describe("The record, in its type's schema.");

const timestamp = z.iso.datetime().describe("An instant, ISO 8601 in UTC.");

export const StoredRecord = z
  .object({ record: AnyRecordSchema, version: z.number().int().min(1).describe("The published version.") })
  .meta({ id: "StoredRecord" });

export const Dependant = z
  .object({ type: EntityType, key: z.string(), label: z.string() })
  .describe("A published record that points at another.")
  .meta({ id: "Dependant" });

export const SaveResult = z
  .object({
    draftId: z.string().describe("The draft the change is in."),
    itemId: z.string(),
    version: VersionToken.describe("The record's new version token: send it as `expectedVersion` with the next change."),
  })
  .meta({ id: "SaveResult" });
export type SaveResult = z.infer<typeof SaveResult>;

export const SaveUnchanged = z
  .object({
    unchanged: z.literal(true).describe("The record is deep-equal to what it is now: nothing was saved, no draft opened, nothing audited."),
    draftId: z.string().nullable().describe("The open draft that already holds this record, if any."),
    version: VersionToken.describe("The record's version token, unchanged."),
  })
  .meta({ id: "SaveUnchanged" });
export type SaveUnchanged = z.infer<typeof SaveUnchanged>;

export const DraftRenamed = z
  .object({
    title: z.string().describe("The draft's title now."),
    unchanged: z.boolean().describe("True when the title was already this: nothing was written."),
  })
  .meta({ id: "DraftRenamed" });

export const DraftStatus = z.enum(["pending", "returned", "published", "withdrawn"]);
export type DraftStatus = z.infer<typeof DraftStatus>;
const ChangeOp = z.enum(["upsert", "delete"]);

export const Head = z
  .object({
    published: StoredRecord.nullable(),
    draft: z
      .object({
        draftId: z.string(),
        itemId: z.string(),
        op: ChangeOp,
        record: AnyRecordSchema.nullable(),
        version: z.number().int(),
        status: DraftStatus,
      })
      .nullable()
      .describe("The open draft change to this record, if any."),
    version: VersionToken.describe("The version token an edit of this record must send back."),
  })
  .describe("What an edit starts from: the published record, the open draft change to it, and the version token.")
  .meta({ id: "Head" });
export type Head = z.infer<typeof Head>;

export const DraftItem = z
  .object({
    id: z.string(),
    type: EntityType,
    key: z.string(),
    op: ChangeOp,
    label: z.string(),
    record: AnyRecordSchema.nullable().describe("The proposed record; null for a deletion."),
    published: StoredRecord.nullable().describe("The published record now, to diff against."),
    baseVersion: z.number().int().nullable(),
    version: z.number().int(),
    stale: z.boolean().describe("The published record moved since this change began: publishing would overwrite someone's work."),
  })
  .meta({ id: "DraftItem" });
export type DraftItem = z.infer<typeof DraftItem>;

export const Draft = z
  .object({
    id: z.string(),
    title: z.string(),
    status: DraftStatus,
    authorId: z.string(),
    authorEmail: z.string(),
    comment: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    publishedAt: timestamp.nullable(),
    version: z.number().int(),
    items: z.array(DraftItem),
  })
  .meta({ id: "Draft" });
export type Draft = z.infer<typeof Draft>;
export const DraftList = z.object({ data: z.array(Draft) }).meta({ id: "DraftList" });

/** What an account change records of the account: never its password or tokens. */
export const AccountSnapshot = z
  .strictObject({
    email: z.string().optional(),
    name: z.string().optional(),
    role: Role.optional(),
    disabled: z.boolean().optional(),
  })
  .describe("For `user.*` entries: the account fields the change touched.")
  .meta({ id: "AccountSnapshot" });

const ChangeSubject = z.union([AnyRecordSchema, AccountSnapshot]).nullable();

export const Change = z
  .object({
    id: z.number().int(),
    at: timestamp,
    userId: z.string().nullable().describe("Who made the change; null for the seed and commands."),
    userEmail: z.string().nullable(),
    action: z
      .string()
      .describe(
        "Records: `draft.save`, `draft.delete`, `publish`, `revert`. Drafts (`entityType` draft): `draft.publish`, `draft.return`, " +
          "`draft.withdraw`. Accounts (`entityType` user or token): `user.create`, `user.update`, `token.create`, `token.revoke`.",
      ),
    entityType: z.string().describe("A record type (`actor` … `gap`), or `draft`, `user`, `token`."),
    entityId: z.string().describe("The record's key, or the draft's, user's or token's id."),
    draftId: z.string().nullable(),
    recordVersion: z.number().int().nullable().describe("The record's published version after the change; null for drafts and accounts."),
    before: ChangeSubject.describe(
      "The record (or, for `user.*`, the account fields) before; null when there was none or nothing is kept (tokens).",
    ),
    after: ChangeSubject.describe("The record (or, for `user.*`, the account fields) after; null for deletions and token entries."),
    comment: z.string().nullable().describe("The reviewer's or author's comment; for `token.create`, the token's name and whose it is."),
  })
  .meta({ id: "Change" });
export type Change = z.infer<typeof Change>;

export const Revision = z
  .object({
    version: z.number().int(),
    record: AnyRecordSchema.nullable().describe("null: the record did not exist at this revision."),
    at: timestamp.nullable(),
    by: z.string().nullable(),
    action: z.string(),
  })
  .describe("A published state of a record.")
  .meta({ id: "Revision" });
export type Revision = z.infer<typeof Revision>;

export const RecordHistory = z
  .object({
    type: EntityType,
    key: z.string(),
    head: Head,
    changes: z.array(Change).describe("Newest first."),
    revisions: z.array(Revision).describe("Published revisions, oldest first; any can be restored with `revert`."),
  })
  .meta({ id: "RecordHistory" });
export type RecordHistory = z.infer<typeof RecordHistory>;

export const AuditPage = z
  .object({
    data: z.array(Change),
    nextCursor: z.number().int().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .meta({ id: "AuditPage" });
export type AuditPage = z.infer<typeof AuditPage>;

export const RevertResult = z
  .object({ version: z.number().int().describe("The record's new published version."), revision: z.number().int() })
  .describe("Restored as a new published version; `revision` is the dataset revision now.")
  .meta({ id: "RevertResult" });
export type RevertResult = z.infer<typeof RevertResult>;

export const PublishResult = z.object({ revision: z.number().int().describe("The dataset revision now.") }).meta({ id: "PublishResult" });
export type PublishResult = z.infer<typeof PublishResult>;

export const RowOutcome = z.enum(["created", "updated", "unchanged", "rejected"]);
export type RowOutcome = z.infer<typeof RowOutcome>;

export const RowResult = z
  .object({
    row: z.string().describe("`actors[3]` for JSON, `line 4` for CSV."),
    type: EntityType,
    key: z.string().nullable(),
    outcome: RowOutcome,
    reason: z.string().optional().describe("A rejected row's problems in one line (`field: message; …`)."),
    problems: z
      .array(FieldError)
      .optional()
      .describe(
        "A rejected row's problems, all found in one pass: its structure, what it points at and its categories, each with the field's path in the record (`evidence.0.source`).",
      ),
  })
  .meta({ id: "RowResult" });
export type RowResult = z.infer<typeof RowResult>;

export const ImportResult = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    draftId: z.string().nullable(),
    published: z.boolean(),
    counts: z.record(RowOutcome, z.number().int()),
    dateForms: z
      .object({
        edtf: z.number().int().describe("Dated rows (stances, reactions, events, notes) whose dates were EDTF."),
        legacy: z
          .number()
          .int()
          .describe("Dated rows in the previous release's form (an ISO day with `validFromPrecision` or `datePrecision`), read as EDTF."),
      })
      .describe("Which form the file's dates were in. The previous form is accepted for one release."),
    rows: z.array(RowResult),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;

export const ApiTokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: "ApiToken" });

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    disabled: z.boolean(),
    createdAt: timestamp,
    tokens: z.array(ApiTokenView),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;
export const UserList = z.object({ data: z.array(User) }).meta({ id: "UserList" });

export const NewTokenResult = z
  .object({ token: z.string().describe("`smp_…`: send as `Authorization: Bearer …`. Shown once."), id: z.string() })
  .meta({ id: "NewTokenResult" });
export type NewTokenResult = z.infer<typeof NewTokenResult>;
