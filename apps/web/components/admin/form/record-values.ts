// A record form's values and the record they describe. Values are the record as the core schema
// takes it (z.input), with evidence rows that may create a source in place and a few UI-only keys
// (prefixed `_`) that never reach the record.
import {
  type ActorAlias,
  type Category,
  type EntityType,
  errorMapFor,
  type LocalName,
  type Quote,
  RECORD_SCHEMAS,
  type Source,
  type SourceTextRef,
} from "@stancemap/core";
import type { z } from "zod";
import type { PickerOptions } from "./options";
import { labelsFor } from "./paths";
import { BLANK_SPEAKER, type SpeakerValue, speakerValue } from "./speaker-value";

/** The record of one type as its schema takes it in. */
export type RecordInput<T extends EntityType = EntityType> = z.input<(typeof RECORD_SCHEMAS)[T]>;

/** Text fields are "" while empty in a form; the record leaves them out. */
type Blank<T> = { [K in keyof T]-?: T[K] extends string | undefined ? string : T[K] };

export type SourceValues = Blank<
  Pick<Source, "id" | "publisher" | "title" | "author" | "publishedOn" | "accessedOn" | "url" | "reliability">
>;
/** A quote as form values: its speaker in the speaker box's shape (blank strings for what is not set). */
export type QuoteValues = Omit<Blank<Quote>, "speaker"> & { speaker: SpeakerValue };

export interface EvidenceRow {
  source: string;
  locator: string;
  quote: QuoteValues;
  /** "new": the row creates `newSource` in place, saved in the same draft. */
  _mode: "existing" | "new";
  _quote: boolean;
  newSource: SourceValues;
  _idTouched: boolean;
}
export type CategoryRow = Blank<Omit<Category, "order">> & { order?: number; _existing: boolean; _keyTouched: boolean };
export type LocalNameRow = Blank<LocalName>;
export type AliasRow = Blank<ActorAlias>;

/** The text fields of every record type, "" while empty. */
type TextFields =
  | "slug"
  | "id"
  | "name"
  | "kind"
  | "iso3"
  | "isoNumeric"
  | "role"
  | "region"
  | "affiliation"
  | "description"
  | "title"
  | "question"
  | "publisher"
  | "author"
  | "publishedOn"
  | "accessedOn"
  | "dateNote"
  | "url"
  | "reliability"
  | "textFile"
  | "actor"
  | "topic"
  | "category"
  | "validFrom"
  | "attested"
  | "validUntil"
  | "confidence"
  | "summary"
  | "note"
  | "date"
  | "sentiment"
  | "series";

/** Every field a record form may hold; those of other record types are absent. */
export interface FormValues extends Partial<Record<TextFields, string>> {
  citedIn?: { source: string; locator: string };
  evidence?: EvidenceRow[];
  categories?: CategoryRow[];
  names?: LocalNameRow[];
  aliases?: AliasRow[];
  actors?: string[];
  /** A stance's qualifier keys; a topic's qualifiers are kept as stored (the form does not edit them). */
  qualifiers?: string[] | Record<string, unknown>[];
  target?: { actor: string } | { event: string };
  /** A source's stored text, by content (SourceTextField stores it and sets this). */
  text?: SourceTextRef;
  _keyTouched?: boolean;
}

export interface FieldIssue {
  path: string;
  message: string;
}

export const HAS_EVIDENCE: ReadonlySet<EntityType> = new Set(["stance", "reaction", "event"]);

export function blankSource(): SourceValues {
  return { id: "", publisher: "", title: "", author: "", publishedOn: "", accessedOn: "", url: "", reliability: "" };
}

export function blankEvidence(speaker = ""): EvidenceRow {
  return {
    _mode: "existing",
    _quote: false,
    newSource: blankSource(),
    _idTouched: false,
    source: "",
    locator: "",
    quote: { text: "", speaker: { ...BLANK_SPEAKER, actor: speaker }, language: "en", translation: "" },
  };
}

