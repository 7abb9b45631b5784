// The write and curation half of the OpenAPI document. Request bodies are the contract's zod schemas;
// the answers of @stancemap/db (TypeScript interfaces there) are described here once, for clients.
import {
  AuditQuery,
  COLLECTIONS,
  Dataset,
  DeleteQuery,
  type EntityType,
  ImportQuery,
  NewToken,
  NewUser,
  PublishBody,
  RECORD_SCHEMAS,
  ReturnBody,
  RevertBody,
  Role,
  UserPatch,
  VersionToken,
  WriteOptions,
} from "@stancemap/core";
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiSecuritySchemeObject } from "zod-openapi";

export const securitySchemes: Record<string, ZodOpenApiSecuritySchemeObject> = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description:
      "The session cookie set by `POST /api/auth/sign-in/email` (`__Secure-better-auth.session_token` behind HTTPS). " +
      "HttpOnly, SameSite=Lax. A state-changing request that carries it must also send an `Origin` header of this site: " +
      "a missing, `null` or foreign Origin is refused with 403.",
  },
  bearer: {
    type: "http",
    scheme: "bearer",
    description: "An API token (`smp_…`) an admin made for a user; it acts with that user's role. No Origin header is needed.",
  },
};

const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

// ---- Answers ----

const RECORD_LIST = Object.values(RECORD_SCHEMAS) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]];
const AnyRecord = z.union(RECORD_LIST).describe("The record, in its type's schema.");
const Stored = z.object({ record: AnyRecord, version: z.number().int().describe("The published version.") });

const FieldError = z.object({
  field: z.string().describe("The field, as a dotted path: `evidence.0.source`, `expectedVersion`, `body`."),
  message: z.string().describe("Why it was refused."),
});

const Dependant = z.object({ type: z.string(), key: z.string(), label: z.string() }).meta({ id: "Dependant" });

export const WriteProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional().describe("400: one entry per refused field."),
    current: z
      .object({ version: VersionToken, record: AnyRecord.nullable() })
      .optional()
      .describe("409 version conflict: what is there now, to merge with and retry from."),
    dependants: z.array(Dependant).optional().describe("409 on delete: the published records that still point at this one."),
  })
  .describe("RFC 9457 problem details of a refused write.")
  .meta({ id: "WriteProblem" });

const SaveResult = z
  .object({
    draftId: z.string().describe("The draft the change is in."),
    itemId: z.string(),
    version: VersionToken.describe("The record's new version token: send it as `expectedVersion` with the next change."),
  })
  .meta({ id: "SaveResult" });

const DraftStatus = z.enum(["pending", "returned", "published", "withdrawn"]);

const Head = z
  .object({
    published: Stored.nullable(),
    draft: z
      .object({
        draftId: z.string(),
        itemId: z.string(),
        op: z.enum(["upsert", "delete"]),
        record: AnyRecord.nullable(),
        version: z.number().int(),
        status: DraftStatus,
      })
      .nullable(),
    version: VersionToken,
  })
  .describe("What an edit starts from: the published record, the open draft change to it, and the version token.")
  .meta({ id: "Head" });

const DraftItem = z.object({
  id: z.string(),
  type: z.string(),
  key: z.string(),
  op: z.enum(["upsert", "delete"]),
  label: z.string(),
  record: AnyRecord.nullable().describe("The proposed record; null for a deletion."),
  published: Stored.nullable().describe("The published record now, to diff against."),
  baseVersion: z.number().int().nullable(),
  version: z.number().int(),
  stale: z.boolean().describe("The published record moved since this change began."),
});

const DraftView = z
  .object({
    id: z.string(),
    title: z.string(),
    status: DraftStatus,
    authorId: z.string(),
    authorEmail: z.string(),
    comment: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    version: z.number().int(),
    items: z.array(DraftItem),
  })
  .meta({ id: "Draft" });

const Change = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.string().nullable(),
    userEmail: z.string().nullable(),
    action: z.string().describe("`draft.save`, `draft.delete`, `publish`, `revert`, `draft.publish`, `user.create`…"),
    entityType: z.string(),
    entityId: z.string(),
    draftId: z.string().nullable(),
    recordVersion: z.number().int().nullable(),
    before: AnyRecord.nullable(),
    after: AnyRecord.nullable(),
    comment: z.string().nullable(),
  })
  .meta({ id: "Change" });

