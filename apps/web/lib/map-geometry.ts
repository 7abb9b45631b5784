// The map as the browser gets it: its layout (names, centres, boxes, the sprite's address), never the
// outlines; and the full geometry the export renderer draws, rebuilt from the sprite when needed.
export type { MapGeometry, MapLayout, MapLayoutFeature, MapMarker } from "@stancemap/charts/world";
