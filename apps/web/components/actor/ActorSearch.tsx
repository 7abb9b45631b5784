"use client";
// Finds actors by name or local name through the public API, and links to their pages.
import type { Actor } from "@stancemap/core";
import { useEffect, useId, useState } from "react";
import { actorHref, KIND_NAMES } from "./lookups";

type Result = { query: string; actors: Actor[] } | { query: string; error: string };

export function ActorSearch() {
  const id = useId();
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const q = query.trim();

  useEffect(() => {
    if (!q) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/actors?limit=12&q=${encodeURIComponent(q)}`, { signal: abort.signal })
        .then(async (res) => {
          if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
          return ((await res.json()) as { data: Actor[] }).data;
        })
        .then((actors) => setResult({ query: q, actors }))
        .catch((error: Error) => {
          if (!abort.signal.aborted) setResult({ query: q, error: error.message });
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q]);

  const current = result && result.query === q ? result : null;
  return (
    <search className="actor-search">
      <label htmlFor={id}>Find an actor</label>
      <input id={id} type="search" placeholder="A name, e.g. Koofi or Россия" value={query} onChange={(e) => setQuery(e.target.value)} />
      <div aria-live="polite">
        {!q ? null : !current ? (
          <p className="muted">Searching…</p>
        ) : "error" in current ? (
          <p role="alert">The search failed: {current.error}</p>
        ) : current.actors.length === 0 ? (
          <p className="muted">No actor matches “{q}”.</p>
        ) : (
          <ul className="actor-search-results">
            {current.actors.map((a) => (
              <li key={a.slug}>
                <a href={actorHref(a.slug)}>{a.name}</a>
                <span className="muted"> · {a.role ?? KIND_NAMES[a.kind] ?? a.kind}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </search>
  );
}
