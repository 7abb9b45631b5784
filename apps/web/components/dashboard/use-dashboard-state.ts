"use client";
// The dashboard's URL state (nuqs): every view's topic, date, filters and selection live in the URL,
// so a copied link reopens the same view and back/forward move through it.
import { useQueryStates } from "nuqs";
import { dashboardParsers, type View } from "@/lib/url-state";

export interface Defaults {
  topic: string;
  date: string;
  view: View;
}

export function useDashboardState(defaults: Defaults) {
  return useQueryStates(
    {
      ...dashboardParsers,
      topic: dashboardParsers.topic.withDefault(defaults.topic),
      date: dashboardParsers.date.withDefault(defaults.date),
      view: dashboardParsers.view.withDefault(defaults.view),
      kind: dashboardParsers.kind.withDefault([]),
      cat: dashboardParsers.cat.withDefault([]),
      sent: dashboardParsers.sent.withDefault([]),
      nkind: dashboardParsers.nkind.withDefault([]),
    },
    { history: "push", scroll: false },
  );
}

export type DashboardUrlState = ReturnType<typeof useDashboardState>[0];
export type SetDashboardState = ReturnType<typeof useDashboardState>[1];
