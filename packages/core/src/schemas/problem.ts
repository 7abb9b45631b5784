// The one problem shape (RFC 9457) every 4xx and 5xx of the API answers with, query and body alike.
import { z } from "zod";
import { VersionToken } from "./curation";
import { AnyRecordSchema, Dependant } from "./curation-answers";

export const FieldError = z
  .object({
    field: z
      .string()
      .describe("What was refused: a query parameter's name (`limit`), or a body path as dots (`evidence.0.source`, `body`)."),
    code: z.string().describe("A stable reason code (`invalid_type`, `too_big`, `unrecognized_keys`, `custom`, `exists`…)."),
    message: z.string().describe("Why, for people."),
  })
  .meta({ id: "FieldError" });
export type FieldError = z.infer<typeof FieldError>;

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
      .describe("409 version conflict: what is there now, to merge with and retry from."),
    dependants: z.array(Dependant).optional().describe("409 on delete: the published records that still point at this one."),
    requestId: z.string().optional().describe("The request's id (also in the X-Request-Id header); quote it when reporting a failure."),
  })
  .describe("RFC 9457 problem details: the one shape of every 4xx and 5xx answer.")
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;
