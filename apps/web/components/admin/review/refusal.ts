// Turns a curation refusal into a Refusal the form can show; anything else is a bug and is rethrown.
import "server-only";
import { CurationError, HasDependants, InvalidInput } from "@stancemap/db";
import type { Refusal } from "./action-result";

export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof CurationError)) throw error;
  return {
    ok: false,
    status: error.status,
    message: error.message,
    ...(error instanceof InvalidInput || error.issues.length > 0 ? { issues: error.issues } : {}),
    ...(error instanceof HasDependants ? { dependants: error.dependants } : {}),
  };
}

export const signedOut: Refusal = { ok: false, status: 401, message: "Your session has ended; sign in again." };
