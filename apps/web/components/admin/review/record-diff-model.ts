// The field-by-field comparison behind RecordDiff, kept apart from the markup so it can be tested:
// list items (evidence, local names, categories) are matched by what identifies them, not by position.
import { formatEdtf, isEdtf, type SpeakerLike, speakerLabel, upgradeSpeaker } from "@stancemap/core/model";
import { diffWords } from "diff";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type Status = "added" | "removed" | "changed" | "unchanged";

/** A run of text in a word-level comparison. */
export interface TextPart {
  text: string;
  kind: "same" | "added" | "removed";
}

/**
 * `labelKey`: the stored key an item's label names (shown on hover). `beforeKey`/`afterKey`: the
 * stored keys a value's labels stand for (`pakistan` behind "Pakistan"), when a label was found.
 */
export type FieldDiff =
  | { kind: "text"; key: string; label: string; labelKey?: string; status: Status; parts: TextPart[] }
  | {
      kind: "value";
      key: string;
      label: string;
      labelKey?: string;
      status: Status;
      before: string | null;
      after: string | null;
      beforeKey?: string;
      afterKey?: string;
    }
  | { kind: "object"; key: string; label: string; labelKey?: string; status: Status; fields: FieldDiff[] }
  | { kind: "list"; key: string; label: string; labelKey?: string; status: Status; items: FieldDiff[] };

