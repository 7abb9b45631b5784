"use client";
// `/` hydrates in two steps. The page's first-load scripts are React, Next and this file; the dashboard
// (map, legend, timeline, URL state, the stance index's codec) is its own chunk. The server renders it
// into the HTML as usual and Next preloads its chunk, so the map and the timeline paint from the first
// bytes; React keeps that markup while the chunk arrives and hydrates it in place (a dehydrated Suspense
// boundary), so nothing is drawn twice and the shell turns interactive without waiting for it. Controls
// that need the dashboard's code stay disabled in the server's markup until then (useHydrated).
import dynamic from "next/dynamic";
// The views' own chunks (network, table, change, sequence, the actor panel) are declared here, in the
// first load, not only inside the dashboard's chunk: Turbopack lists a `next/dynamic` nested in another
// one with a chunk it never emits, so the server's preload of a `?actor=` link's panel answered 404.
import "./lazy-views";

// Asked for while the page's own scripts run, not when hydration reaches the boundary.
if (typeof window !== "undefined") void import("./DashboardRoot");

export const LazyDashboard = dynamic(() => import("./DashboardRoot").then((m) => m.DashboardRoot));
