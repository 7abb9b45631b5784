export * from "./actor";
export * from "./api";
export * from "./claims";
export * from "./common";
export * from "./curation";
export * from "./dataset";
export * from "./source";
export * from "./topic";
