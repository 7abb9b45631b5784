"use client";
// Actor search across names, local names and aliases (core's searchActors, the API's rule too); `/`
// focuses it from anywhere on the page. An accessible combobox: the input keeps focus, options are
// pointed at with aria-activedescendant, and a live region says how many match, or that none does.
import { type ActorMatch, searchActors } from "@stancemap/core/model";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { CompactActor } from "@/lib/dashboard-data";

const MAX_RESULTS = 12;
const ALIAS_WORDS = { alias: "also known as", former: "formerly", abbreviation: "abbreviated" } as const;

/** Why an option matched when its name does not show it: "also known as “Taliban”". */
function matchedBy(match: ActorMatch): string | null {
  if (match.field === "alias") return `${ALIAS_WORDS[match.kind ?? "alias"]} “${match.text}”`;
  if (match.field === "iso3") return `code ${match.text}`;
  return null;
}

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

  const q = query.trim();
  const all = useMemo(() => (props.pending ? [] : searchActors(props.actors, q)), [q, props.actors, props.pending]);
  const results = all.slice(0, MAX_RESULTS);
  const open = results.length > 0;

  const choose = (slug: string) => {
    props.onSelect(slug);
    setQuery("");
  };
  const optionId = (slug: string) => `${listId}-${slug}`;
  const status = !q
    ? ""
    : props.pending
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
        onChange={(e) => {
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
        {results.map(({ actor: a, match }, i) => {
          const why = matchedBy(match);
          // The local name shown is the one that matched, else the first.
          const local = match.field === "local" ? (a.names.find((n) => n.name === match.text) ?? a.names[0]) : a.names[0];
          return (
            // biome-ignore lint/a11y/useFocusableInteractive: options of a combobox keep focus on the input (aria-activedescendant), which handles the keys.
            <div
              key={a.slug}
              id={optionId(a.slug)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(a.slug)}
              onKeyDown={(e) => e.key === "Enter" && choose(a.slug)}
            >
              <span className="search-name">{a.name}</span>
              {why ? <span className="search-why"> ({why})</span> : null}
              {local ? (
                <span className="search-local" lang={local.lang} dir={local.dir}>
                  {local.name}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      <p id={`${listId}-status`} role="status" className={q && results.length === 0 ? "search-results search-empty" : "visually-hidden"}>
        {status}
      </p>
    </search>
  );
}
