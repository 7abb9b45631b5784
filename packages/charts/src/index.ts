export * from "./choropleth";
export * from "./cues";
export * from "./network";
export * from "./network-layout";
export * from "./palette";
export * from "./stance-changes";
export * from "./stance-steps";
export * from "./timeline";
