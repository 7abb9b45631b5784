// Server actions are public endpoints: anyone can call one with any arguments, not only the shapes its
// form sends. Each checks its arguments here (zod) and answers a malformed call with a 400 result.
import "server-only";
import { EntityType, VersionToken } from "@stancemap/core";
import { z } from "zod";

/** The form a form-posted action was sent; anything else is malformed. */
export const FormArg = z.instanceof(FormData);

/** The form an action was posted, or null when called with anything else. */
export function formArg(value: unknown): FormData | null {
  const parsed = FormArg.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const MALFORMED = {
  ok: false as const,
  status: 400,
  message: "Malformed request: this action takes the form it was sent from. Reload the page.",
};

const Key = z.string().min(1).max(200);
const DraftId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const FormRecord = z.record(z.string(), z.unknown());

/** What the record form sends to saveRecord (components/admin/form/save-types.ts). */
export const SaveInputArg = z.object({
  type: EntityType,
  key: Key.nullable(),
  record: FormRecord,
  newSources: z
    .array(z.object({ row: z.number().int().min(0).max(999), record: FormRecord }))
    .max(100)
    .default([]),
  expectedVersion: VersionToken.nullable(),
  draftId: DraftId.optional(),
});

/** What the delete button sends to deleteRecord. */
export const DeleteInputArg = z.object({ type: EntityType, key: Key, expectedVersion: VersionToken, draftId: DraftId.optional() });
