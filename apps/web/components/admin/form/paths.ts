// Field paths in words: the labels the forms show, for the error summary, the merge view and the
// error map (so a message names a field as the form does: "Ended must be after Began.").
import type { EntityType, LabelOf } from "@stancemap/core";

const FIELD_LABELS: Record<string, string> = {
  slug: "Slug",
  id: "ID",
  name: "Name",
  kind: "Kind",
  iso3: "ISO alpha-3 code",
  isoNumeric: "ISO numeric code",
  role: "Role",
  region: "Region",
  affiliation: "Belongs to",
  description: "Description",
  names: "Local names",
  aliases: "Other names",
  title: "Title",
  question: "Question",
  categories: "Categories",
  key: "Key",
  label: "Label",
  order: "Order",
  colour: "Colour",
  publisher: "Publisher",
  author: "Author",
  publishedOn: "Published on",
  accessedOn: "Accessed on",
  dateNote: "Date note",
  url: "URL",
  reliability: "Reliability note",
  citedIn: "Cited in",
  locator: "Locator",
  actor: "Actor",
  topic: "Topic",
  category: "Category",
  validFrom: "Valid from",
  attested: "Attested",
  validUntil: "Valid until",
  qualifiers: "Qualifying facts",
  confidence: "Confidence",
  summary: "Summary",
  note: "Note",
  evidence: "Sources",
  source: "Source",
  quote: "Quote",
  text: "Quote text",
  speaker: "Speaker",
  language: "Language",
  translation: "Translation",
  target: "Reacts to",
  event: "Event",
  date: "Date",
  sentiment: "Sentiment",
  series: "Series",
  actors: "Actors involved",
  lang: "Language",
  dir: "Direction",
  newSource: "New source",
};

/** Where a form labels a field otherwise than the default, by record type. */
const TYPE_LABELS: Partial<Record<EntityType, Record<string, string>>> = {
  stance: { validFrom: "Began", validUntil: "Ended" },
  gap: { validFrom: "Holds from", validUntil: "Holds until" },
  reaction: { actor: "Actor reacting" },
};
const ITEM_LABELS: Record<string, string> = {
  evidence: "Source",
  categories: "Category",
  names: "Local name",
  aliases: "Other name",
  actors: "Actor",
};

const segments = (path: string) => path.split(".").filter(Boolean);

/** A DOM id for the control that edits `path`. */
export function fieldId(path: string): string {
  return `rf-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The label of one field, as the form of `type` shows it (its last path segment). */
export function fieldLabel(field: string, type?: EntityType): string {
  return (type && TYPE_LABELS[type]?.[field]) ?? FIELD_LABELS[field] ?? field;
}

/** "evidence.0.quote.text" → "Source 1 › Quote text", for the error summary and the merge view. */
export function pathLabel(path: string, type?: EntityType): string {
  const parts = segments(path);
  const out: string[] = [];
  parts.forEach((s, i) => {
    if (/^\d+$/.test(s)) {
      const parent = parts[i - 1] ?? "";
      out.pop();
      out.push(`${ITEM_LABELS[parent] ?? "Item"} ${Number(s) + 1}`);
    } else if (s !== "quote" || i === parts.length - 1) {
      // A top-level field of a record takes the record type's label; a nested one (a new source's) the plain one.
      out.push(fieldLabel(s, parts.length === 1 ? type : undefined));
    }
  });
  return out.join(" › ") || "This record";
}

/** The error map's labels for one record type's form: a field by the name beside it. */
export const labelsFor =
  (type: EntityType): LabelOf =>
  (path) =>
    fieldLabel(String(path.at(-1) ?? ""), path.length === 1 ? type : undefined);