const Revision = z.object({
  version: z.number().int(),
  record: AnyRecord.nullable().describe("null: the record did not exist at this revision."),
  at: z.string().nullable(),
  by: z.string().nullable(),
  action: z.string(),
});

const RecordHistory = z
  .object({
    type: z.string(),
    key: z.string(),
    head: Head,
    changes: z.array(Change).describe("Newest first."),
    revisions: z.array(Revision).describe("Published revisions, oldest first; any can be restored with `revert`."),
  })
  .meta({ id: "RecordHistory" });

const AuditPage = z.object({ data: z.array(Change), nextCursor: z.number().int().nullable() });

const Outcome = z.enum(["created", "updated", "unchanged", "rejected"]);
const ImportResult = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    draftId: z.string().nullable(),
    published: z.boolean(),
    counts: z.record(Outcome, z.number().int()),
    rows: z.array(
      z.object({
        row: z.string().describe("`actors[3]` for JSON, `line 4` for CSV."),
        type: z.string(),
        key: z.string().nullable(),
        outcome: Outcome,
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: "ImportResult" });

const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    disabled: z.boolean(),
    createdAt: z.string(),
    tokens: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        prefix: z.string(),
        createdAt: z.string(),
        lastUsedAt: z.string().nullable(),
        revokedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "User" });

// ---- Responses ----

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: WriteProblem } } });
const noContent = (description: string) => ({ description });

const invalid = problem("Invalid input: `errors` lists each refused field with the reason.");
const unauthorised = problem("Not signed in: no session cookie or API token, or it was revoked. Carries `WWW-Authenticate: Bearer`.");
const forbidden = (what: string) => problem(`${what} Also: a cookie request without a same-site \`Origin\`.`);
const crossSite = forbidden("Refused.");
const conflict = problem("Someone else saved first: `current` holds the version token and record now. Merge and send again.");

function op(summary: string, responses: ZodOpenApiOperationObject["responses"], extra: Partial<ZodOpenApiOperationObject> = {}) {
  return { summary, security: signedIn, ...extra, responses: { "401": unauthorised, ...responses } } satisfies ZodOpenApiOperationObject;
}

