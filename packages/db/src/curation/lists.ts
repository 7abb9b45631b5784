// The admin's record lists: published records plus records that exist only in open drafts, with the
// open change on each, searched, filtered, sorted and paged for one page of an admin table.
import {
  type AnyRecord,
  countsFrom,
  type EntityType,
  edtfFirstDay,
  keyOf,
  labelOf,
  type RecordOf,
  reactionCountsFrom,
} from "@stancemap/core";
import type { Db } from "../client";
import { type Principal, requireRole } from "./errors";
import { readAll, type Tx } from "./records";
import { parseStoredRecord } from "./stored-json";

export type ListChange = "new" | "edit" | "delete";

export interface ListDraft {
  op: "upsert" | "delete";
  /** What the open change does to the published dataset. */
  change: ListChange;
  draftId: string;
  status: "pending" | "returned";
}

export interface ListRow {
  key: string;
  label: string;
  /** The published record; for a record that exists only in a draft, the proposed one. */
  record: AnyRecord;
  draft: ListDraft | null;
  /** Exists only in an open draft, not yet published. */
  isNew: boolean;
}

export type ListFilter = "kind" | "topic" | "category" | "sentiment" | "publisher" | "series" | "draft";

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface ListQuery {
  q?: string | null;
  sort?: string | null;
  dir?: "asc" | "desc" | null;
  filters?: Partial<Record<ListFilter, string | null>>;
  page?: number | null;
  pageSize?: number | null;
}

/** Display names of the records that rows point at, so a table shows "Pakistan", not "pakistan". */
export interface ListNames {
  actors: Record<string, string>;
  topics: Record<string, { title: string; categories: Record<string, { label: string; colour: string; order: number }> }>;
  events: Record<string, string>;
}

export interface ListResult {
  type: EntityType;
  rows: ListRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: string;
  dir: "asc" | "desc";
  facets: Partial<Record<ListFilter, FacetOption[]>>;
  names: ListNames;
}

type Value = string | number | null | undefined;

interface ListSpec {
  /** Sortable columns, the first being the default. */
  sorts: Record<string, (row: ListRow, n: ListNames) => Value>;
  defaultDir: "asc" | "desc";
  filters: Partial<Record<Exclude<ListFilter, "draft">, (row: ListRow, n: ListNames) => { value: string; label: string } | null>>;
  /** The text a search looks through, besides the label and key. */
  text: (row: ListRow, n: ListNames) => Value[];
}

/** An EDTF date as a sort value: its first day, then the date as written; absent stays absent (sorts last). */
const edtfSortKey = (value: string | undefined) => (value ? `${edtfFirstDay(value)} ${value}` : undefined);
const CONFIDENCE_RANK: Record<string, number> = { high: 3, medium: 2, low: 1 };
const SENTIMENT_RANK: Record<string, number> = { supportive: 1, neutral: 2, concerned: 3, critical: 4 };
const actorName = (n: ListNames, slug: string | undefined) => (slug ? (n.actors[slug] ?? slug) : undefined);
const topicTitle = (n: ListNames, slug: string) => n.topics[slug]?.title ?? slug;
const categoryOf = (n: ListNames, topic: string, key: string) => n.topics[topic]?.categories[key];
const targetName = (n: ListNames, r: RecordOf<"reaction">) =>
  "actor" in r.target ? actorName(n, r.target.actor) : (n.events[r.target.event] ?? r.target.event);

function rec<T extends EntityType>(_type: T, row: ListRow): RecordOf<T> {
  return row.record as RecordOf<T>;
}

