// What a review-area server action hands back to its form: plain data, never an Error, so refusals
// (403, 409 with the stale records or the dependants) reach the page and are shown next to the form.
import type { FieldError } from "@stancemap/core";
import type { Dependant } from "@stancemap/db";

export interface Refusal {
  ok: false;
  status: number;
  message: string;
  issues?: FieldError[];
  dependants?: Dependant[];
  /** Records in a draft that were published by someone else after the draft began. */
  stale?: { type: string; key: string; label: string }[];
}

export type ActionResult = { ok: true; message: string } | Refusal | null;
