// The columns of each record type's admin table: heading, the sort key the db understands, and the cell.
// The cell marked `link` carries the link to the record's edit page and the draft badge.
import type { EntityType, RecordOf } from "@stancemap/core";
import { formatEdtf, isEdtf } from "@stancemap/core/model";
import type { ListNames, ListRow } from "@stancemap/db";
import type { ReactNode } from "react";
import { htmlDate } from "@/lib/html-date";

export interface Column {
  id: string;
  label: string;
  /** The db's sort key for this column; none: not sortable. */
  sort?: string;
  link?: boolean;
  /** Numbers are right-aligned; dates and short codes do not wrap. */
  kind?: "number" | "date" | "nowrap";
  cell: (row: ListRow, names: ListNames) => ReactNode;
  /** Shown under the link, outside it: local names. */
  sub?: (row: ListRow, names: ListNames) => ReactNode;
}

const excerpt = (text: string | undefined, length = 110) =>
  !text ? "" : text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, "")}…`;
const actor = (n: ListNames, slug: string | undefined) => (slug ? (n.actors[slug] ?? slug) : "");
const topic = (n: ListNames, slug: string) => n.topics[slug]?.title ?? slug;
const r = <T extends EntityType>(_type: T, row: ListRow) => row.record as RecordOf<T>;
/** A date as people read it, at its precision ("2023", "c. August 2021"); the EDTF is in `datetime` and the title. */
const date = (value: string | undefined) =>
  value ? (
    <time dateTime={isEdtf(value) ? htmlDate(value) : undefined} title={value}>
      {formatEdtf(value)}
    </time>
  ) : (
    <span className="muted">–</span>
  );

function Category({ names, stance }: { names: ListNames; stance: RecordOf<"stance"> }) {
  const category = names.topics[stance.topic]?.categories[stance.category];
  return (
    <span className="alist-category">
      <span className="alist-swatch" style={{ background: category?.colour ?? "transparent" }} aria-hidden="true" />
      {category?.label ?? stance.category}
    </span>
  );
}

export const COLUMNS: Record<EntityType, Column[]> = {
  actor: [
    {
      id: "name",
      label: "Name",
      sort: "name",
      link: true,
      cell: (row) => <span dir="auto">{r("actor", row).name}</span>,
      sub: (row) =>
        r("actor", row).names.map((l) => (
          <span key={l.lang} className="alist-local" lang={l.lang} dir={l.dir}>
            {l.name}
          </span>
        )),
    },
    { id: "kind", label: "Kind", sort: "kind", kind: "nowrap", cell: (row) => r("actor", row).kind },
    { id: "iso3", label: "ISO3", sort: "iso3", kind: "nowrap", cell: (row) => r("actor", row).iso3 ?? "" },
    { id: "region", label: "Region", sort: "region", cell: (row) => r("actor", row).region ?? "" },
    {
      id: "affiliation",
      label: "Affiliation",
      sort: "affiliation",
      cell: (row, n) => <span dir="auto">{actor(n, r("actor", row).affiliation)}</span>,
    },
  ],
  topic: [
    { id: "title", label: "Title", sort: "title", link: true, cell: (row) => <span dir="auto">{r("topic", row).title}</span> },
    { id: "slug", label: "Slug", sort: "slug", cell: (row) => <code>{r("topic", row).slug}</code> },
    { id: "categories", label: "Categories", sort: "categories", kind: "number", cell: (row) => r("topic", row).categories.length },
  ],
  stance: [
    {
      id: "actor",
      label: "Actor",
      sort: "actor",
      link: true,
      cell: (row, n) => <span dir="auto">{actor(n, r("stance", row).actor)}</span>,
    },
    { id: "topic", label: "Topic", sort: "topic", cell: (row, n) => topic(n, r("stance", row).topic) },
    { id: "category", label: "Category", sort: "category", cell: (row, n) => <Category names={n} stance={r("stance", row)} /> },
    {
      id: "from",
      label: "From",
      sort: "from",
      kind: "date",
      cell: (row) => (r("stance", row).validFrom ? date(r("stance", row).validFrom) : <span className="muted">not stated</span>),
    },
    { id: "attested", label: "Attested", kind: "date", cell: (row) => date(r("stance", row).attested) },
    { id: "until", label: "Until", sort: "until", kind: "date", cell: (row) => date(r("stance", row).validUntil) },
    { id: "confidence", label: "Confidence", sort: "confidence", cell: (row) => r("stance", row).confidence },
    {
      id: "sources",
      label: "Sources",
      sort: "sources",
      kind: "number",
      cell: (row) => new Set(r("stance", row).evidence.map((e) => e.source)).size,
    },
  ],
  reaction: [
    {
      id: "actor",
      label: "Actor → target",
      sort: "actor",
      link: true,
      cell: (row, n) => {
        const x = r("reaction", row);
        const target = "actor" in x.target ? actor(n, x.target.actor) : (n.events[x.target.event] ?? x.target.event);
        return (
          <>
            <span dir="auto">{actor(n, x.actor)}</span> → <span dir="auto">{target}</span>
          </>
        );
      },
    },
    { id: "date", label: "Date", sort: "date", kind: "date", cell: (row) => date(r("reaction", row).date) },
    {
      id: "sentiment",
      label: "Sentiment",
      sort: "sentiment",
      cell: (row) => (
        <span className={`alist-sentiment alist-sentiment-${r("reaction", row).sentiment}`}>{r("reaction", row).sentiment}</span>
      ),
    },
    { id: "summary", label: "Summary", sort: "summary", cell: (row) => <span dir="auto">{excerpt(r("reaction", row).summary, 140)}</span> },
  ],
  event: [
    { id: "date", label: "Date", sort: "date", kind: "date", cell: (row) => date(r("event", row).date) },
    { id: "title", label: "Title", sort: "title", link: true, cell: (row) => <span dir="auto">{r("event", row).title}</span> },
    { id: "series", label: "Series", sort: "series", cell: (row) => r("event", row).series ?? "" },
  ],
  source: [
    { id: "publisher", label: "Publisher", sort: "publisher", cell: (row) => <span dir="auto">{r("source", row).publisher}</span> },
    { id: "title", label: "Title", sort: "title", link: true, cell: (row) => <span dir="auto">{r("source", row).title}</span> },
    { id: "date", label: "Published", sort: "date", kind: "date", cell: (row) => date(r("source", row).publishedOn) },
    {
      id: "reliability",
      label: "Reliability note",
      sort: "reliability",
      cell: (row) => <span dir="auto">{excerpt(r("source", row).reliability)}</span>,
    },
  ],
  gap: [
    { id: "actor", label: "Actor", sort: "actor", link: true, cell: (row, n) => <span dir="auto">{actor(n, r("gap", row).actor)}</span> },
    { id: "topic", label: "Topic", sort: "topic", cell: (row, n) => topic(n, r("gap", row).topic) },
    { id: "note", label: "Note", sort: "note", cell: (row) => <span dir="auto">{excerpt(r("gap", row).note, 160)}</span> },
    {
      id: "period",
      label: "Holds",
      cell: (row) => {
        const g = r("gap", row);
        if (!g.validFrom && !g.validUntil) return <span className="muted">always</span>;
        return (
          <>
            {g.validFrom ? <>from {date(g.validFrom)} </> : null}
            {g.validUntil ? <>until {date(g.validUntil)}</> : null}
          </>
        );
      },
    },
  ],
};

/** Page titles and the singular used by "New …". */
export const TITLES: Record<EntityType, { plural: string; singular: string }> = {
  actor: { plural: "Actors", singular: "actor" },
  topic: { plural: "Topics", singular: "topic" },
  stance: { plural: "Stances", singular: "stance" },
  reaction: { plural: "Reactions", singular: "reaction" },
  event: { plural: "Events", singular: "event" },
  source: { plural: "Sources", singular: "source" },
  gap: { plural: "No-data notes", singular: "no-data note" },
};
