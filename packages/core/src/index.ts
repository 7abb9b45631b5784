export * from "./csv-records";
export * from "./dates";
export * from "./reaction-graph";
export * from "./schemas";
export * from "./stance-at-date";
export * from "./stance-history";
export * from "./stance-index";
export * from "./topic-map";
