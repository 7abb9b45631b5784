export * from "./actor";
export * from "./claims";
export * from "./common";
export * from "./dataset";
export * from "./source";
export * from "./topic";
export * from "./api";
