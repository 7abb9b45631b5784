"use client";
// The live embed: the dashboard's view alone (Dashboard with `embed`), named for screen readers by its alt
// text, which follows the date and filters in the frame's URL; a link back, and the height message.
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useMemo } from "react";
import { Dashboard } from "@/components/dashboard/Dashboard";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";
import type { DashboardData } from "@/lib/dashboard-data";
import { altTextOf } from "@/lib/export/alt-text";
import { exportModel } from "@/lib/export/views";
import type { MapLayout } from "@/lib/map-geometry";
import type { View } from "@/lib/url-state";
import { EmbedHeight } from "./EmbedHeight";

interface Props {
  view: "map" | "network" | "timeline";
  data: DashboardData;
  geometry: MapLayout;
  defaults: { topic: string; date: string; view: View };
  /** The alt text of the first paint (the server's), until the URL's state says otherwise. */
  alt: string;
  /** The dashboard's address for this view. */
  link: string;
}

export function EmbedLive(props: Props) {
  return (
    <NuqsAdapter>
      <EmbedFigure {...props} />
    </NuqsAdapter>
  );
}

function EmbedFigure({ view, data, geometry, defaults, alt: first, link }: Props) {
  const [state] = useDashboardState(defaults);
  const { alt, path } = useMemo(() => {
    // A topic other than the one loaded has no data here (the dashboard reloads it): keep the first words.
    if (state.topic !== data.topic.slug) return { alt: first, path: link };
    const s = { ...state, topic: data.topic.slug };
    const model = exportModel(view, data, s, geometry);
    return { alt: altTextOf(model, data, s), path: model.path };
  }, [view, data, geometry, state, first, link]);
  return (
    <figure className={`embed embed-live embed-live-${view}`} aria-label={alt}>
      <Dashboard data={data} geometry={geometry} defaults={defaults} notices={[]} embed={view} />
      <figcaption className="embed-credit">
        <a href={path} target="_blank" rel="noopener">
          Explore on Stancemap
        </a>
      </figcaption>
      <EmbedHeight />
    </figure>
  );
}
