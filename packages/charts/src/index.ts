export * from "./choropleth";
export * from "./network";
export * from "./network-layout";
export * from "./palette";
export * from "./stance-steps";
export * from "./timeline";
