"use client";
// The search box and filters of a record list: a plain GET form (works without JavaScript); with
// JavaScript, empty fields are left out of the address so shared links stay short.
import { useRouter } from "next/navigation";
import { useId } from "react";

export interface FilterField {
  name: string;
  label: string;
  anyLabel: string;
  value: string | null;
  options: { value: string; label: string; count: number | null }[];
}

interface Props {
  action: string;
  q: string | null;
  searchHint: string;
  fields: FilterField[];
  size: number;
  sizes: readonly number[];
  /** Sorting survives a new search; the page does not. */
  keep: Record<string, string | null>;
  clearHref: string | null;
}

export function ListFilters({ action, q, searchHint, fields, size, sizes, keep, clearHref }: Props) {
  const router = useRouter();
  const id = useId();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      const text = String(value).trim();
      if (text && !(name === "size" && text === "50")) params.set(name, text);
    }
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action);
  }

  return (
    <search aria-label="Search and filter">
      <form className="alist-filters" action={action} method="get" onSubmit={onSubmit}>
        <div className="alist-field alist-search">
          <label htmlFor={`${id}-q`}>Search</label>
          <input
            id={`${id}-q`}
            className="admin-input"
            type="search"
            name="q"
            defaultValue={q ?? ""}
            dir="auto"
            aria-describedby={`${id}-q-hint`}
          />
          <p className="hint" id={`${id}-q-hint`}>
            {searchHint}
          </p>
        </div>
        {fields.map((f) => (
          <div className="alist-field" key={f.name}>
            <label htmlFor={`${id}-${f.name}`}>{f.label}</label>
            <select id={`${id}-${f.name}`} className="admin-input" name={f.name} defaultValue={f.value ?? ""}>
              <option value="">{f.anyLabel}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.count === null ? o.label : `${o.label} (${o.count})`}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="alist-field alist-size">
          <label htmlFor={`${id}-size`}>Rows per page</label>
          <select id={`${id}-size`} className="admin-input" name="size" defaultValue={String(size)}>
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {Object.entries(keep).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
        <div className="alist-actions">
          <button className="btn" type="submit">
            Apply
          </button>
          {clearHref && (
            <a className="alist-clear" href={clearHref}>
              Clear all
            </a>
          )}
        </div>
      </form>
    </search>
  );
}
