// One refused field, `{ field, code, message }`: in every 4xx problem and in each rejected import row.
// Apart from problem.ts because curation-answers.ts needs it and problem.ts needs curation-answers.ts.
import { z } from "zod";

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
