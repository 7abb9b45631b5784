export * from "./choropleth";
export * from "./palette";
export * from "./timeline";
