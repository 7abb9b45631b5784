// A record list's state in the URL (search, sort, filters, page), read on the server and written into
// every link and form, so a list can be shared, bookmarked and used without JavaScript.
import { createLoader, createParser, createSerializer, parseAsInteger, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";

/** An empty form field means "no value": a GET form sends `?kind=` for an untouched select. */
const parseAsText = createParser({
  parse: (v: string) => v.trim() || null,
  serialize: (v: string) => v,
});

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DRAFT_FILTERS = ["any", "new", "edit", "delete"] as const;

export const listParsers = {
  q: parseAsText,
  sort: parseAsText,
  dir: parseAsStringLiteral(["asc", "desc"] as const),
  page: parseAsInteger.withDefault(1),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(50),
  kind: parseAsText,
  topic: parseAsText,
  category: parseAsText,
  sentiment: parseAsText,
  publisher: parseAsText,
  series: parseAsText,
  draft: parseAsStringLiteral(DRAFT_FILTERS),
};

export const loadListParams = createLoader(listParsers);
export type ListParams = Awaited<ReturnType<typeof loadListParams>>;

const serialize = createSerializer(listParsers);

/** The list's address with some state changed; defaults drop out of the URL. */
export function listHref(
  collection: string,
  current: ListParams,
  change: Partial<{ [K in keyof ListParams]: ListParams[K] | null }>,
): string {
  return serialize(`/admin/${collection}`, { ...current, ...change });
}
