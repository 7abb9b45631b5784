// d3-zoom and the d3 modules it brings (selection, transition, drag, interpolation: about 12 kB gzipped)
// load after the map is on screen: the server's map needs none of them, and panning waits for no one.
export { select } from "d3-selection";
export { type ZoomBehavior, zoom, zoomIdentity, zoomTransform } from "d3-zoom";
