// The one zod error map: every message in the words of someone filling in a form, naming fields by
// their labels. Installed globally on import (server and browser both import the schemas from here);
// a form passes its own labels for one parse with `errorMapFor(labelOf)`.
import { z } from "zod";

/** A field's label for a path of a record (`["validUntil"]` → "Valid until"). */
export type LabelOf = (path: readonly PropertyKey[]) => string;

const DEFAULT_LABELS: Record<string, string> = {
  validFrom: "Valid from",
  validUntil: "Valid until",
  attested: "Attested",
  date: "Date",
};

/** The label an API client reads: the field's own name in words where it has one, else the name. */
export const defaultLabel: LabelOf = (path) => {
  const last = String(path.at(-1) ?? "");
  return DEFAULT_LABELS[last] ?? last;
};

/** What a cross-field rule says: `after` (this must be after that), `notBefore` (this must not be before that). */
export interface OrderRule {
  rule: "after" | "notBefore";
  /** The other field, as a sibling of this one. */
  other: string;
}

const isEmpty = (input: unknown) => input === undefined || input === null || input === "";

function orderMessage(path: readonly PropertyKey[], params: OrderRule, labelOf: LabelOf): string {
  const other = labelOf([...path.slice(0, -1), params.other]);
  return `${labelOf(path)} must ${params.rule === "after" ? "be after" : "not be before"} ${other}.`;
}

type RawIssue = z.core.$ZodRawIssue;

/** The message for one issue; undefined leaves it to the schema's own message or zod's. */
export function messageFor(issue: RawIssue, labelOf: LabelOf = defaultLabel): string | undefined {
  const path = issue.path ?? [];
  switch (issue.code) {
    case "invalid_type":
      if (isEmpty(issue.input)) return "Required.";
      return issue.expected === "array" ? "Must be a list." : `Must be ${issue.expected === "number" ? "a number" : "text"}.`;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 && isEmpty(issue.input) ? "Required." : `At least ${n} characters.`;
      if (issue.origin === "array") return `Add at least ${n}.`;
      return `At least ${n}.`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `At most ${n} characters.`;
      if (issue.origin === "array") return `At most ${n}.`;
      return `At most ${n}.`;
    }
    case "invalid_value":
      return isEmpty(issue.input) ? "Required." : "Choose one of the options.";
    case "invalid_union":
      return isEmpty(issue.input) ? "Required." : "Choose one of the options.";
    case "invalid_format":
      if (issue.format === "url") return "Must be a full web address, e.g. https://example.org/page.";
      return undefined;
    case "unrecognized_keys":
      return `Not a field here: ${issue.keys.join(", ")}.`;
    case "custom": {
      const params = issue.params as Partial<OrderRule> | undefined;
      if (params?.rule && params.other) return orderMessage(path, params as OrderRule, labelOf);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** An error map for one parse, with a form's own labels. */
export const errorMapFor =
  (labelOf: LabelOf): z.core.$ZodErrorMap =>
  (issue) =>
    messageFor(issue, labelOf);

z.config({ customError: errorMapFor(defaultLabel) });