export const LIST_SPECS: Record<EntityType, ListSpec> = {
  actor: {
    sorts: {
      name: (r) => rec("actor", r).name,
      kind: (r) => rec("actor", r).kind,
      iso3: (r) => rec("actor", r).iso3,
      region: (r) => rec("actor", r).region,
      affiliation: (r, n) => actorName(n, rec("actor", r).affiliation),
    },
    defaultDir: "asc",
    filters: { kind: (r) => ({ value: rec("actor", r).kind, label: rec("actor", r).kind }) },
    text: (r, n) => {
      const a = rec("actor", r);
      return [
        a.name,
        a.role,
        a.region,
        a.description,
        a.iso3,
        actorName(n, a.affiliation),
        ...a.names.map((l) => l.name),
        ...a.aliases.map((x) => x.name),
      ];
    },
  },
  topic: {
    sorts: {
      title: (r) => rec("topic", r).title,
      slug: (r) => rec("topic", r).slug,
      categories: (r) => rec("topic", r).categories.length,
    },
    defaultDir: "asc",
    filters: {},
    text: (r) => {
      const t = rec("topic", r);
      return [t.title, t.question, t.description, ...t.categories.map((c) => c.label)];
    },
  },
  stance: {
    sorts: {
      actor: (r, n) => actorName(n, rec("stance", r).actor),
      topic: (r, n) => topicTitle(n, rec("stance", r).topic),
      // By the topic's scale, not alphabetically: "formal recognition" before "active opposition".
      category: (r, n) => {
        const s = rec("stance", r);
        return `${topicTitle(n, s.topic)}\u0000${String(categoryOf(n, s.topic, s.category)?.order ?? 999).padStart(4, "0")}`;
      },
      // Dates sort by the first day they cover (EDTF text does not sort: "2023" vs "2022-09"), then as written.
      from: (r) => `${countsFrom(rec("stance", r))} ${rec("stance", r).validFrom ?? ""}`,
      until: (r) => edtfSortKey(rec("stance", r).validUntil),
      confidence: (r) => CONFIDENCE_RANK[rec("stance", r).confidence],
      sources: (r) => new Set(rec("stance", r).evidence.map((e) => e.source)).size,
    },
    defaultDir: "asc",
    filters: {
      topic: (r, n) => ({ value: rec("stance", r).topic, label: topicTitle(n, rec("stance", r).topic) }),
      category: (r, n) => {
        const s = rec("stance", r);
        return { value: s.category, label: categoryOf(n, s.topic, s.category)?.label ?? s.category };
      },
    },
    text: (r, n) => {
      const s = rec("stance", r);
      return [actorName(n, s.actor), topicTitle(n, s.topic), categoryOf(n, s.topic, s.category)?.label, s.summary, s.note];
    },
  },
  reaction: {
    sorts: {
      date: (r) => `${reactionCountsFrom(rec("reaction", r))} ${rec("reaction", r).date ?? ""}`,
      actor: (r, n) => actorName(n, rec("reaction", r).actor),
      target: (r, n) => targetName(n, rec("reaction", r)),
      sentiment: (r) => SENTIMENT_RANK[rec("reaction", r).sentiment],
      summary: (r) => rec("reaction", r).summary,
    },
    defaultDir: "desc",
    filters: { sentiment: (r) => ({ value: rec("reaction", r).sentiment, label: rec("reaction", r).sentiment }) },
    text: (r, n) => {
      const x = rec("reaction", r);
      return [actorName(n, x.actor), targetName(n, x), x.summary, x.sentiment];
    },
  },
  event: {
    sorts: {
      date: (r) => edtfSortKey(rec("event", r).date),
      title: (r) => rec("event", r).title,
      series: (r) => rec("event", r).series,
    },
    defaultDir: "asc",
    filters: {
      series: (r) => {
        const series = rec("event", r).series;
        return series ? { value: series, label: series } : null;
      },
    },
    text: (r) => {
      const e = rec("event", r);
      return [e.title, e.description, e.series];
    },
  },
  source: {
    sorts: {
      publisher: (r) => rec("source", r).publisher,
      title: (r) => rec("source", r).title,
      date: (r) => rec("source", r).publishedOn,
      reliability: (r) => rec("source", r).reliability,
    },
    defaultDir: "asc",
    filters: { publisher: (r) => ({ value: rec("source", r).publisher, label: rec("source", r).publisher }) },
    text: (r) => {
      const s = rec("source", r);
      return [s.publisher, s.title, s.author, s.reliability, s.dateNote, s.url];
    },
  },
  gap: {
    sorts: {
      actor: (r, n) => actorName(n, rec("gap", r).actor),
      topic: (r, n) => topicTitle(n, rec("gap", r).topic),
      note: (r) => rec("gap", r).note,
    },
    defaultDir: "asc",
    filters: { topic: (r, n) => ({ value: rec("gap", r).topic, label: topicTitle(n, rec("gap", r).topic) }) },
    text: (r, n) => {
      const g = rec("gap", r);
      return [actorName(n, g.actor), topicTitle(n, g.topic), g.note];
    },
  },
};

