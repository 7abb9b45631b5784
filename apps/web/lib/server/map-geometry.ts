import "server-only";

// The projected world for the dataset's states: charts' mapGeometry, on the server only.
export { mapGeometry } from "@stancemap/charts/world";
