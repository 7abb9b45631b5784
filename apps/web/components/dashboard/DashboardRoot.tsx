"use client";
// The dashboard with its URL state (nuqs's adapter): the chunk that `LazyDashboard` hydrates after the
// page's shell. Actor and admin pages carry neither.
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ComponentProps } from "react";
import { Dashboard } from "./Dashboard";

export function DashboardRoot(props: ComponentProps<typeof Dashboard>) {
  return (
    <NuqsAdapter>
      <Dashboard {...props} />
    </NuqsAdapter>
  );
}
