// The subset of the projected world the browser needs, prepared on the server.
import type { WorldFeature } from "@stancemap/charts/world";

export interface MapMarker {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface MapGeometry {
  width: number;
  height: number;
  sphere: string;
  graticule: string;
  features: Pick<WorldFeature, "id" | "name" | "d" | "centroid" | "area">[];
  /** Dataset states absent from the map's resolution or too small to see, by ISO numeric code. */
  markers: MapMarker[];
}
