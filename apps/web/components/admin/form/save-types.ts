// What the record forms send to their server actions and get back: plain, serialisable shapes.
import type { EntityType } from "@stancemap/core";
import type { FieldIssue, Values } from "./form-state";

export interface SaveInput {
  type: EntityType;
  /** The record's key when editing; null when creating (the key comes from the record). */
  key: string | null;
  record: Values;
  /** Sources created in place by evidence rows: saved first, in the same draft. */
  newSources: { row: number; record: Values }[];
  /** The version token read when the form opened; null when creating. */
  expectedVersion: string | null;
  draftId?: string;
}

export interface DeleteInput {
  type: EntityType;
  key: string;
  expectedVersion: string;
  draftId?: string;
}

export interface Dependant {
  type: EntityType;
  key: string;
  label: string;
}

export type SaveResult =
  | { ok: true; draftId: string; key: string }
  | {
      ok: false;
      status: number;
      message: string;
      issues?: FieldIssue[];
      /** Someone else saved first: what is there now. */
      conflict?: { version: string; record: Values | null };
      dependants?: Dependant[];
    };
