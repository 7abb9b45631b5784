"use client";
// Actor search across names, local names and aliases (core's searchActors, the API's rule too); `/`
// focuses it from anywhere on the page. An accessible combobox: the input keeps focus, options are
// pointed at with aria-activedescendant, and a live region says how many match, or that none does.
// The matcher and the options (search-options.tsx) are a chunk of their own, loaded when the field is
// first focused: the page's first load does without them.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { CompactActor } from "@/lib/dashboard-data";

const MAX_RESULTS = 12;

export function Search(props: {
  actors: readonly CompactActor[];
  /** The whole list has not arrived yet (the stance index): nothing is listed rather than a partial match. */
  pending?: boolean;
  onSelect: (slug: string) => void;
}) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (e.key === "/" && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const [search, setSearch] = useState<typeof import("./search-options") | null>(null);
  const loadSearch = () => {
    if (!search) void import("./search-options").then(setSearch);
  };
  const q = query.trim();
  const waiting = props.pending || !search;
  const all = useMemo(
    () => (props.pending || !search ? [] : search.searchActors(props.actors, q)),
    [q, props.actors, props.pending, search],
  );
  const results = all.slice(0, MAX_RESULTS);
  const open = results.length > 0;

  const choose = (slug: string) => {
    props.onSelect(slug);
    setQuery("");
  };
  const optionId = (slug: string) => `${listId}-${slug}`;
  const status = !q
    ? ""
    : waiting
      ? "Loading the list of actors…"
      : results.length === 0
        ? `No results for “${q}”`
        : all.length > results.length
          ? `${all.length} actors match; the first ${results.length} are listed`
          : `${results.length} ${results.length === 1 ? "actor matches" : "actors match"}`;

  return (
    <search className="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search actors
      </label>
      <input
        id={`${listId}-input`}
        ref={input}
        type="search"
        placeholder="Search actors (press /)"
        value={query}
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={`${listId}-status`}
        aria-activedescendant={open && results[active] ? optionId(results[active].actor.slug) : undefined}
        onFocus={loadSearch}
        onChange={(e) => {
          loadSearch();
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((i) => Math.min(results.length - 1, i + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (e.key === "Enter" && results[active]) {
            e.preventDefault();
            choose(results[active].actor.slug);
          } else if (e.key === "Escape") setQuery("");
        }}
      />
      <div id={listId} role="listbox" className="search-results" aria-label="Matching actors" hidden={!open}>
        {search ? <search.SearchOptions results={results} active={active} optionId={optionId} onChoose={choose} /> : null}
      </div>
      <p id={`${listId}-status`} role="status" className={q && results.length === 0 ? "search-results search-empty" : "visually-hidden"}>
        {status}
      </p>
    </search>
  );
}
