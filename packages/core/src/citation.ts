// "Cite this": a view of the dataset as APA and BibTeX, with the dataset revision, when it was published,
// the day it was read (formatEdtf, like every date users see) and a link pinned to that revision.
import { formatEdtf } from "./time";

export interface CitationInput {
  /** Who publishes the data ("Stancemap"). */
  author: string;
  /** What is cited: the view's title ("Posture toward the Taliban government"). */
  title: string;
  /** What kind of thing, and its state ("World map as of 3 July 2025"). */
  description: string;
  revision: number;
  /** When the revision was published (ISO timestamp or day), when known. */
  publishedAt: string | null;
  /** The day the reader accessed it (ISO day). */
  accessed: string;
  /** The absolute link that reopens this view at this revision. */
  url: string;
}

export interface Citation {
  apa: string;
  bibtex: string;
}

/** The address with `revision=N` in its query (before any `#fragment`), replacing one already there. */
export function pinRevision(url: string, revision: number): string {
  const hash = url.indexOf("#");
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? "" : url.slice(hash);
  const query = base.indexOf("?");
  const path = query < 0 ? base : base.slice(0, query);
  const params = new URLSearchParams(query < 0 ? "" : base.slice(query + 1));
  params.set("revision", String(revision));
  return `${path}?${params}${fragment}`;
}

/** BibTeX's special characters escaped, so a title or address never breaks the entry. */
function tex(value: string): string {
  return value.replace(/[\\{}&%$#_^~]/g, (c) => (c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\^{}" : c === "~" ? "\\~{}" : `\\${c}`));
}

/** A key of letters, digits and hyphens: `stancemap-r5-posture-map-2025-07-03`. */
function keyOf(author: string, revision: number, title: string): string {
  const words = `${author} r${revision} ${title}`
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return words.slice(0, 60).replace(/-$/, "");
}

export function citation(c: CitationInput): Citation {
  const day = c.publishedAt ? c.publishedAt.slice(0, 10) : null;
  const year = day ? day.slice(0, 4) : "n.d.";
  const published = day ? `, published ${formatEdtf(day)}` : "";
  const accessed = formatEdtf(c.accessed);
  const apa = `${c.author}. (${year}). ${c.title}: ${c.description} [Data set, revision ${c.revision}${published}]. Retrieved ${accessed}, from ${c.url}`;
  const bibtex = [
    `@misc{${keyOf(c.author, c.revision, c.title)},`,
    `  author       = {{${tex(c.author)}}},`,
    `  title        = {{${tex(c.title)}: ${tex(c.description)}}},`,
    `  year         = {${year}},`,
    `  version      = {${c.revision}},`,
    `  howpublished = {Data set, revision ${c.revision}${tex(published)}},`,
    `  url          = {${c.url}},`,
    `  urldate      = {${c.accessed}},`,
    `  note         = {Accessed ${tex(accessed)}}`,
    "}",
  ].join("\n");
  return { apa, bibtex };
}
