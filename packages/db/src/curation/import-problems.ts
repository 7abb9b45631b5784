// What is wrong with an import row, in the editor's words: zod's issues reworded from their code and the
// row's own value (never from zod's message text), and the references a row makes read from its raw
// values, so a row whose structure fails still has its actors, sources and categories checked.
import { type EntityType, impossibleDateProblem, KEY_FIELDS } from "@stancemap/core";
import type { FieldIssue } from "./errors";
import type { Ref } from "./records";

/** The part of a zod issue the wording needs; zod's own `message` is the last resort. */
export interface RowIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
}

/** The fields that hold dates (EDTF, or a day for a source's `publishedOn`/`accessedOn`). */
const DATE_FIELDS = new Set(["validFrom", "validUntil", "attested", "date", "publishedOn", "accessedOn"]);
const LABELS: Record<string, string> = { confidence: "confidence level", kind: "kind of actor", sentiment: "sentiment" };

/** A row's value in a message: text (cut at 60 characters), a number or true/false as written; a list or an
 * object named, never written out (a hostile row nests them thousands deep, past what JSON.stringify can walk). */
const quoted = (value: unknown): string => {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return value === undefined ? "nothing" : `an ${typeof value === "object" ? "object" : typeof value}`;
};
const orList = (values: readonly unknown[]) => {
  const words = values.map(String);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
};

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let at = raw;
  for (const step of path) {
    if (!at || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[step as string];
  }
  return at;
}

function fieldName(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === "string");
  return typeof last === "string" ? last : "record";
}

/**
 * Why a written date is not one, as a person would say it: core's wording for a date that names no real day
 * ("30 February 2025 does not exist.", the same as the forms and the API say), else what to write instead.
 */
export function dateProblem(value: string): string {
  const impossible = impossibleDateProblem(value);
  if (impossible) return impossible;
  return `${quoted(value)} is not a date; write it as 2025-07-03, 2025-07 or 2025 (EDTF; 2021-08~ for approximate)`;
}

/**
 * One zod issue of a row as `{ field, code, message }`. Messages the schemas wrote themselves (a slug's
 * pattern, "at least one source is required") are kept; zod's generic English is replaced.
 */
export function rowIssue(issue: RowIssue, raw: unknown): FieldIssue {
  const field = issue.path.map(String).join(".") || "record";
  const value = valueAt(raw, issue.path);
  const name = fieldName(issue.path);
  const label = LABELS[name] ?? name;
  if (DATE_FIELDS.has(name) && typeof value === "string" && ["custom", "invalid_format"].includes(issue.code))
    return { field, code: "invalid_date", message: dateProblem(value) };
  if (DATE_FIELDS.has(name) && typeof value === "string" && issue.code === "too_big")
    return { field, code: "invalid_date", message: `${quoted(value)} is too long to be a date` };
  switch (issue.code) {
    case "invalid_value":
      return {
        field,
        code: issue.code,
        message:
          value === undefined
            ? `${label} is missing; use ${orList(issue.values ?? [])}`
            : `${quoted(value)} is not a ${label}; use ${orList(issue.values ?? [])}`,
      };
    case "invalid_type":
      if (value === undefined || value === null || value === "") return { field, code: "required", message: `${label} is missing` };
      return { field, code: issue.code, message: `${label} must be ${expectedWords(issue.expected)}, not ${quoted(value)}` };
    case "unrecognized_keys": {
      const keys = issue.keys ?? [];
      return {
        field,
        code: issue.code,
        message: `unknown ${keys.length === 1 ? "field" : "fields"} ${keys.map((k) => quoted(k)).join(", ")}`,
      };
    }
    case "too_small":
      if (issue.origin === "string") return { field, code: issue.code, message: `${label} is empty` };
      return { field, code: issue.code, message: issue.message };
    case "too_big":
      if (issue.origin === "string")
        return { field, code: issue.code, message: `${label} is longer than ${String(issue.maximum)} characters` };
      if (issue.origin === "array") return { field, code: issue.code, message: `${label} has more than ${String(issue.maximum)} entries` };
      return { field, code: issue.code, message: issue.message };
    default:
      return { field, code: issue.code, message: issue.message };
  }
}

function expectedWords(expected: unknown): string {
  switch (expected) {
    case "string":
      return "text";
    case "number":
    case "int":
      return "a number";
    case "array":
      return "a list";
    case "object":
      return "an object";
    case "boolean":
      return "true or false";
    default:
      return String(expected);
  }
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const object = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * What a raw row points at, where its values are strings: `referencesOf` for a row that may not parse.
 * Kept equal to `referencesOf` on every valid record (import-checks.test.ts compares them on the dataset).
 */
export function rawReferencesOf(type: EntityType, raw: unknown): Ref[] {
  const r = object(raw);
  if (!r) return [];
  const refs: Ref[] = [];
  const push = (refType: EntityType, key: unknown, path: string) => {
    const k = text(key);
    if (k) refs.push({ type: refType, key: k, path });
  };
  const evidence = (value: unknown) => {
    list(value).forEach((item, i) => {
      const e = object(item);
      if (!e) return;
      push("source", e.source, `evidence.${i}.source`);
      const quote = object(e.quote);
      // A speaker is { name, title, actor } (only the actor is a reference), or an actor's slug alone (the earlier form).
      const speaker = quote?.speaker;
      if (typeof speaker === "string") push("actor", speaker, `evidence.${i}.quote.speaker.actor`);
      else if (quote) push("actor", object(speaker)?.actor, `evidence.${i}.quote.speaker.actor`);
    });
  };
  switch (type) {
    case "actor":
      push("actor", r.affiliation, "affiliation");
      list(r.aliases).forEach((alias, i) => {
        push("source", object(alias)?.source, `aliases.${i}.source`);
      });
      break;
    case "source":
      push("source", object(r.citedIn)?.source, "citedIn.source");
      break;
    case "stance":
      push("actor", r.actor, "actor");
      push("topic", r.topic, "topic");
      evidence(r.evidence);
      break;
    case "gap":
      push("actor", r.actor, "actor");
      push("topic", r.topic, "topic");
      break;
    case "reaction": {
      push("actor", r.actor, "actor");
      const target = object(r.target);
      if (target && "actor" in target) push("actor", target.actor, "target.actor");
      else if (target) push("event", target.event, "target.event");
      evidence(r.evidence);
      break;
    }
    case "event":
      list(r.actors).forEach((a, i) => {
        push("actor", a, `actors.${i}`);
      });
      evidence(r.evidence);
      break;
    case "topic":
      break;
  }
  return refs;
}

/** Whether a structural problem already covers this path (its own field, or one it sits in or holds). */
export function coveredBy(issues: readonly FieldIssue[], path: string): boolean {
  return issues.some((i) => i.field === path || path.startsWith(`${i.field}.`) || i.field.startsWith(`${path}.`));
}

/** The field that names a record, for problems of the whole row (a duplicate, an open draft): core's key fields. */
export const KEY_FIELD: Record<EntityType, string> = KEY_FIELDS;

/** A row's problems in one line: "field: message; field: message" (a sentence's own full stop dropped inside the line). */
export const reasonOf = (issues: readonly FieldIssue[]) => issues.map((i) => `${i.field}: ${i.message.replace(/\.$/, "")}`).join("; ");
