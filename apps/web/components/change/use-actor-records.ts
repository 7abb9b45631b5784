"use client";
// Actors' full records (every stance with its evidence), fetched from the public API when a view shows
// their evidence: the dashboard's data carries only a stance's first quote. One request per actor, kept
// for the page's life; a pinned page (`?revision=`) reads the revision it shows.
import type { ActorDetail } from "@stancemap/core";
import { useEffect, useState } from "react";

export type ActorRecord = { record: ActorDetail } | { error: string };

export function useActorRecords(slugs: readonly string[], revision: number | null | undefined): ReadonlyMap<string, ActorRecord> {
  const [records, setRecords] = useState<ReadonlyMap<string, ActorRecord>>(new Map());
  const key = [...new Set(slugs)].sort().join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the slugs' contents.
  useEffect(() => {
    const wanted = key ? key.split(",").filter((s) => !records.has(s)) : [];
    if (wanted.length === 0) return;
    const abort = new AbortController();
    const pin = revision ? `?revision=${revision}` : "";
    for (const slug of wanted) {
      fetch(`/api/v1/actors/${encodeURIComponent(slug)}${pin}`, { signal: abort.signal })
        .then(async (res) => {
          if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
          return { record: (await res.json()) as ActorDetail };
        })
        .catch((e: Error) => ({ error: e.message }))
        .then((r) => {
          if (!abort.signal.aborted) setRecords((m) => new Map(m).set(slug, r));
        });
    }
    return () => abort.abort();
  }, [key, revision]);
  return records;
}
