// Checks that the dataset's quotes, and the fragments its prose puts in quotation marks, are in the stored source texts.
// The rule itself is core's (`quote-check.ts`), which the admin form and review use too.
import type { Dataset } from "@stancemap/core";
import { checkQuote, normaliseTypography, normaliseWhitespace, occursOnWordBoundaries } from "@stancemap/core";

// A straight single quote opens only after a non-letter and closes only before one, so apostrophes ("Russia's",
// "envoys' ") are not taken for quotation marks; a curly closing quote likewise ends a fragment only before a non-letter.
const FRAGMENT_PATTERNS = [
  /‘(.+?)’(?![\p{L}\p{N}])/gu,
  /“(.+?)”/gu,
  /(?<![\p{L}\p{N}])'(?=\S)(.+?)(?<=\S)'(?![\p{L}\p{N}])/gu,
  /"(.+?)"/gu,
];

/**
 * The fragments a piece of prose quotes: text of two or more words between ‘…’, “…”, '…' or "…". One-word
 * quotes ('failure', 'historic') are left out: they are words, not passages, and most of them are also a
 * record's verbatim quote, which the evidence check covers.
 */
export function quotedFragments(prose: string): string[] {
  const found = new Set<string>();
  for (const pattern of FRAGMENT_PATTERNS) {
    for (const match of prose.matchAll(pattern)) {
      const fragment = normaliseWhitespace(match[1] ?? "");
      if (fragment.split(" ").length >= 2) found.add(fragment);
    }
  }
  return [...found];
}

export interface QuoteProblem {
  record: string;
  source: string;
  quote: string;
}

export interface FragmentProblem {
  record: string;
  field: string;
  fragment: string;
}

type Evidenced = {
  evidence: readonly {
    source: string;
    locator?: string | undefined;
    quote?: { text: string; speaker: { name?: string | undefined; title?: string | undefined; actor?: string | undefined } } | undefined;
  }[];
};

function evidencedRecords(dataset: Dataset): { key: string; record: Evidenced & Record<string, unknown> }[] {
  return [
    ...dataset.stances.map((s) => ({ key: `stance ${s.id}`, record: s })),
    ...dataset.reactions.map((r) => ({ key: `reaction ${r.id}`, record: r })),
    ...dataset.events.map((e) => ({ key: `event ${e.slug}`, record: e })),
  ];
}

/**
 * Every evidence quote must occur in the stored text of the source it cites, verbatim (only whitespace runs and
 * curly against straight quotes are forgiven) and on word boundaries: core's `checkQuote`. A quote citing a
 * source without a stored text is not checked here.
 */
export function quoteProblems(dataset: Dataset, texts: ReadonlyMap<string, string>): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  for (const { key, record } of evidencedRecords(dataset)) {
    for (const e of record.evidence) {
      const text = texts.get(e.source);
      if (!e.quote || text === undefined) continue;
      if (checkQuote(text, e.quote.text).status !== "found") problems.push({ record: key, source: e.source, quote: e.quote.text });
    }
  }
  return problems;
}

export interface SpeakerProblem {
  record: string;
  source: string;
  /** "name" or "title": the part of the speaker the source does not print. */
  field: "name" | "title";
  value: string;
}

/**
 * A quote's speaker is named as the source prints them: the name and the title occur in the stored text of
 * the source (typography normalised as for prose, on word boundaries). A name may also be the linked actor's
 * own name, for a source that gives only a title ("Russian President"). Sources without a stored text are
 * not checked here.
 */
export function speakerProblems(dataset: Dataset, texts: ReadonlyMap<string, string>): SpeakerProblem[] {
  const actorNames = new Map(dataset.actors.map((a) => [a.slug, a.name]));
  const problems: SpeakerProblem[] = [];
  for (const { key, record } of evidencedRecords(dataset)) {
    for (const e of record.evidence) {
      const text = texts.get(e.source);
      const speaker = e.quote?.speaker;
      if (!speaker || text === undefined) continue;
      const printed = normaliseTypography(text);
      const prints = (value: string) => occursOnWordBoundaries(printed, normaliseTypography(value));
      if (speaker.name !== undefined && !prints(speaker.name) && speaker.name !== actorNames.get(speaker.actor ?? ""))
        problems.push({ record: key, source: e.source, field: "name", value: speaker.name });
      if (speaker.title !== undefined && !prints(speaker.title))
        problems.push({ record: key, source: e.source, field: "title", value: speaker.title });
    }
  }
  return problems;
}

/** Quotes without a stored text of their own: the stored text of the source that cites them (an endnote). */
function textsOf(dataset: Dataset, texts: ReadonlyMap<string, string>, sourceIds: readonly string[]): string[] {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  return sourceIds.flatMap((id) => {
    const own = texts.get(id);
    if (own !== undefined) return [own];
    const citing = byId.get(id)?.citedIn?.source;
    const theirs = citing ? texts.get(citing) : undefined;
    return theirs === undefined ? [] : [theirs];
  });
}

/**
 * Every quoted fragment (see `quotedFragments`) in the prose of a record must occur, on word boundaries and after
 * `normaliseTypography`, in a text the record rests on: for stances, reactions and events the stored texts of the
 * sources their evidence cites (or of the document citing a source that has none); for actors, topics, gaps and
 * sources, which cite no evidence, any stored text.
 */
export function fragmentProblems(dataset: Dataset, texts: ReadonlyMap<string, string>): FragmentProblem[] {
  const everyText = [...texts.values()];
  const problems: FragmentProblem[] = [];
  const check = (record: string, fields: Record<string, unknown>, haystacks: readonly string[]) => {
    const normalised = haystacks.map(normaliseTypography);
    for (const [field, value] of Object.entries(fields)) {
      if (typeof value !== "string") continue;
      for (const fragment of quotedFragments(value)) {
        const wanted = normaliseTypography(fragment);
        if (!normalised.some((text) => occursOnWordBoundaries(text, wanted))) problems.push({ record, field, fragment });
      }
    }
  };
  for (const { key, record } of evidencedRecords(dataset)) {
    const haystacks = textsOf(
      dataset,
      texts,
      record.evidence.map((e) => e.source),
    );
    const { summary, note, description, title } = record as Record<string, unknown>;
    const locators = Object.fromEntries(record.evidence.map((e, i) => [`evidence.${i}.locator`, e.locator]));
    check(key, { summary, note, description, title, ...locators }, haystacks);
  }
  for (const a of dataset.actors) check(`actor ${a.slug}`, { description: a.description }, everyText);
  for (const t of dataset.topics) {
    const fields: Record<string, unknown> = { description: t.description, question: t.question };
    t.categories.forEach((c, i) => {
      fields[`categories.${i}.description`] = c.description;
    });
    t.qualifiers.forEach((q, i) => {
      fields[`qualifiers.${i}.description`] = q.description;
    });
    check(`topic ${t.slug}`, fields, everyText);
  }
  for (const g of dataset.gaps) check(`gap ${g.actor}/${g.topic}`, { note: g.note }, everyText);
  for (const s of dataset.sources) check(`source ${s.id}`, { dateNote: s.dateNote, reliability: s.reliability }, everyText);
  return problems;
}
