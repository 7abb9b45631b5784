// The record forms' state and its validation: form values hold the record under edit plus a few
// UI-only keys (prefixed `_`), and are turned into the record that the core zod schema checks.
import { type EntityType, RECORD_SCHEMAS } from "@stancemap/core";
import type { PickerOptions } from "./options";
import { BLANK_SPEAKER, speakerValue } from "./speaker-value";

export type Values = Record<string, unknown>;
export interface FieldIssue {
  path: string;
  message: string;
}

/** The field that holds a record type's key (gaps are keyed by actor and topic). */
export const KEY_FIELD: Record<EntityType, string | null> = {
  actor: "slug",
  topic: "slug",
  source: "id",
  stance: "id",
  reaction: "id",
  event: "slug",
  gap: null,
};

export const HAS_EVIDENCE: ReadonlySet<EntityType> = new Set(["stance", "reaction", "event"]);

// ---- paths ---------------------------------------------------------------------------------------

const segments = (path: string) => path.split(".").filter(Boolean);

export function getAt(values: unknown, path: string): unknown {
  let at: unknown = values;
  for (const s of segments(path)) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[s];
  }
  return at;
}

export function setAt<T>(values: T, path: string, value: unknown): T {
  const [head, ...rest] = segments(path);
  if (head === undefined) return value as T;
  const base = (values ?? {}) as Record<string, unknown> | unknown[];
  const next = rest.length === 0 ? value : setAt((base as Record<string, unknown>)[head], rest.join("."), value);
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[Number(head)] = next;
    return copy as T;
  }
  return { ...base, [head]: next } as T;
}

