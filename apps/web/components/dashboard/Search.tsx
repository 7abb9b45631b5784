"use client";
// Actor search across names and local names; `/` focuses it from anywhere on the page.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { CompactActor } from "@/lib/dashboard-data";

export function Search(props: { actors: readonly CompactActor[]; onSelect: (slug: string) => void }) {
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

  const results = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return [];
    return props.actors
      .filter(
        (a) =>
          a.name.toLocaleLowerCase().includes(q) ||
          a.slug.includes(q) ||
          a.iso3?.toLowerCase() === q ||
          a.names.some((n) => n.name.toLocaleLowerCase().includes(q)),
      )
      .slice(0, 12);
  }, [query, props.actors]);

  const choose = (slug: string) => {
    props.onSelect(slug);
    setQuery("");
  };

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
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results[active] ? `${listId}-${results[active].slug}` : undefined}
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
            choose(results[active].slug);
          } else if (e.key === "Escape") setQuery("");
        }}
      />
      {results.length > 0 ? (
        <div id={listId} role="listbox" className="search-results" aria-label="Matching actors">
          {results.map((a, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options of a combobox keep focus on the input (aria-activedescendant), which handles the keys.
            <div
              key={a.slug}
              id={`${listId}-${a.slug}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(a.slug)}
              onKeyDown={(e) => e.key === "Enter" && choose(a.slug)}
            >
              {a.name}
              {a.names[0] ? (
                <span className="local-name" lang={a.names[0].lang} dir={a.names[0].dir}>
                  {" "}
                  {a.names[0].name}
                </span>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
    </search>
  );
}
