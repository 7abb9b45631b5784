// The dashboard's state in the URL: one set of parsers, used by the server page (to render the
// first paint) and by client components (nuqs). Anything malformed falls back to its default.
import { ACTOR_KINDS, SENTIMENTS } from "@stancemap/core/model";
import { createParser, parseAsArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";

export const VIEWS = ["map", "network", "table", "change", "sequence"] as const;
export type View = (typeof VIEWS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const parseAsIsoDay = createParser({
  parse: (v: string) => (isIsoDate(v) ? v : null),
  serialize: (v: string) => v,
});

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const parseAsSlug = createParser({
  parse: (v: string) => (SLUG.test(v) ? v : null),
  serialize: (v: string) => v,
});

/** A sequence's reference: an actor's move on a day, `russia@2025-07-03` (the day falls inside the move's date). */
export interface SequenceRef {
  actor: string;
  date: string;
}
const REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d{4}-\d{2}-\d{2})$/;
export function parseRef(value: string): SequenceRef | null {
  const m = REF.exec(value);
  return m?.[1] && m[2] && isIsoDate(m[2]) ? { actor: m[1], date: m[2] } : null;
}
export const parseAsRef = createParser({
  parse: (v: string) => (parseRef(v) ? v : null),
  serialize: (v: string) => v,
});

/** One of a fixed list (actor kinds, sentiments): anything else, "constructor" included, is dropped. */
function parseAsOneOf(values: readonly string[]) {
  return createParser({ parse: (v: string) => (values.includes(v) ? v : null), serialize: (v: string) => v });
}

/** Keys and parsers of every piece of dashboard state. Defaults are applied by the page (see defaults below). */
export const dashboardParsers = {
  topic: parseAsSlug,
  date: parseAsIsoDay,
  /** The change view's earlier date ("to" is `date`); absent, the view picks one (change-view.ts). */
  from: parseAsIsoDay,
  /** The sequence view's reference move; absent, the model's default. */
  ref: parseAsRef,
  view: parseAsStringLiteral(VIEWS),
  actor: parseAsSlug,
  region: parseAsString,
  kind: parseAsArrayOf(parseAsOneOf(ACTOR_KINDS)),
  cat: parseAsArrayOf(parseAsSlug),
  q: parseAsString,
  sent: parseAsArrayOf(parseAsOneOf(SENTIMENTS)),
  nkind: parseAsArrayOf(parseAsOneOf(ACTOR_KINDS)),
};

export type DashboardKey = keyof typeof dashboardParsers;

export { MAX_STANCE_MARKS, TIMELINE_START } from "@stancemap/charts";
