// A three-way merge of two edits of one record, field by field, against the version both started
// from (as MediaWiki and Git merge): a field only one side changed takes that side; a field both
// changed the same way takes it once; a field both changed differently is a conflict for a person.
// Top-level fields are the unit: a list such as evidence is one field (it is reviewed as a whole).

export type MergeRecord = { readonly [field: string]: unknown };

export interface FieldConflict {
  /** The field's path in the record (top-level: the field's name). */
  field: string;
  /** The value each version has; `null` where the version has no such field. */
  base: unknown;
  theirs: unknown;
  yours: unknown;
}

export interface MergeResult {
  /** Every field settled without asking, and yours where the two conflict (a person decides those). */
  merged: Record<string, unknown>;
  conflicts: FieldConflict[];
  /** Fields taken from one side without asking, with the side: what the merge view reports. */
  taken: { field: string; from: "theirs" | "yours" | "both" }[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** JSON with sorted keys and absent (undefined) fields left out: equal records compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** Deep equality of JSON values; an absent field equals `undefined` and `null`. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Merges `yours` into `theirs` against `base`. Pure: no input is changed. Fields are visited in
 * yours' order, then theirs', then base's, so the merged record reads like the editor's. With no base
 * (`null`: it cannot be read back) the merge is two-way: every field that differs is a conflict.
 */
export function threeWayMerge(base: MergeRecord | null, theirs: MergeRecord, yours: MergeRecord): MergeResult {
  const fields = [...new Set([...Object.keys(yours), ...Object.keys(theirs), ...Object.keys(base ?? {})])];
  const merged: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  const taken: MergeResult["taken"] = [];
  for (const field of fields) {
    const b = base?.[field];
    const t = theirs[field];
    const y = yours[field];
    let value: unknown;
    if (sameJson(t, y)) {
      value = t;
      if (!sameJson(b, t)) taken.push({ field, from: "both" });
    } else if (base && sameJson(b, t)) {
      value = y;
      taken.push({ field, from: "yours" });
    } else if (base && sameJson(b, y)) {
      value = t;
      taken.push({ field, from: "theirs" });
    } else {
      value = y;
      conflicts.push({ field, base: b ?? null, theirs: t ?? null, yours: y ?? null });
    }
    if (value !== undefined) merged[field] = value;
  }
  return { merged, conflicts, taken };
}

/**
 * Applies a person's choices to a merge's conflicts: each conflicting field takes the chosen side.
 * Returns null while any conflict has no choice.
 */
export function resolveMerge(
  result: MergeResult,
  choices: Readonly<Record<string, "theirs" | "yours" | "base">>,
): Record<string, unknown> | null {
  const merged: Record<string, unknown> = { ...result.merged };
  for (const c of result.conflicts) {
    const pick = choices[c.field];
    if (!pick) return null;
    const value = c[pick];
    // A field one version does not have is left out, as that version leaves it out.
    if (value === null || value === undefined) delete merged[c.field];
    else merged[c.field] = value;
  }
  return merged;
}
