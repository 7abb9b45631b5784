// What follows from one change in a record form: suggested keys, a new source's suggested ID, a
// category's key from its label, a quote's speaker, a local name's direction, a stance's category.
import type { EntityType } from "@stancemap/core";
import { slugify, suggestKey } from "./keys";
import type { PickerOptions } from "./options";
import type { FormValues } from "./record-values";

const RTL_LANGUAGES = new Set(["ar", "fa", "prs", "ps", "ur", "he", "yi", "sd", "ug", "ckb", "dv"]);

/** The record type's key field, when a form suggests it (a no-data note's key is its actor and topic). */
export const SUGGESTED_KEY: Record<EntityType, "slug" | "id" | null> = {
  actor: "slug",
  topic: "slug",
  source: "id",
  stance: "id",
  reaction: "id",
  event: "slug",
  gap: null,
};

export type Update = [path: string, value: unknown];

/** The further changes one change of `path` (already in `values`) brings: [path, value] pairs to set. */
export function derive(type: EntityType, mode: "create" | "edit", options: PickerOptions, values: FormValues, path: string): Update[] {
  const out: Update[] = [];
  const keyField = SUGGESTED_KEY[type];
  if (mode === "create" && keyField) {
    if (path === keyField) out.push(["_keyTouched", true]);
    else if (!values._keyTouched) {
      const key = suggestKey(type, values);
      if (key !== values[keyField]) out.push([keyField, key]);
    }
  }
  let m = /^evidence\.(\d+)\.newSource\.(publisher|title|id)$/.exec(path);
  const rows = values.evidence ?? [];
  if (m) {
    const row = rows[Number(m[1])];
    if (m[2] === "id") out.push([`evidence.${m[1]}._idTouched`, true]);
    else if (row && !row._idTouched) out.push([`evidence.${m[1]}.newSource.id`, suggestKey("source", row.newSource)]);
  }
  m = /^categories\.(\d+)\.(label|key)$/.exec(path);
  if (m) {
    const row = values.categories?.[Number(m[1])];
    if (m[2] === "key") out.push([`categories.${m[1]}._keyTouched`, true]);
    else if (row && !row._existing && !row._keyTouched) out.push([`categories.${m[1]}.key`, slugify(row.label)]);
  }
  m = /^evidence\.(\d+)\._quote$/.exec(path);
  const quoted = m ? rows[Number(m[1])] : undefined;
  // A new quote is most often the actor's own words: link its speaker to the actor until the editor says otherwise.
  if (m && quoted?._quote && !quoted.quote.speaker?.actor && !quoted.quote.speaker?.name && typeof values.actor === "string")
    out.push([`evidence.${m[1]}.quote.speaker.actor`, values.actor]);
  m = /^names\.(\d+)\.lang$/.exec(path);
  if (m) {
    const lang = values.names?.[Number(m[1])]?.lang ?? "";
    out.push([`names.${m[1]}.dir`, RTL_LANGUAGES.has(lang.split("-")[0] ?? "") ? "rtl" : "ltr"]);
  }
  if (path === "topic" && type === "stance") {
    const topic = options.topics.find((t) => t.key === values.topic);
    if (values.category && !topic?.categories.some((c) => c.key === values.category)) out.push(["category", ""]);
  }
  return out;
}
