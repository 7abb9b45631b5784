// What the record forms send to their server actions and get back: plain, serialisable shapes.
import type { EntityType } from "@stancemap/core";
import type { FieldIssue } from "./record-values";

type Values = Record<string, unknown>;

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

/**
 * Someone else saved first: what is there now (theirs, with who saved it and when), the version this
 * form started from (base; null when it cannot be read back, with the reason) and what the form sent.
 */
export interface Conflict {
  /** Their version token: the merged record is saved against it. */
  version: string;
  theirs: Values | null;
  savedBy: string | null;
  savedAt: string | null;
  base: Values | null;
  baseUnavailable: string | null;
  yours: Values | null;
}

export type SaveResult =
  /** `unchanged`: the record is as it is now; nothing was saved (and `draftId` is the open draft holding it, if any). */
  | { ok: true; draftId: string | null; key: string; unchanged?: boolean }
  | {
      ok: false;
      status: number;
      message: string;
      issues?: FieldIssue[];
      /** Someone else saved first. */
      conflict?: Conflict;
      dependants?: Dependant[];
    };
