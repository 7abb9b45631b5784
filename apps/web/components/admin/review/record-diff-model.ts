// The field-by-field comparison behind RecordDiff, kept apart from the markup so it can be tested:
// list items (evidence, local names, categories) are matched by what identifies them, not by position.
import { formatEdtf, isEdtf } from "@stancemap/core/model";
import { diffWords } from "diff";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type Status = "added" | "removed" | "changed" | "unchanged";

/** A run of text in a word-level comparison. */
export interface TextPart {
  text: string;
  kind: "same" | "added" | "removed";
}

export type FieldDiff =
  | { kind: "text"; key: string; label: string; status: Status; parts: TextPart[] }
  | { kind: "value"; key: string; label: string; status: Status; before: string | null; after: string | null }
  | { kind: "object"; key: string; label: string; status: Status; fields: FieldDiff[] }
  | { kind: "list"; key: string; label: string; status: Status; items: FieldDiff[] };

const isObject = (v: unknown): v is { [key: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v);

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(value[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

const SPECIAL_LABELS: Record<string, string> = {
  iso3: "ISO alpha-3 code",
  isoNumeric: "ISO numeric code",
  url: "URL",
  lang: "Language",
  dir: "Direction",
};

/** "validFromPrecision" → "Valid from precision". */
export function fieldLabel(key: string): string {
  if (SPECIAL_LABELS[key]) return SPECIAL_LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const asText = (v: Json | undefined): string | null => (v === undefined || v === null ? null : typeof v === "string" ? v : String(v));

/** Fields that hold dates (EDTF): shown in words with the stored value beside them, "c. August 2021 (2021-08~)". */
const DATE_KEYS = new Set(["validFrom", "attested", "validUntil", "date", "publishedOn", "accessedOn"]);

function dateText(v: Json | undefined): string | null {
  if (typeof v !== "string") return asText(v);
  if (!isEdtf(v)) return v;
  const words = formatEdtf(v);
  return words === v ? v : `${words} (${v})`;
}

function statusOf(before: unknown, after: unknown): Status {
  if (before === undefined || before === null) return after === undefined || after === null ? "unchanged" : "added";
  if (after === undefined || after === null) return "removed";
  return stable(before) === stable(after) ? "unchanged" : "changed";
}

export function wordParts(before: string, after: string): TextPart[] {
  return diffWords(before, after).map((c) => ({ text: c.value, kind: c.added ? "added" : c.removed ? "removed" : "same" }));
}

/** What names an item of a list across two versions: a category's key, evidence's source, a name's language. */
const IDENTITY = ["key", "source", "lang", "slug", "id", "actor", "event"];

function identities(items: Json[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item, i) => {
    let id = `#${i}`;
    if (isObject(item)) {
      const field = IDENTITY.find((f) => typeof item[f] === "string");
      if (field) id = `${field}:${item[field]}`;
    } else if (typeof item === "string" || typeof item === "number") id = `=${item}`;
    // The same source cited twice stays two items, paired by their order.
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}~${n}`;
  });
}

function itemLabel(listKey: string, item: Json | undefined, position: number): string {
  const singular = fieldLabel(listKey).replace(/ies$/, "y").replace(/s$/, "");
  if (isObject(item)) {
    // A local name reads better as "Name (ru): Россия" than by its language alone.
    if (typeof item.lang === "string" && typeof item.name === "string") return `${singular} (${item.lang}): ${item.name}`;
    const field = IDENTITY.find((f) => typeof item[f] === "string");
    if (field) return `${singular}: ${item[field]}`;
  }
  if (typeof item === "string" || typeof item === "number") return `${singular}: ${item}`;
  return `${singular} ${position + 1}`;
}

function diffList(key: string, label: string, before: Json[], after: Json[]): FieldDiff {
  const beforeIds = identities(before);
  const afterIds = identities(after);
  const items: FieldDiff[] = [];
  // The proposed order leads; items that went away follow where they were.
  afterIds.forEach((id, i) => {
    const j = beforeIds.indexOf(id);
    items.push(diffValue(id, itemLabel(key, after[i], i), j >= 0 ? before[j] : undefined, after[i]));
  });
  beforeIds.forEach((id, j) => {
    if (!afterIds.includes(id)) items.push(diffValue(id, itemLabel(key, before[j], j), before[j], undefined));
  });
  return { kind: "list", key, label, status: statusOf(before.length ? before : null, after.length ? after : null), items };
}

function diffObject(
  key: string,
  label: string,
  before: { [k: string]: Json } | undefined,
  after: { [k: string]: Json } | undefined,
): FieldDiff {
  return { kind: "object", key, label, status: statusOf(before, after), fields: diffFields(before ?? {}, after ?? {}) };
}

function diffValue(key: string, label: string, before: Json | undefined, after: Json | undefined): FieldDiff {
  const status = statusOf(before, after);
  if (Array.isArray(before) || Array.isArray(after))
    return diffList(key, label, Array.isArray(before) ? before : [], Array.isArray(after) ? after : []);
  if (isObject(before) || isObject(after))
    return diffObject(key, label, isObject(before) ? before : undefined, isObject(after) ? after : undefined);
  const date = DATE_KEYS.has(key);
  const b = date ? dateText(before) : asText(before);
  const a = date ? dateText(after) : asText(after);
  if (!date && status === "changed" && typeof before === "string" && typeof after === "string" && /\s/.test(`${before}${after}`))
    return { kind: "text", key, label, status, parts: wordParts(before, after) };
  return { kind: "value", key, label, status, before: b, after: a };
}

/** Every field of two records, in the proposed record's order, then the fields that went away. */
export function diffFields(before: { [k: string]: Json }, after: { [k: string]: Json }): FieldDiff[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  return keys.map((k) => diffValue(k, fieldLabel(k), before[k], after[k]));
}

/** Compares two records (either may be null: a creation or a deletion). */
export function diffRecords(before: unknown, after: unknown): { status: Status; fields: FieldDiff[] } {
  const b = isObject(before) ? before : null;
  const a = isObject(after) ? after : null;
  return { status: statusOf(b, a), fields: diffFields(b ?? {}, a ?? {}) };
}

export function countChanged(fields: FieldDiff[]): number {
  return fields.filter((f) => f.status !== "unchanged").length;
}