/** Names for the keys records point at: actors, topics, sources, events, and each topic's categories. */
export interface DiffLabels {
  actors: ReadonlyMap<string, string>;
  topics: ReadonlyMap<string, string>;
  sources: ReadonlyMap<string, string>;
  events: ReadonlyMap<string, string>;
  /** Topic → category key → label. */
  categories: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** What one comparison knows beyond the two values: the labels, and the topic whose categories apply. */
interface Context {
  labels: DiffLabels | null;
  topic: string | null;
}

/** The field names whose values are keys of other records, and where their labels are. */
const KEY_FIELDS: Record<string, keyof Omit<DiffLabels, "categories"> | "categories"> = {
  actor: "actors",
  actors: "actors",
  topic: "topics",
  source: "sources",
  event: "events",
  category: "categories",
};

/** The label for a key a field holds, if there is one: `pakistan` in `actor` → "Pakistan". */
function labelOfKey(ctx: Context, field: string, value: unknown): string | undefined {
  if (!ctx.labels || typeof value !== "string") return undefined;
  const book = KEY_FIELDS[field];
  if (!book) return undefined;
  if (book === "categories") return ctx.topic ? ctx.labels.categories.get(ctx.topic)?.get(value) : undefined;
  return ctx.labels[book].get(value);
}

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

function itemLabel(ctx: Context, listKey: string, item: Json | undefined, position: number): { label: string; labelKey?: string } {
  const singular = fieldLabel(listKey).replace(/ies$/, "y").replace(/s$/, "");
  if (isObject(item)) {
    // A local name reads better as "Name (ru): Россия" than by its language alone.
    if (typeof item.lang === "string" && typeof item.name === "string") return { label: `${singular} (${item.lang}): ${item.name}` };
    const field = IDENTITY.find((f) => typeof item[f] === "string");
    if (field) {
      const key = String(item[field]);
      const named = labelOfKey(ctx, field, key);
      return named ? { label: `${singular}: ${named}`, labelKey: key } : { label: `${singular}: ${key}` };
    }
  }
  if (typeof item === "string" || typeof item === "number") {
    const named = labelOfKey(ctx, listKey, item);
    return named ? { label: `${singular}: ${named}`, labelKey: String(item) } : { label: `${singular}: ${item}` };
  }
  return { label: `${singular} ${position + 1}` };
}

function diffList(ctx: Context, key: string, label: string, before: Json[], after: Json[]): FieldDiff {
  const beforeIds = identities(before);
  const afterIds = identities(after);
  const items: FieldDiff[] = [];
  const item = (id: string, named: { label: string; labelKey?: string }, b: Json | undefined, a: Json | undefined): FieldDiff => ({
    ...diffValue(ctx, id, named.label, b, a, key),
    ...(named.labelKey ? { labelKey: named.labelKey } : {}),
  });
  // The proposed order leads; items that went away follow where they were.
  afterIds.forEach((id, i) => {
    const j = beforeIds.indexOf(id);
    items.push(item(id, itemLabel(ctx, key, after[i], i), j >= 0 ? before[j] : undefined, after[i]));
  });
  beforeIds.forEach((id, j) => {
    if (!afterIds.includes(id)) items.push(item(id, itemLabel(ctx, key, before[j], j), before[j], undefined));
  });
  return { kind: "list", key, label, status: statusOf(before.length ? before : null, after.length ? after : null), items };
}

function diffObject(
  ctx: Context,
  key: string,
  label: string,
  before: { [k: string]: Json } | undefined,
  after: { [k: string]: Json } | undefined,
): FieldDiff {
  return { kind: "object", key, label, status: statusOf(before, after), fields: diffFields(before ?? {}, after ?? {}, ctx) };
}

/**
 * A quote's speaker reads as one value, "Mumtaz Zahra Baloch, Foreign Office spokesperson", with the linked
 * actor as its stored key; a speaker stored as an actor's slug alone (the earlier form) reads as that actor.
 */
function diffSpeaker(ctx: Context, key: string, label: string, before: Json | undefined, after: Json | undefined): FieldDiff {
  const b = upgradeSpeaker(before) as Json | undefined;
  const a = upgradeSpeaker(after) as Json | undefined;
  const words = (v: Json | undefined): string | null =>
    isObject(v) ? speakerLabel(v as SpeakerLike, (slug) => ctx.labels?.actors.get(slug)) || null : null;
  const actorOf = (v: Json | undefined) => (isObject(v) && typeof v.actor === "string" ? { key: v.actor } : {});
  const { key: beforeKey } = actorOf(b);
  const { key: afterKey } = actorOf(a);
  return {
    kind: "value",
    key,
    label,
    status: statusOf(b, a),
    before: words(b),
    after: words(a),
    ...(beforeKey ? { beforeKey } : {}),
    ...(afterKey ? { afterKey } : {}),
  };
}

/** `field` names what the value is for label lookups: the key itself, or the list a scalar item is in. */
function diffValue(ctx: Context, key: string, label: string, before: Json | undefined, after: Json | undefined, field = key): FieldDiff {
  if (key === "speaker") return diffSpeaker(ctx, key, label, before, after);
  const status = statusOf(before, after);
  if (Array.isArray(before) || Array.isArray(after))
    return diffList(ctx, key, label, Array.isArray(before) ? before : [], Array.isArray(after) ? after : []);
  if (isObject(before) || isObject(after))
    return diffObject(ctx, key, label, isObject(before) ? before : undefined, isObject(after) ? after : undefined);
  const date = DATE_KEYS.has(key);
  const beforeName = labelOfKey(ctx, field, before);
  const afterName = labelOfKey(ctx, field, after);
  const b = beforeName ?? (date ? dateText(before) : asText(before));
  const a = afterName ?? (date ? dateText(after) : asText(after));
  if (
    !date &&
    !beforeName &&
    !afterName &&
    status === "changed" &&
    typeof before === "string" &&
    typeof after === "string" &&
    /\s/.test(`${before}${after}`)
  )
    return { kind: "text", key, label, status, parts: wordParts(before, after) };
  return {
    kind: "value",
    key,
    label,
    status,
    before: b,
    after: a,
    ...(beforeName ? { beforeKey: String(before) } : {}),
    ...(afterName ? { afterKey: String(after) } : {}),
  };
}

/** Every field of two records, in the proposed record's order, then the fields that went away. */
export function diffFields(
  before: { [k: string]: Json },
  after: { [k: string]: Json },
  ctx: Context = { labels: null, topic: null },
): FieldDiff[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  return keys.map((k) => diffValue(ctx, k, fieldLabel(k), before[k], after[k]));
}

/**
 * Compares two records (either may be null: a creation or a deletion). With `labels`, keys of other
 * records read as their names (`pakistan` as "Pakistan", a category by the stance's topic's label).
 */
export function diffRecords(before: unknown, after: unknown, labels: DiffLabels | null = null): { status: Status; fields: FieldDiff[] } {
  const b = isObject(before) ? before : null;
  const a = isObject(after) ? after : null;
  const topic = typeof a?.topic === "string" ? a.topic : typeof b?.topic === "string" ? b.topic : null;
  return { status: statusOf(b, a), fields: diffFields(b ?? {}, a ?? {}, { labels, topic }) };
}

export function countChanged(fields: FieldDiff[]): number {
  return fields.filter((f) => f.status !== "unchanged").length;
}