export const blankCategory = (): CategoryRow => ({
  _existing: false,
  _keyTouched: false,
  key: "",
  label: "",
  colour: "#888888",
  description: "",
});
export const blankAlias = (): AliasRow => ({ name: "", kind: "alias", lang: "", source: "" });
export const blankLocalName = (): LocalNameRow => ({ name: "", lang: "", dir: "rtl" });

/** The values a new record's form starts from. */
export function blankValues(type: EntityType): FormValues {
  switch (type) {
    case "actor":
      return {
        slug: "",
        name: "",
        kind: "",
        iso3: "",
        isoNumeric: "",
        role: "",
        region: "",
        affiliation: "",
        description: "",
        names: [],
        aliases: [],
      };
    case "topic":
      return { slug: "", title: "", question: "", description: "", categories: [blankCategory(), blankCategory()] };
    case "source":
      return { ...blankSource(), dateNote: "" };
    case "stance":
      return {
        id: "",
        actor: "",
        topic: "",
        category: "",
        validFrom: "",
        attested: "",
        validUntil: "",
        qualifiers: [],
        confidence: "",
        summary: "",
        note: "",
        evidence: [blankEvidence()],
      };
    case "reaction":
      return {
        id: "",
        actor: "",
        target: { actor: "" },
        date: "",
        attested: "",
        sentiment: "",
        confidence: "",
        summary: "",
        evidence: [blankEvidence()],
      };
    case "event":
      return { slug: "", date: "", title: "", description: "", series: "", actors: [], evidence: [blankEvidence()] };
    case "gap":
      return { actor: "", topic: "", note: "", validFrom: "", validUntil: "" };
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The form values for a stored record. */
export function valuesOf(type: EntityType, record: RecordInput): FormValues {
  // Empty text fields start as "" (controls are controlled from the first render); lists stay as stored.
  const blanks = Object.entries(blankValues(type)).filter(([, v]) => typeof v === "string");
  const r = { ...Object.fromEntries(blanks), ...(record as Record<string, unknown>) } as FormValues;
  if ("evidence" in record && Array.isArray(record.evidence))
    r.evidence = record.evidence.map((e) => ({
      ...blankEvidence(),
      source: e.source,
      locator: str(e.locator),
      _quote: Boolean(e.quote),
      quote: { text: "", language: "en", translation: "", ...e.quote, speaker: speakerValue(e.quote?.speaker) } as QuoteValues,
    }));
  if (type === "topic" && "categories" in record && Array.isArray(record.categories))
    r.categories = [...record.categories]
      .sort((a, b) => a.order - b.order)
      .map((c) => ({ ...blankCategory(), ...c, description: str(c.description), _existing: true }));
  if ("aliases" in record && Array.isArray(record.aliases))
    r.aliases = record.aliases.map((x) => ({ ...blankAlias(), ...x, lang: str(x.lang), source: str(x.source) }));
  return r;
}

/** Drops UI keys and empty text, so optional fields left blank are absent (as the schema expects). */
function clean(value: unknown, nested = false): unknown {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  // Rows stay in place, even blank ones, so an issue's index still names the row on screen.
  if (Array.isArray(value)) return value.map((v) => clean(v, false));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
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
export function toRecord(type: EntityType, values: FormValues): Record<string, unknown> {
  const v: Record<string, unknown> = { ...values };
  if (Array.isArray(values.evidence))
    v.evidence = values.evidence.map((e) => ({
      source: e._mode === "new" ? e.newSource.id : e.source,
      locator: e.locator,
      quote: e._quote ? e.quote : undefined,
    }));
  // A scale's order is its rows' order: reordering rows renumbers it, so no two share a place.
  if (type === "topic" && Array.isArray(values.categories)) v.categories = values.categories.map((c, i) => ({ ...c, order: i + 1 }));
  return clean(v) as Record<string, unknown>;
}

/** The sources created in place by evidence rows, with the row each belongs to. */
export function newSourcesOf(values: FormValues): { row: number; record: Record<string, unknown> }[] {
  return (values.evidence ?? []).flatMap((e, row) =>
    e._mode === "new" ? [{ row, record: clean(e.newSource) as Record<string, unknown> }] : [],
  );
}

function schemaIssues(type: EntityType, input: unknown, prefix = ""): FieldIssue[] {
  const parsed = RECORD_SCHEMAS[type].safeParse(input, { error: errorMapFor(labelsFor(type)) });
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: prefix + i.path.map(String).join("."), message: i.message }));
}

