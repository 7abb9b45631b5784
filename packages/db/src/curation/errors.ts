// The ways a curation write is refused. Each maps to one HTTP status; none leaves anything written.
import { type EntityType, type FieldError, type Role, roleAtLeast } from "@stancemap/core";
import type { ConflictDetails } from "./merge-base";
import type { Dependant } from "./records";

export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** One refused field, as the problem shape carries it: `field` is the body path as dots (`evidence.0.source`). */
export type FieldIssue = FieldError;

/** Every refusal says which fields are to blame, if any, as `{ field, code, message }`: callers never read `message` to find out. */
export class CurationError extends Error {
  readonly issues: FieldIssue[];
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
    issues: FieldIssue[] = [],
  ) {
    super(message);
    this.issues = issues;
  }
}

export class InvalidInput extends CurationError {
  constructor(issues: FieldIssue[], message = "the input is invalid") {
    super(400, message, issues);
  }
}

export class Forbidden extends CurationError {
  constructor(message: string) {
    super(403, message);
  }
}

export class NotFound extends CurationError {
  constructor(message: string) {
    super(404, message);
  }
}

/** Which record a refusal is about, and where it was found: published, or only in an open draft. */
export interface RecordRef {
  type: EntityType;
  key: string;
  where: "published" | "draft" | "none";
}

/**
 * Someone else saved first: `current` is what is there now, so the editor can merge. A save from a
 * version token also carries `details`: the base it started from, theirs, yours and the three-way merge.
 * `code` says which kind: `exists` (a creation found the key taken) or `changed` (the version moved);
 * `record` says which record and where, so no caller reads the message to find out.
 */
export class VersionConflict extends CurationError {
  readonly code: "exists" | "changed";
  readonly record: RecordRef | null;
  constructor(
    message: string,
    readonly current: { version: string; record: unknown | null },
    readonly details?: ConflictDetails,
    refusal?: { code: "exists" | "changed"; record: RecordRef; issues?: FieldIssue[] },
  ) {
    super(409, message, refusal?.issues);
    this.code = refusal?.code ?? "changed";
    this.record = refusal?.record ?? null;
  }
}

export class HasDependants extends CurationError {
  constructor(
    message: string,
    readonly dependants: Dependant[],
  ) {
    super(409, message);
  }
}

export function requireRole(who: Principal | null, needed: Role): Principal {
  if (!who) throw new CurationError(401, "sign in first");
  if (!roleAtLeast(who.role, needed))
    throw new Forbidden(`this needs the ${needed} role; you are ${who.role === "editor" ? "an" : "a"} ${who.role}`);
  return who;
}

export function zodIssues(
  error: { issues: { path: PropertyKey[]; message: string; code: string }[] },
  prefix: string[] = [],
): FieldIssue[] {
  return error.issues.map((i) => ({ field: [...prefix, ...i.path.map(String)].join(".") || "body", code: i.code, message: i.message }));
}