export const LIST_PAGE_SIZES = [10, 25, 50, 100] as const;
export const LIST_DEFAULT_PAGE_SIZE = 50;

/** Lower case without accents, so "Ministere" finds "Ministère" and "KOOFI" finds "Koofi". */
const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function compareValues(a: Value, b: Value): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

const missing = (v: Value) => v === null || v === undefined || v === "";

/** Published and draft-only records of a type, each with its open change. */
async function rowsOf(tx: Tx, type: EntityType, drafts: DraftRow[]): Promise<ListRow[]> {
  const published = await readAll(tx, type);
  const open = new Map(drafts.filter((d) => d.entityType === type).map((d) => [d.entityId, d]));
  const draftOf = (key: string, exists: boolean): ListDraft | null => {
    const d = open.get(key);
    if (!d) return null;
    const op = d.op === "delete" ? "delete" : "upsert";
    return {
      op,
      change: op === "delete" ? "delete" : exists ? "edit" : "new",
      draftId: d.draftId,
      status: d.draft.status as ListDraft["status"],
    };
  };
  const rows: ListRow[] = published.map(({ record }) => {
    const key = keyOf(type, record);
    return { key, label: labelOf(type, record), record, draft: draftOf(key, true), isNew: false };
  });
  const seen = new Set(rows.map((r) => r.key));
  for (const d of open.values()) {
    if (seen.has(d.entityId) || d.op !== "upsert" || !d.payload) continue;
    const record = parseStoredRecord(type, d.payload) as AnyRecord;
    rows.push({ key: d.entityId, label: labelOf(type, record), record, draft: draftOf(d.entityId, false), isNew: true });
  }
  return rows;
}

interface DraftRow {
  entityType: string;
  entityId: string;
  op: string;
  payload: string | null;
  draftId: string;
  draft: { status: string };
}

/** Names of actors, topics (with their scales) and events, draft-only ones included. */
async function namesOf(tx: Tx, type: EntityType, drafts: DraftRow[]): Promise<ListNames> {
  const names: ListNames = { actors: {}, topics: {}, events: {} };
  const needs: EntityType[] =
    type === "actor" ? ["actor"] : type === "reaction" ? ["actor", "event"] : ["stance", "gap"].includes(type) ? ["actor", "topic"] : [];
  for (const t of needs) {
    for (const row of await rowsOf(tx, t, drafts)) {
      if (t === "actor") names.actors[row.key] = rec("actor", row).name;
      if (t === "event") names.events[row.key] = rec("event", row).title;
      if (t === "topic") {
        const topic = rec("topic", row);
        names.topics[row.key] = {
          title: topic.title,
          categories: Object.fromEntries(topic.categories.map((c) => [c.key, { label: c.label, colour: c.colour, order: c.order }])),
        };
      }
    }
  }
  return names;
}

function facet(rows: ListRow[], pick: (row: ListRow) => { value: string; label: string } | null): FacetOption[] {
  const counts = new Map<string, FacetOption>();
  for (const row of rows) {
    const hit = pick(row);
    if (!hit) continue;
    const option = counts.get(hit.value) ?? { ...hit, count: 0 };
    option.count += 1;
    counts.set(hit.value, option);
  }
  return [...counts.values()].sort((a, b) => collator.compare(a.label, b.label));
}

