// One list page for every record type (/admin/actors, /admin/stances, …): search, filters, sortable
// columns and pages, all in the URL; each row opens the record's edit page and shows its open change.
import { type EntityType, typeOfCollection } from "@stancemap/core";
import { type FacetOption, getDb, type ListFilter, type ListResult, type ListRow, listRecords } from "@stancemap/db";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { COLUMNS, TITLES } from "@/components/admin/lists/columns";
import { type FilterField, ListFilters } from "@/components/admin/lists/ListFilters";
import { type ListParams, listHref, loadListParams, PAGE_SIZES } from "@/components/admin/lists/list-url";
import { Pagination } from "@/components/admin/lists/Pagination";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/lists/lists.css";

type Props = { params: Promise<{ collection: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS: Record<EntityType, { name: Exclude<ListFilter, "draft">; label: string; anyLabel: string }[]> = {
  actor: [{ name: "kind", label: "Kind", anyLabel: "Any kind" }],
  topic: [],
  stance: [
    { name: "topic", label: "Topic", anyLabel: "Any topic" },
    { name: "category", label: "Category", anyLabel: "Any category" },
  ],
  reaction: [{ name: "sentiment", label: "Sentiment", anyLabel: "Any sentiment" }],
  event: [{ name: "series", label: "Series", anyLabel: "Any series" }],
  source: [{ name: "publisher", label: "Publisher", anyLabel: "Any publisher" }],
  gap: [{ name: "topic", label: "Topic", anyLabel: "Any topic" }],
};

const SEARCH_HINTS: Record<EntityType, string> = {
  actor: "Name, local names, role, region, description.",
  topic: "Title, question, category labels.",
  stance: "Actor, topic, category, summary, note.",
  reaction: "Actor, target, summary.",
  event: "Title, description, series.",
  source: "Publisher, title, author, reliability note.",
  gap: "Actor, topic, note.",
};

const CHANGE_WORDS: Record<string, string> = { new: "New (draft only)", edit: "Edits", delete: "Deletions" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const type = typeOfCollection((await params).collection);
  return { title: type ? TITLES[type].plural : "Not found" };
}

/** The options of a filter, keeping the chosen value even when nothing matches it now. */
function options(facet: FacetOption[] | undefined, value: string | null): FilterField["options"] {
  const list = (facet ?? []).map((o) => ({ value: o.value, label: o.label, count: o.count }));
  if (value && !list.some((o) => o.value === value)) list.unshift({ value, label: value, count: 0 });
  return list;
}

function DraftBadge({ row }: { row: ListRow }) {
  if (!row.draft) return null;
  const { change, status, draftId } = row.draft;
  const text = change === "new" ? "new (draft)" : `${change} ${status === "returned" ? "returned" : "pending"}`;
  return (
    <a
      className={`alist-badge alist-badge-${change}${status === "returned" ? " alist-badge-returned" : ""}`}
      href={`/admin/drafts/${encodeURIComponent(draftId)}`}
      title={`Open change in draft ${draftId}`}
    >
      <span className="visually-hidden">Open change: </span>
      {text}
      {change === "new" && status === "returned" ? ", returned" : ""}
    </a>
  );
}

function sortLabel(result: ListResult): string {
  const column = COLUMNS[result.type].find((c) => c.sort === result.sort);
  return `sorted by ${column?.label ?? result.sort}, ${result.dir === "asc" ? "ascending" : "descending"}`;
}

export default async function ListPage({ params, searchParams }: Props) {
  const { collection } = await params;
  const type = typeOfCollection(collection);
  if (!type) notFound();
  const who = await currentPrincipal();
  if (!who) return null;
  const p: ListParams = loadListParams(await searchParams);
  const result = await listRecords(getDb(), who, type, {
    q: p.q,
    sort: p.sort,
    dir: p.dir,
    page: p.page,
    pageSize: p.size,
    filters: {
      kind: p.kind,
      topic: p.topic,
      category: p.category,
      sentiment: p.sentiment,
      publisher: p.publisher,
      series: p.series,
      draft: p.draft,
    },
  });
  const title = TITLES[type];
  const columns = COLUMNS[type];
  const base = `/admin/${collection}`;
  const filtered = Boolean(p.q || p.draft || FILTERS[type].some((f) => p[f.name]));

  const fields: FilterField[] = [
    ...FILTERS[type].map((f) => ({ ...f, value: p[f.name], options: options(result.facets[f.name], p[f.name]) })),
    {
      name: "draft",
      label: "Open changes",
      anyLabel: "All records",
      value: p.draft,
      options: [
        { value: "any", label: "Has an open change", count: null },
        ...options(result.facets.draft, p.draft === "any" ? null : p.draft).map((o) => ({
          ...o,
          label: CHANGE_WORDS[o.value] ?? o.value,
        })),
      ],
    },
  ];
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.rows.length - 1;
  const noun = result.total === 1 ? title.singular : title.plural.toLowerCase();

  return (
    <>
      <div className="alist-head">
        <h1>{title.plural}</h1>
        <a className="btn" href={`${base}/new`}>
          New {title.singular}
        </a>
      </div>
      <ListFilters
        key={JSON.stringify([p.q, p.size, p.draft, ...FILTERS[type].map((f) => p[f.name])])}
        action={base}
        q={p.q}
        searchHint={SEARCH_HINTS[type]}
        fields={fields}
        size={p.size}
        sizes={PAGE_SIZES}
        keep={{ sort: p.sort, dir: p.dir }}
        clearHref={
          filtered
            ? listHref(collection, p, { q: null, draft: null, ...Object.fromEntries(FILTERS[type].map((f) => [f.name, null])), page: null })
            : null
        }
      />
      <p className="alist-count" id="alist-count">
        {result.total === 0
          ? `No ${title.plural.toLowerCase()} match.`
          : result.pageCount > 1
            ? `Showing ${first}–${last} of ${result.total} ${noun}`
            : `${result.total} ${noun}`}
        {filtered && result.total > 0 ? " matching the search and filters" : ""}
      </p>
      {result.total > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, and keyboard users must reach it
        <section className="alist-scroll" tabIndex={0} aria-labelledby="alist-caption">
          <table className="alist-table">
            <caption id="alist-caption" className="visually-hidden">
              {title.plural}, {sortLabel(result)}
              {result.pageCount > 1 ? `, page ${result.page} of ${result.pageCount}` : ""}
            </caption>
            <thead>
              <tr>
                {columns.map((c) => {
                  const sorted = c.sort === result.sort;
                  const next = sorted && result.dir === "asc" ? "desc" : "asc";
                  return (
                    <th
                      key={c.id}
                      scope="col"
                      className={c.kind ? `alist-${c.kind}` : undefined}
                      aria-sort={sorted ? (result.dir === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {c.sort ? (
                        <Link className="alist-sort" href={listHref(collection, p, { sort: c.sort, dir: next, page: null })}>
                          {c.label}
                          <span className="alist-arrow" aria-hidden="true">
                            {sorted ? (result.dir === "asc" ? "▲" : "▼") : "↕"}
                          </span>
                          <span className="visually-hidden">, sort {next === "asc" ? "ascending" : "descending"}</span>
                        </Link>
                      ) : (
                        c.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.key} className={row.draft ? `alist-row-${row.draft.change}` : undefined}>
                  {columns.map((c) => (
                    <td key={c.id} className={c.kind ? `alist-${c.kind}` : undefined}>
                      {c.link ? (
                        <div className="alist-main">
                          <Link className="alist-open" href={`${base}/${encodeURIComponent(row.key)}`}>
                            {c.cell(row, result.names) || row.label}
                          </Link>
                          <DraftBadge row={row} />
                          {c.sub?.(row, result.names)}
                        </div>
                      ) : (
                        c.cell(row, result.names)
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {result.total === 0 && filtered && (
        <p>
          <a href={base}>Show all {title.plural.toLowerCase()}</a>
        </p>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(page) => listHref(collection, p, { page })} />
    </>
  );
}
