export * from "./accounts";
export * from "./drafts";
export * from "./errors";
export * from "./history";
export { type Dependant, readRecord, type Stored } from "./records";
export * from "./transfer";
