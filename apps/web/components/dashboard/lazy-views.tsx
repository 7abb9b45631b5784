"use client";
// The dashboard's views other than the map, and the actor panel, load as their own chunks: the map is
// what `/` paints first, and most visits never open the rest. Rendered on the server (a link that opens
// on `?view=network` or with `?actor=`), a view is in the HTML and Next preloads its chunk, so hydration
// keeps the server's markup until the chunk is there; opened later, a placeholder of the view's size
// holds its place while the chunk loads.
import dynamic from "next/dynamic";

// A page that opens on one of these (`?view=`, `?actor=`, an embed of the network) asks for its chunk
// while the page's own scripts run, not when hydration reaches the view: the server's markup then turns
// interactive with the rest, and what someone types into it at once is not lost.
if (typeof window !== "undefined") {
  const query = new URLSearchParams(window.location.search);
  const view = window.location.pathname.startsWith("/embed/network") ? "network" : query.get("view");
  if (view === "network") void import("@/components/network/NetworkView");
  else if (view === "change") void import("@/components/change/ChangeView");
  else if (view === "sequence") void import("@/components/sequence/SequenceView");
  else if (view === "table") void import("@/components/map/MapTable");
  if (query.get("actor") && !window.location.pathname.startsWith("/embed/")) void import("./ActorPanel");
}

function ViewLoading() {
  return (
    <p className="muted view-loading" role="status">
      Loading the view…
    </p>
  );
}

export const NetworkView = dynamic(() => import("@/components/network/NetworkView").then((m) => m.NetworkView), {
  loading: ViewLoading,
});
export const ChangeView = dynamic(() => import("@/components/change/ChangeView").then((m) => m.ChangeView), {
  loading: ViewLoading,
});
export const SequenceView = dynamic(() => import("@/components/sequence/SequenceView").then((m) => m.SequenceView), {
  loading: ViewLoading,
});
export const MapTable = dynamic(() => import("@/components/map/MapTable").then((m) => m.MapTable), { loading: ViewLoading });
export const ActorPanel = dynamic(() => import("./ActorPanel").then((m) => m.ActorPanel), {
  loading: () => (
    <div className="panel" role="status">
      <p className="muted">Loading…</p>
    </div>
  ),
});
