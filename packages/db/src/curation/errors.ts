// The ways a curation write is refused. Each maps to one HTTP status; none leaves anything written.
import { type FieldError, type Role, roleAtLeast } from "@stancemap/core";
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

export class CurationError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export class InvalidInput extends CurationError {
  constructor(
    readonly issues: FieldIssue[],
    message = "the input is invalid",
  ) {
    super(400, message);
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

/**
 * Someone else saved first: `current` is what is there now, so the editor can merge. A save from a
 * version token also carries `details`: the base it started from, theirs, yours and the three-way merge.
 */
export class VersionConflict extends CurationError {
  constructor(
    message: string,
    readonly current: { version: string; record: unknown | null },
    readonly details?: ConflictDetails,
  ) {
    super(409, message);
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
