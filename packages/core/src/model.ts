// The pure functions without the zod schemas: what browser code imports, so zod stays out of the
// client bundle (zod schemas register metadata at import time and cannot be tree-shaken).

export * from "./actor-search";
export * from "./citation";
export * from "./collections";
export * from "./dates";
export * from "./export-presets";
export * from "./lookup";
export * from "./merge";
export * from "./quote-check";
export * from "./reaction-graph";
export * from "./speaker";
export * from "./stance-history";
export * from "./stance-index";
export * from "./text-direction";
export * from "./time";
export * from "./topic-map";
