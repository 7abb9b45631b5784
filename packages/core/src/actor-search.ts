// Finding actors by what people type: name, slug, ISO code, local names and aliases, case- and
// accent-insensitive, ranked (exact, then prefix, then word prefix, then anywhere). One rule for the
// API's `?q=` and the dashboard's search box.
import type { AliasKind } from "./collections";

export interface SearchableActor {
  slug: string;
  name: string;
  iso3?: string | null | undefined;
  names: readonly { name: string; lang: string; dir: "ltr" | "rtl" }[];
  aliases?: readonly { name: string; kind: AliasKind; lang?: string | undefined }[] | undefined;
}

/** Where the query matched: the name itself, or another name (shown beside the result). */
export type ActorMatchField = "name" | "iso3" | "slug" | "alias" | "local";

export interface ActorMatch {
  /** 0 exact, 1 the name starts with the query, 2 a word of it does, 3 anywhere in it. */
  rank: 0 | 1 | 2 | 3;
  field: ActorMatchField;
  /** The text that matched, as written (an alias, a local name), for "also known as" hints. */
  text: string;
  kind?: AliasKind;
  lang?: string;
  dir?: "ltr" | "rtl";
}

/** Lower case, no accents or other combining marks, hyphens and runs of spaces as one space. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en")
    .replace(/[\s\-‐‑‒–—_]+/gu, " ")
    .trim();
}

function rankOf(candidate: string, q: string): ActorMatch["rank"] | null {
  const c = foldForSearch(candidate);
  if (!c) return null;
  if (c === q) return 0;
  if (c.startsWith(q)) return 1;
  const at = c.indexOf(q);
  if (at < 0) return null;
  // A word boundary: the query starts after a space or punctuation ("Taliban" in "the Taliban's").
  for (let i = at; i >= 0; i = c.indexOf(q, i + 1)) {
    if (i === 0 || /[^\p{L}\p{N}]/u.test(c[i - 1] ?? "")) return 2;
  }
  return 3;
}

const FIELD_ORDER: Record<ActorMatchField, number> = { name: 0, iso3: 1, slug: 2, alias: 3, local: 4 };

/** How an actor matches a query (already folded with foldForSearch), or null; the best field wins. */
export function matchActor(actor: SearchableActor, folded: string): ActorMatch | null {
  if (!folded) return null;
  let best: ActorMatch | null = null;
  const consider = (m: ActorMatch | null) => {
    if (m && (!best || m.rank < best.rank || (m.rank === best.rank && FIELD_ORDER[m.field] < FIELD_ORDER[best.field]))) best = m;
  };
  const at = (field: ActorMatchField, text: string, extra: Partial<ActorMatch> = {}) => {
    const rank = rankOf(text, folded);
    return rank === null ? null : { rank, field, text, ...extra };
  };
  consider(at("name", actor.name));
  // An ISO code matches only whole: "pak" finds Pakistan by its code, "pa" only by its name.
  if (actor.iso3 && foldForSearch(actor.iso3) === folded) consider({ rank: 0, field: "iso3", text: actor.iso3 });
  // A slug is a key, not a name: a match inside it counts one rank lower than the same match in a name
  // ("islamic emirate" starts the foreign ministry's slug, not its name).
  const slug = at("slug", actor.slug);
  consider(slug && slug.rank > 0 ? { ...slug, rank: Math.min(3, slug.rank + 1) as ActorMatch["rank"] } : slug);
  for (const a of actor.aliases ?? []) consider(at("alias", a.name, { kind: a.kind, ...(a.lang ? { lang: a.lang } : {}) }));
  for (const n of actor.names) consider(at("local", n.name, { lang: n.lang, dir: n.dir }));
  return best;
}

/**
 * The actors matching a query, best first: by rank, then name (the dashboard) or slug (the API's
 * keyset pages; pass `by: "slug"`). A blank query matches nothing.
 */
export function searchActors<T extends SearchableActor>(
  actors: readonly T[],
  query: string,
  opts: { by?: "name" | "slug" } = {},
): { actor: T; match: ActorMatch }[] {
  const folded = foldForSearch(query);
  if (!folded) return [];
  const hits: { actor: T; match: ActorMatch }[] = [];
  for (const actor of actors) {
    const match = matchActor(actor, folded);
    if (match) hits.push({ actor, match });
  }
  const bySlug = (a: T, b: T) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  const then = opts.by === "slug" ? bySlug : (a: T, b: T) => a.name.localeCompare(b.name, "en") || bySlug(a, b);
  return hits.sort((a, b) => a.match.rank - b.match.rank || then(a.actor, b.actor));
}
