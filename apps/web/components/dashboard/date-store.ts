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
      if (next === date) return;
      date = next;
      for (const l of [...listeners]) l();
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

/** Cells that follow the store's date: what WorldMap paints its fills and names from between renders. */
export interface LiveCells<C> {
  /** The cells at the store's date (computed once per date). */
  get(): ReadonlyMap<string, C>;
  subscribe(listener: () => void): () => void;
}

export function liveCells<C>(store: DateStore, at: (date: string) => ReadonlyMap<string, C>): LiveCells<C> {
  let cached: { date: string; cells: ReadonlyMap<string, C> } | null = null;
  return {
    get() {
      const date = store.get();
      if (cached?.date !== date) cached = { date, cells: at(date) };
      return cached.cells;
    },
    subscribe: store.subscribe,
  };
}

/** Resolves at the main thread's next free moment (scheduler.yield where there is one): long work in steps. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