const body = (schema: z.ZodType, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

// ---- Records ----

/** Actors, topics and events are addressed by slug; the rest by id (no-data notes as `actor~topic`). */
const KEY_PARAM: Record<EntityType, "slug" | "id"> = {
  actor: "slug",
  topic: "slug",
  event: "slug",
  source: "id",
  stance: "id",
  reaction: "id",
  gap: "id",
};

function objectShape(schema: z.ZodType): z.ZodRawShape {
  return (schema as unknown as z.ZodObject).shape;
}

function recordPaths(type: EntityType) {
  const collection = COLLECTIONS[type];
  const param = KEY_PARAM[type];
  const base = `/api/v1/${collection}`;
  const item = `${base}/{${param}}`;
  const path = z.object({
    [param]: z.string().describe(type === "gap" ? "`actor~topic`" : `The ${type}'s ${param}.`),
  });
  const schema = RECORD_SCHEMAS[type];
  const patch = z
    .object(objectShape(schema))
    .partial()
    .extend({ expectedVersion: VersionToken })
    .describe(`Only the fields to change, with the version token read from \`${item}/head\`. The key cannot change.`);

  return {
    collection: {
      post: op(
        `Propose a new ${type} (into a new draft, or \`?draft=\` an open one)`,
        {
          "201": json(SaveResult, "Saved into a draft. Nothing is public until a reviewer publishes it."),
          "400": invalid,
          "403": crossSite,
          "404": problem("The `draft` named does not exist."),
          "409": problem("A record with this key already exists (`current`), or the `draft` is no longer open."),
        },
        { requestParams: { query: WriteOptions }, requestBody: body(schema) },
      ),
    },
    item: {
      patch: op(
        `Change some fields of a ${type}`,
        {
          "200": json(SaveResult, "Saved into the record's open draft, or a new one."),
          "400": invalid,
          "403": crossSite,
          "404": problem(`No ${type} with that key.`),
          "409": conflict,
        },
        { requestParams: { path, query: WriteOptions }, requestBody: body(patch) },
      ),
      delete: op(
        `Propose deleting a ${type}`,
        {
          "200": json(SaveResult, "The deletion is proposed in a draft."),
          "400": invalid,
          "403": crossSite,
          "404": problem(`No ${type} with that key.`),
          "409": problem("A version conflict (`current`), or other published records still point at it (`dependants`)."),
        },
        { requestParams: { path, query: DeleteQuery } },
      ),
    },
    head: {
      get: op(
        `What an edit of a ${type} starts from`,
        { "200": json(Head, "The head."), "404": problem(`No ${type} with that key.`) },
        {
          requestParams: { path },
        },
      ),
    },
    history: {
      get: op(
        `A ${type}'s history: every recorded change and its published revisions`,
        { "200": json(RecordHistory, "The history."), "404": problem(`No ${type} with that key, and none ever.`) },
        { requestParams: { path } },
      ),
    },
    revert: {
      post: op(
        `Restore an earlier published revision of a ${type} (reviewers)`,
        {
          "200": json(z.object({ version: z.number().int(), revision: z.number().int() }), "Restored as a new published version."),
          "400": invalid,
          "403": forbidden("Reviewers only."),
          "404": problem("No such revision."),
          "409": problem("The record moved past `expectedVersion` (`current`), or restoring absence is blocked by `dependants`."),
        },
        { requestParams: { path }, requestBody: body(RevertBody) },
      ),
    },
    paths: { base, item },
  };
}

/** The write operations, merged by the caller into the read API's path items. */
export function curationPaths(): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const type of Object.keys(COLLECTIONS) as EntityType[]) {
    const r = recordPaths(type);
    paths[r.paths.base] = r.collection;
    paths[r.paths.item] = r.item;
    paths[`${r.paths.item}/head`] = r.head;
    paths[`${r.paths.item}/history`] = r.history;
    paths[`${r.paths.item}/revert`] = r.revert;
  }
  const draftId = z.object({ id: z.string().describe("The draft's id.") });
  const notFound = problem("No draft with that id.");

  paths["/api/v1/drafts"] = {
    get: op(
      "Drafts: the review queue (open drafts by default)",
      { "200": json(z.object({ data: z.array(DraftView) }), "Drafts."), "400": invalid },
      {
        requestParams: {
          query: z.object({
            status: z
              .string()
              .optional()
              .describe("Comma-separated: `pending`, `returned`, `published`, `withdrawn`. Default `pending,returned`."),
          }),
        },
      },
    ),
  };
  paths["/api/v1/drafts/{id}"] = {
    get: op(
      "One draft with its changes and the published records they replace",
      { "200": json(DraftView, "The draft."), "404": notFound },
      {
        requestParams: { path: draftId },
      },
    ),
    delete: op(
      "Withdraw a draft (its author, or a reviewer): nothing is published",
      {
        "204": noContent("Withdrawn."),
        "403": forbidden("Not the author and not a reviewer."),
        "404": notFound,
        "409": problem("The draft is no longer open."),
      },
      { requestParams: { path: draftId } },
    ),
  };
  paths["/api/v1/drafts/{id}/publish"] = {
    post: op(
      "Publish a pending draft, all its changes or none (reviewers)",
      {
        "200": json(z.object({ revision: z.number().int().describe("The dataset revision now.") }), "Published."),
        "400": invalid,
        "403": forbidden("Reviewers only."),
        "404": notFound,
        "409": problem("Not pending, empty, stale against what is published (`current`), or a deletion has `dependants`."),
      },
      { requestParams: { path: draftId }, requestBody: { ...body(PublishBody), required: false } },
    ),
  };
  paths["/api/v1/drafts/{id}/return"] = {
    post: op(
      "Send a pending draft back to its author with a comment (reviewers)",
      {
        "204": noContent("Returned."),
        "400": invalid,
        "403": forbidden("Reviewers only."),
        "404": notFound,
        "409": problem("The draft is not pending."),
      },
      { requestParams: { path: draftId }, requestBody: body(ReturnBody) },
    ),
  };
  paths["/api/v1/audit"] = {
    get: op(
      "The audit log: every recorded change, newest first",
      { "200": json(AuditPage, "A page of changes."), "400": invalid },
      {
        requestParams: { query: AuditQuery },
      },
    ),
  };
  paths["/api/v1/dataset"] = {
    get: {
      summary: "The whole published dataset, in the shape the importer takes",
      description: "Public. With `drafts=true`, open drafts are applied on top: reviewers only.",
      requestParams: { query: z.object({ drafts: z.enum(["true", "false", "1", "0"]).optional() }) },
      responses: {
        "200": json(Dataset, "The dataset, as a download."),
        "401": unauthorised,
        "403": problem("`drafts=true` needs the reviewer role."),
      },
    },
  };
  paths["/api/v1/import"] = {
    post: op(
      "Import records: check every row, and with `dryRun=false` write them all into one draft, or none",
      {
        "200": json(ImportResult, "Every row's outcome. With `dryRun=true` (the default) nothing is written."),
        "400": invalid,
        "403": forbidden("`publish=true` needs the reviewer role."),
        "422": json(ImportResult, "Some rows were rejected (see each row's `reason`); nothing was written."),
      },
      {
        requestParams: { query: ImportQuery },
        requestBody: {
          required: true,
          description: "JSON: any of the dataset's collections. CSV (`format=csv&type=…`): one record per row, nested fields flattened.",
          content: {
            "application/json": { schema: z.object(objectShape(Dataset)).partial() },
            "text/csv": { schema: z.string() },
          },
        },
      },
    ),
  };
  paths["/api/v1/import/progress"] = {
    get: op(
      "How far one of your running imports is: rows checked of all, then writing (for a progress bar)",
      {
        "200": json(
          z.object({ phase: z.enum(["checking", "writing"]), done: z.number().int(), total: z.number().int() }),
          "The import is running.",
        ),
        "400": invalid,
        "404": problem("No running import of yours with that job id (unknown, or finished)."),
      },
      {
        requestParams: {
          query: z.object({ job: z.string().describe("The `job` form field sent with the import (the admin form makes up a UUID).") }),
        },
      },
    ),
  };
  paths["/api/v1/users"] = {
    get: op("List users and their tokens (admins)", {
      "200": json(z.object({ data: z.array(User) }), "Users."),
      "403": forbidden("Admins only."),
    }),
    post: op(
      "Create a user (admins)",
      { "201": json(User, "Created."), "400": invalid, "403": forbidden("Admins only.") },
      { requestBody: body(NewUser) },
    ),
  };
  const userId = z.object({ id: z.string().describe("The user's id.") });
  paths["/api/v1/users/{id}"] = {
    patch: op(
      "Change a user's role, or disable them; their sessions end (admins)",
      {
        "200": json(User, "Changed."),
        "400": invalid,
        "403": forbidden("Admins only."),
        "404": problem("No user with that id."),
        "409": problem("This is the last admin."),
      },
      { requestParams: { path: userId }, requestBody: body(UserPatch) },
    ),
  };
  paths["/api/v1/users/{id}/tokens"] = {
    post: op(
      "Create an API token for a user (admins); the token is in this response only",
      {
        "201": json(z.object({ token: z.string().describe("`smp_…`: send as `Authorization: Bearer …`."), id: z.string() }), "Created."),
        "400": invalid,
        "403": forbidden("Admins only."),
        "404": problem("No user with that id."),
      },
      { requestParams: { path: userId }, requestBody: body(NewToken) },
    ),
  };
  paths["/api/v1/tokens/{id}"] = {
    delete: op(
      "Revoke an API token (admins): it stops working at once",
      { "204": noContent("Revoked."), "403": forbidden("Admins only."), "404": problem("No token with that id.") },
      { requestParams: { path: z.object({ id: z.string().describe("The token's id.") }) } },
    ),
  };
  return paths;
}