/**
 * One page of an admin list. Filtering, search and sorting happen in memory: the dataset holds
 * hundreds of records per type, not millions, and this way drafts and display names join freely.
 * Move it into SQL when a type passes some tens of thousands of rows.
 */
export async function listRecords(db: Db, who: Principal | null, type: EntityType, query: ListQuery = {}): Promise<ListResult> {
  requireRole(who, "editor");
  const spec = LIST_SPECS[type];
  const drafts = await db.prisma.draftItem.findMany({
    where: { pendingKey: { not: null } },
    select: { entityType: true, entityId: true, op: true, payload: true, draftId: true, draft: { select: { status: true } } },
  });
  const [all, names] = await Promise.all([rowsOf(db.prisma, type, drafts), namesOf(db.prisma, type, drafts)]);

  const filters = query.filters ?? {};
  const draftFilter = filters.draft;
  const matchesDraft = (row: ListRow) =>
    !draftFilter ||
    (draftFilter === "any" ? row.draft !== null : draftFilter === "none" ? row.draft === null : row.draft?.change === draftFilter);
  const active = Object.entries(spec.filters).filter(([name]) => filters[name as ListFilter]);
  const matchesFilters = (row: ListRow, except?: string) =>
    active.every(([name, pick]) => name === except || pick?.(row, names)?.value === filters[name as ListFilter]);

  const terms = fold(query.q ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const matchesSearch = (row: ListRow) => {
    if (terms.length === 0) return true;
    const haystack = fold([row.key, row.label, ...spec.text(row, names)].filter((v) => !missing(v)).join(" \u0001 "));
    return terms.every((t) => haystack.includes(t));
  };

  const searched = all.filter(matchesSearch);
  const facets: ListResult["facets"] = {};
  for (const [name, pick] of Object.entries(spec.filters)) {
    if (!pick) continue;
    // A facet counts the rows the other filters leave, so its numbers say what choosing it would show;
    // categories are offered only from the chosen topic's scale.
    facets[name as ListFilter] = facet(
      searched.filter((r) => matchesDraft(r) && matchesFilters(r, name)),
      (r) => pick(r, names),
    );
  }
  const withoutDraftFilter = searched.filter((r) => matchesFilters(r));
  facets.draft = (["new", "edit", "delete"] as const)
    .map((change) => ({ value: change, label: change, count: withoutDraftFilter.filter((r) => r.draft?.change === change).length }))
    .filter((o) => o.count > 0);

  const sort = query.sort && query.sort in spec.sorts ? query.sort : (Object.keys(spec.sorts)[0] as string);
  const dir = query.dir ?? (query.sort && query.sort in spec.sorts ? "asc" : spec.defaultDir);
  const value = spec.sorts[sort] as ListSpec["sorts"][string];
  const sign = dir === "desc" ? -1 : 1;
  const matched = withoutDraftFilter
    .filter(matchesDraft)
    .map((row) => ({ row, v: value(row, names) }))
    .sort((a, b) => {
      // Empty cells go last whichever way the column is sorted.
      if (missing(a.v) !== missing(b.v)) return missing(a.v) ? 1 : -1;
      return sign * compareValues(a.v, b.v) || collator.compare(a.row.label, b.row.label) || (a.row.key < b.row.key ? -1 : 1);
    })
    .map(({ row }) => row);

  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? LIST_DEFAULT_PAGE_SIZE), 1), 500);
  const pageCount = Math.max(1, Math.ceil(matched.length / pageSize));
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), pageCount);
  return {
    type,
    rows: matched.slice((page - 1) * pageSize, page * pageSize),
    total: matched.length,
    page,
    pageSize,
    pageCount,
    sort,
    dir,
    facets,
    names,
  };
}
