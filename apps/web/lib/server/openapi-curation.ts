// The write and curation half of the OpenAPI document. Request bodies and answers are the contract's zod
// schemas (packages/core), the same ones @stancemap/db's return types are inferred from.
import {
  AuditPage,
  AuditQuery,
  COLLECTIONS,
  Dataset,
  DeleteQuery,
  Draft,
  DraftList,
  DraftRenamed,
  DraftTitleBody,
  type EntityType,
  Head,
  ImportQuery,
  ImportResult,
  MAX_SOURCE_TEXT_CHARS,
  NewToken,
  NewTokenResult,
  NewUser,
  Problem,
  PublishBody,
  PublishResult,
  QuoteCheckBody,
  QuoteCheckResult,
  RECORD_SCHEMAS,
  RecordHistory,
  ReturnBody,
  RevertBody,
  RevertResult,
  SaveResult,
  SaveUnchanged,
  SourceTextBody,
  SourceTextRef,
  User,
  UserList,
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

// ---- Responses ----

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });
const noContent = (description: string) => ({ description });

const invalid = problem("Invalid input: `errors` lists each refused field with the reason.");
const unauthorised = problem("Not signed in: no session cookie or API token, or it was revoked. Carries `WWW-Authenticate: Bearer`.");
const forbidden = (what: string) => problem(`${what} Also: a cookie request without a same-site \`Origin\`.`);
const crossSite = forbidden("Refused.");
const conflict = problem(
  "Someone else saved first. `base` is the version your `expectedVersion` names (or `null`, with `baseUnavailable` saying why), `theirs` what is there now and who saved it, `yours` your record, and `merge` the field-level three-way merge: fields only one side changed are taken from that side; `merge.conflicts` lists the fields both changed differently. Send `merge.merged` (with your choice for each conflict) with `theirs.version` as `expectedVersion`.",
);
const saved = z.union([SaveResult, SaveUnchanged]);

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
          "200": json(
            saved,
            "Saved into the record's open draft, or a new one. If the fields sent leave the record as it is now (the open draft's record, else the published one), nothing is saved, no draft is opened and nothing is audited: `{ unchanged: true }`.",
          ),
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
          "200": json(saved, "The deletion is proposed in a draft (`{ unchanged: true }` if an open draft proposes it already)."),
          "400": invalid,
          "403": crossSite,
          "404": problem(`No ${type} with that key.`),
          "409": problem("A version conflict (`current`, `base`, `theirs`), or other published records still point at it (`dependants`)."),
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
          "200": json(RevertResult, "Restored as a new published version."),
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
      { "200": json(DraftList, "Drafts."), "400": invalid },
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
      { "200": json(Draft, "The draft."), "404": notFound },
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
    patch: op(
      "Rename an open draft (its author, or a reviewer)",
      {
        "200": json(DraftRenamed, "Renamed. The draft's `version` does not change: the title is not content."),
        "400": invalid,
        "403": forbidden("Not the author and not a reviewer."),
        "404": notFound,
        "409": problem("The draft is no longer open, or changed since `expectedVersion`."),
      },
      { requestParams: { path: draftId }, requestBody: body(DraftTitleBody) },
    ),
  };
  paths["/api/v1/drafts/{id}/publish"] = {
    post: op(
      "Publish a pending draft, all its changes or none (reviewers)",
      {
        "200": json(PublishResult, "Published."),
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
      security: [{}, ...signedIn],
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
        "422": json(
          ImportResult,
          "Some rows were rejected (each rejected row lists every problem found, in `problems`); nothing was written.",
        ),
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
      "200": json(UserList, "Users."),
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
        "201": json(NewTokenResult, "Created."),
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
  paths["/api/v1/source-texts"] = {
    post: op(
      "Store a source's text (editors); name it in the source's `text` to keep it with the source",
      {
        "201": json(
          SourceTextRef,
          "Stored, or already stored: texts are kept once per content (SHA-256 of the UTF-8 bytes) and never change, so every draft and revision naming one can read it.",
        ),
        "400": invalid,
        "403": crossSite,
      },
      { requestBody: body(SourceTextBody, `Plain text, at most ${MAX_SOURCE_TEXT_CHARS.toLocaleString("en")} characters.`) },
    ),
  };
  paths["/api/v1/sources/{id}/text"] = {
    get: op(
      "The stored text a source's quotes are checked against (curators): its open draft's, else the published one",
      {
        "200": { description: "The text. `X-Content-SHA256` names it.", content: { "text/plain": { schema: z.string() } } },
        "403": forbidden("Signed-in curators only."),
        "404": problem("No source with that id, or it has no stored text."),
      },
      { requestParams: { path: z.object({ id: z.string().describe("The source's id.") }) } },
    ),
  };
  paths["/api/v1/quote-check"] = {
    post: op(
      "Check a quote against its source's stored text (curators): found on word boundaries, not found, or not checked",
      {
        "200": json(
          QuoteCheckResult,
          "Found (with where: offset, length and context), not found, or not checked when the source has no stored text, never found then.",
        ),
        "400": invalid,
        "403": crossSite,
      },
      { requestBody: body(QuoteCheckBody) },
    ),
  };
  return paths;
}
