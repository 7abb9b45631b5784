// The subset of the projected world the browser needs, prepared on the server (charts' world.ts).
export type { MapGeometry, MapMarker } from "@stancemap/charts/world";
