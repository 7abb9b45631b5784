"use client";
// The dashboard's date as the time slider moves it: a small store outside React. A date change writes
// here first; the map's fills (WorldMap's `live` cells) and the timeline's slider follow at once, in the
// same frame, and nothing else does. The URL (and with it the legend, badges, table and panel) catches
// up after that frame has been painted (Dashboard's setDate).
import { useSyncExternalStore } from "react";

export interface DateStore {
  get(): string;
  set(date: string): void;
  subscribe(listener: () => void): () => void;
}

export function createDateStore(initial: string): DateStore {
  let date = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => date,
    set(next) {
      if (next !== date) {
        date = next;
        for (const l of [...listeners]) l();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's date, re-rendering the calling component (and only it) when it changes. */
export function useStoreDate(store: DateStore): string {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