/** A DOM id for the control that edits `path`. */
export function fieldId(path: string): string {
  return `rf-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

// ---- labels --------------------------------------------------------------------------------------

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
  validFrom: "Began",
  attested: "Attested",
  validUntil: "Ended",
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
  _new: "New source",
};
const ITEM_LABELS: Record<string, string> = { evidence: "Source", categories: "Category", names: "Local name", actors: "Actor" };

/** "evidence.0.quote.text" → "Source 1 › Quote text", for the error summary. */
export function pathLabel(path: string): string {
  const parts = segments(path);
  const out: string[] = [];
  parts.forEach((s, i) => {
    if (/^\d+$/.test(s)) {
      const parent = parts[i - 1] ?? "";
      out.pop();
      out.push(`${ITEM_LABELS[parent] ?? "Item"} ${Number(s) + 1}`);
    } else if (s !== "quote" || i === parts.length - 1) {
      out.push(FIELD_LABELS[s] ?? s);
    }
  });
  return out.join(" › ") || "This record";
}

/** zod's and the server's messages, worded for someone filling in a form. */
export function friendly(message: string): string {
  if (/received undefined$/.test(message) || message === "Too small: expected string to have >=1 characters") return "Required.";
  const fewer = /^Too small: expected array to have >=(\d+) items?$/.exec(message);
  if (fewer) return `Add at least ${fewer[1]}.`;
  const longer = /^Too big: expected string to have <=(\d+) characters$/.exec(message);
  if (longer) return `At most ${longer[1]} characters.`;
  if (message.startsWith("Invalid option")) return "Choose one of the options.";
  if (message === "Invalid URL") return "Must be a full web address, e.g. https://example.org/page.";
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// ---- keys ----------------------------------------------------------------------------------------

export function slugify(text: string, max = 80): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** A key for a new record from what has been filled in so far; "" until there is enough. */
export function suggestKey(type: EntityType, v: Values): string {
  switch (type) {
    case "actor":
      return slugify(str(v.name));
    case "topic":
    case "event":
      return slugify(str(v.title));
    case "source":
      return slugify([str(v.publisher), str(v.title)].filter(Boolean).join(" "), 100);
    case "stance": {
      const topicWord = str(v.topic).split("-")[0] ?? "";
      const when = str(v.validFrom) || str(v.attested);
      return str(v.actor) && str(v.topic) && when ? slugify(`${str(v.actor)} ${topicWord} ${when}`, 120) : "";
    }
    case "reaction": {
      const t = (v.target ?? {}) as Record<string, unknown>;
      const target = str(t.actor) || str(t.event);
      return str(v.actor) && target && str(v.date) ? slugify(`${str(v.actor)} on ${target} ${str(v.date)}`, 120) : "";
    }
    case "gap":
      return "";
  }
}

// ---- form values ⇄ records -----------------------------------------------------------------------

let uidCounter = 0;
export const uid = () => `u${++uidCounter}`;

export function blankSource(): Values {
  return { id: "", publisher: "", title: "", author: "", publishedOn: "", accessedOn: "", url: "", reliability: "" };
}

export function blankEvidence(speaker = ""): Values {
  return {
    _uid: uid(),
    _mode: "existing",
    _quote: false,
    _new: blankSource(),
    _idTouched: false,
    source: "",
    locator: "",
    quote: { text: "", speaker: { ...BLANK_SPEAKER, actor: speaker }, language: "en", translation: "" },
  };
}

export function blankCategory(): Values {
  return { _uid: uid(), _existing: false, key: "", label: "", colour: "#888888", description: "" };
}

export function blankAlias(): Values {
  return { _uid: uid(), name: "", kind: "alias", lang: "", source: "" };
}

export function blankLocalName(): Values {
  return { _uid: uid(), name: "", lang: "", dir: "rtl" };
}

/** The values a new record's form starts from. */
export function blankValues(type: EntityType): Values {
  switch (type) {
    case "actor":
      return { slug: "", name: "", kind: "", names: [], aliases: [] };
    case "topic":
      return { slug: "", title: "", question: "", description: "", categories: [blankCategory(), blankCategory()] };
    case "source":
      return blankSource();
    case "stance":
      return {
        id: "",
        actor: "",
        topic: "",
        category: "",
        validFrom: "",
        attested: "",
        qualifiers: [],
        confidence: "",
        summary: "",
        evidence: [blankEvidence()],
      };
    case "reaction":
      return {
        id: "",
        actor: "",
        target: { actor: "" },
        date: "",
        sentiment: "",
        confidence: "",
        summary: "",
        evidence: [blankEvidence()],
      };
    case "event":
      return { slug: "", date: "", title: "", actors: [], evidence: [blankEvidence()] };
    case "gap":
      return { actor: "", topic: "", note: "", validFrom: "", validUntil: "" };
  }
}

/** The form values for a stored record. */
export function valuesOf(type: EntityType, record: unknown): Values {
  const r = { ...(record as Values) };
  if (Array.isArray(r.evidence)) {
    r.evidence = (r.evidence as Values[]).map((e) => {
      const quote = e.quote as Values | undefined;
      return {
        ...blankEvidence(),
        source: str(e.source),
        locator: str(e.locator),
        _quote: Boolean(quote),
        quote: { text: "", language: "en", translation: "", ...quote, speaker: speakerValue(quote?.speaker) },
      };
    });
  }
  if (type === "topic" && Array.isArray(r.categories)) {
    r.categories = [...(r.categories as Values[])]
      .sort((a, b) => Number(a.order) - Number(b.order))
      .map((c) => ({ ...c, _uid: uid(), _existing: true }));
  }
  if (Array.isArray(r.names)) r.names = (r.names as Values[]).map((n) => ({ ...n, _uid: uid() }));
  if (Array.isArray(r.aliases)) r.aliases = (r.aliases as Values[]).map((x) => ({ lang: "", source: "", ...x, _uid: uid() }));
  return r;
}

/** Drops UI keys and empty text, so optional fields left blank are absent (as the schema expects). */
function clean(value: unknown, nested = false): unknown {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  // Rows stay in place, even blank ones, so an issue's index still names the row on screen.
  if (Array.isArray(value)) return value.map((v) => clean(v, false));
  if (value && typeof value === "object") {
    const out: Values = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith("_")) continue;
      const c = clean(v, true);
      if (c !== undefined) out[k] = c;
    }
    // An optional group left wholly blank (a source's "cited in") is absent, not an empty object.
    return nested && Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

/** The record the form describes, as sent to the schema and the server. */
export function toRecord(type: EntityType, values: Values): Values {
  const v: Values = { ...values };
  if (Array.isArray(v.evidence)) {
    v.evidence = (v.evidence as Values[]).map((e) => ({
      source: e._mode === "new" ? (e._new as Values).id : e.source,
      locator: e.locator,
      quote: e._quote ? e.quote : undefined,
    }));
  }
  // A scale's order is its rows' order: reordering rows renumbers it, so no two share a place.
  if (type === "topic" && Array.isArray(v.categories)) v.categories = (v.categories as Values[]).map((c, i) => ({ ...c, order: i + 1 }));
  return clean(v) as Values;
}

/** The sources created in place by evidence rows, with the row each belongs to. */
export function newSourcesOf(values: Values): { row: number; record: Values }[] {
  const rows = Array.isArray(values.evidence) ? (values.evidence as Values[]) : [];
  return rows.flatMap((e, row) => (e._mode === "new" ? [{ row, record: clean(e._new) as Values }] : []));
}

function zodIssues(type: EntityType, input: unknown, prefix = ""): FieldIssue[] {
  const parsed = RECORD_SCHEMAS[type].safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: prefix + i.path.map(String).join("."), message: i.message }));
}

/**
 * Checks the form with the same zod schema the API and the database use, plus what only the form
 * knows (which evidence rows create a source). Issue paths are form paths, so each lands on its field.
 */
export function validate(type: EntityType, values: Values, options: PickerOptions): FieldIssue[] {
  const issues = zodIssues(type, toRecord(type, values));
  const rows = Array.isArray(values.evidence) ? (values.evidence as Values[]) : [];
  const newIds = new Set<string>();
  rows.forEach((e, i) => {
    if (e._mode !== "new") return;
    const prefix = `evidence.${i}._new.`;
    const own = zodIssues("source", clean(e._new), prefix);
    const id = str((e._new as Values).id);
    if (id && options.sources.some((s) => s.key === id))
      own.push({ path: `${prefix}id`, message: `a source with the ID "${id}" exists already; pick it as an existing source` });
    else if (id && newIds.has(id)) own.push({ path: `${prefix}id`, message: "another new source here has the same ID" });
    newIds.add(id);
    issues.push(...own);
  });
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const m = /^evidence\.(\d+)\.source$/.exec(issue.path);
    const row = m ? rows[Number(m[1])] : undefined;
    // A new source's key is its ID field: report there, once.
    if (row?._mode === "new") {
      const idPath = `evidence.${m?.[1]}._new.id`;
      if (!issues.some((i) => i.path === idPath)) out.push({ path: idPath, message: issue.message });
      continue;
    }
    if (type === "reaction" && issue.path === "target") {
      const target = (values.target ?? {}) as Values;
      const which = "event" in target ? "event" : "actor";
      out.push({ path: `target.${which}`, message: str(target[which]) ? issue.message : `choose the ${which} this reacts to` });
      continue;
    }
    out.push(issue);
  }
  return out.map((i) => ({ path: i.path, message: friendly(i.message) }));
}

/**
 * The open drafts holding records this one points at: a record citing a draft-only record must be
 * saved into that same draft, or the server cannot find what it cites.
 */
export function draftsReferenced(type: EntityType, record: Values, options: PickerOptions): string[] {
  const r = record as Record<string, unknown>;
  // A topic, source or actor record has no `topic`/`actor` field of its own, so these are absent there.
  const refs: [keyof PickerOptions, unknown][] = [
    ["actors", r.actor],
    ["actors", r.affiliation],
    ["topics", type === "topic" ? undefined : r.topic],
  ];
  const target = (r.target ?? {}) as Values;
  refs.push(["actors", target.actor], ["events", target.event]);
  if (Array.isArray(r.actors)) for (const a of r.actors) refs.push(["actors", a]);
  if (Array.isArray(r.evidence))
    for (const e of r.evidence as Values[])
      refs.push(["sources", e.source], ["actors", speakerValue((e.quote as Values | undefined)?.speaker).actor]);
  refs.push(["sources", (r.citedIn as Values | undefined)?.source]);
  const drafts = new Set<string>();
  for (const [list, key] of refs) {
    if (typeof key !== "string" || !key) continue;
    const hit = (options[list] as { key: string; draftId?: string }[]).find((o) => o.key === key);
    if (hit?.draftId) drafts.add(hit.draftId);
  }
  return [...drafts];
}
