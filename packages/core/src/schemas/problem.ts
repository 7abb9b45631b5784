// The one problem shape (RFC 9457) every 4xx and 5xx of the API answers with, query and body alike.
import { z } from "zod";
import { VersionToken } from "./curation";
import { AnyRecordSchema, Dependant } from "./curation-answers";
import { FieldError } from "./field-error";

export { FieldError };

const VersionedRecord = z.object({ version: VersionToken, record: AnyRecordSchema.nullable() });

export const MergeConflict = z
  .object({
    field: z.string().describe("The field's path in the record (a top-level field's name; a list such as `evidence` is one field)."),
    base: z.unknown().describe("Its value in the version you started from (`null`: the field was not set)."),
    theirs: z.unknown().describe("Its value in the version saved since."),
    yours: z.unknown().describe("Its value in your request."),
  })
  .describe("A field both versions changed, differently: a person chooses.")
  .meta({ id: "MergeConflict" });
export type MergeConflict = z.infer<typeof MergeConflict>;

export const ConflictTheirs = VersionedRecord.extend({
  savedBy: z.string().nullable().describe("Who saved it, by name (`null` when the change has no recorded author)."),
  savedAt: z.iso.datetime().nullable().describe("When it was saved (`null` when it was loaded, not saved through curation)."),
})
  .describe("409 version conflict: what is there now (the open draft's change, else the published record), and who saved it.")
  .meta({ id: "ConflictTheirs" });

export const ConflictMergeResult = z
  .object({
    merged: z
      .record(z.string(), z.unknown())
      .describe(
        "The three-way merge: every field only one side changed takes that side, fields both changed the same way are kept, and each conflicting field holds yours until you choose.",
      ),
    conflicts: z.array(MergeConflict).describe("Fields both sides changed differently; empty when `merged` can be sent as it is."),
  })
  .meta({ id: "ConflictMergeResult" });

export const Problem = z
  .object({
    type: z.string().describe("A URI naming the kind of problem."),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional().describe("The path (and query) the problem is about."),
    errors: z.array(FieldError).optional().describe("400: one entry per refused field or parameter."),
    current: z
      .object({ version: VersionToken, record: AnyRecordSchema.nullable() })
      .optional()
      .describe("409 version conflict: what is there now, to merge with and retry from (the same as `theirs`, without who saved it)."),
    base: VersionedRecord.nullable()
      .optional()
      .describe(
        "409 version conflict: the version your `expectedVersion` names, as it was when you read it. `null` when it cannot be read back; `baseUnavailable` says why.",
      ),
    baseUnavailable: z
      .string()
      .optional()
      .describe(
        "409 version conflict with `base: null`: why the base cannot be read back. The merge is then two-way: every differing field is a conflict.",
      ),
    theirs: ConflictTheirs.optional(),
    yours: AnyRecordSchema.nullable()
      .optional()
      .describe("409 version conflict: your record as the request would have saved it (`null` for a deletion)."),
    merge: ConflictMergeResult.nullable()
      .optional()
      .describe("409 version conflict: the field-level merge of base, theirs and yours; `null` when either side deletes the record."),
    dependants: z.array(Dependant).optional().describe("409 on delete: the published records that still point at this one."),
    requestId: z.string().optional().describe("The request's id (also in the X-Request-Id header); quote it when reporting a failure."),
  })
  .describe("RFC 9457 problem details: the one shape of every 4xx and 5xx answer.")
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;
