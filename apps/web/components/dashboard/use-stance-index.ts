"use client";
// The topic's stance index (lib/stance-index.ts), fetched once per topic and revision after the page has
// hydrated and kept for the page's life: the map, timeline, table, change and sequence views share it.
import { useEffect, useState } from "react";
import { decodeStanceIndex, type EncodedStanceIndex, type StanceIndexData, stanceIndexPath } from "@/lib/stance-index";

const fetched = new Map<string, Promise<StanceIndexData>>();

function load(topic: string, revision: number): Promise<StanceIndexData> {
  const path = stanceIndexPath(topic, revision);
  let pending = fetched.get(path);
  if (!pending) {
    pending = fetch(path).then(async (r) => {
      if (!r.ok) throw new Error(`the data did not load (${r.status})`);
      return decodeStanceIndex((await r.json()) as EncodedStanceIndex);
    });
    fetched.set(path, pending);
    pending.catch(() => fetched.delete(path));
  }
  return pending;
}

/** The index of `topic` at `revision` once it has arrived (null before, or when not `wanted`), and any error. */
export function useStanceIndex(topic: string, revision: number, wanted: boolean): { index: StanceIndexData | null; error: string | null } {
  const [state, setState] = useState<{ index: StanceIndexData | null; error: string | null }>({ index: null, error: null });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    load(topic, revision).then(
      (index) => live && setState({ index, error: null }),
      (e: Error) => live && setState({ index: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [topic, revision, wanted]);
  const { index } = state;
  return { index: index && index.topic === topic && index.revision === revision ? index : null, error: state.error };
}