/**
 * Checks the form with the same zod schema the API and the database use, plus what only the form
 * knows (which evidence rows create a source). Issue paths are form paths, so each lands on its field.
 */
export function formIssues(type: EntityType, values: FormValues, options: PickerOptions): FieldIssue[] {
  const issues = schemaIssues(type, toRecord(type, values));
  const rows = values.evidence ?? [];
  const newIds = new Set<string>();
  rows.forEach((e, i) => {
    if (e._mode !== "new") return;
    const prefix = `evidence.${i}.newSource.`;
    const own = schemaIssues("source", clean(e.newSource), prefix);
    const id = e.newSource.id;
    if (id && options.sources.some((s) => s.key === id))
      own.push({ path: `${prefix}id`, message: `A source with the ID "${id}" exists already; pick it as an existing source.` });
    else if (id && newIds.has(id)) own.push({ path: `${prefix}id`, message: "Another new source here has the same ID." });
    newIds.add(id);
    issues.push(...own);
  });
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const m = /^evidence\.(\d+)\.source$/.exec(issue.path);
    const row = m ? rows[Number(m[1])] : undefined;
    // A new source's key is its ID field: report there, once.
    if (row?._mode === "new") {
      const idPath = `evidence.${m?.[1]}.newSource.id`;
      if (!issues.some((i) => i.path === idPath)) out.push({ path: idPath, message: issue.message });
      continue;
    }
    if (type === "reaction" && issue.path === "target") {
      const target = values.target ?? { actor: "" };
      const which = "event" in target ? "event" : "actor";
      const chosen = "event" in target ? target.event : target.actor;
      out.push({ path: `target.${which}`, message: chosen ? issue.message : `Choose the ${which} this reacts to.` });
      continue;
    }
    out.push(issue);
  }
  return out;
}

/**
 * The open drafts holding records this one points at: a record citing a draft-only record must be
 * saved into that same draft, or the server cannot find what it cites.
 */
export function draftsReferenced(type: EntityType, record: Record<string, unknown>, options: PickerOptions): string[] {
  const r = record;
  // A topic, source or actor record has no `topic`/`actor` field of its own, so these are absent there.
  const refs: [keyof PickerOptions, unknown][] = [
    ["actors", r.actor],
    ["actors", r.affiliation],
    ["topics", type === "topic" ? undefined : r.topic],
  ];
  const target = (r.target ?? {}) as Record<string, unknown>;
  refs.push(["actors", target.actor], ["events", target.event]);
  if (Array.isArray(r.actors)) for (const a of r.actors) refs.push(["actors", a]);
  if (Array.isArray(r.evidence))
    for (const e of r.evidence as Record<string, unknown>[])
      refs.push(["sources", e.source], ["actors", speakerValue((e.quote as Record<string, unknown> | undefined)?.speaker).actor]);
  refs.push(["sources", (r.citedIn as Record<string, unknown> | undefined)?.source]);
  const drafts = new Set<string>();
  for (const [list, key] of refs) {
    if (typeof key !== "string" || !key) continue;
    const hit = (options[list] as { key: string; draftId?: string }[]).find((o) => o.key === key);
    if (hit?.draftId) drafts.add(hit.draftId);
  }
  return [...drafts];
}
