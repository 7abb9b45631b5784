// What the users page's server actions hand back: plain data, never an Error, so a refusal (the last
// admin, a taken email) is shown next to the form that caused it.
import type { FieldError } from "@stancemap/core";

export type UsersActionResult =
  | {
      ok: true;
      message: string;
      userId?: string;
      /** A new API token: returned by this one response and never again. */
      token?: string;
      tokenId?: string;
    }
  | { ok: false; status: number; message: string; issues: FieldError[] }
  | null;
