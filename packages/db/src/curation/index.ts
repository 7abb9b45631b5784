export * from "./accounts";
export { authDatabase } from "./auth-adapter";
export * from "./drafts";
export * from "./errors";
export * from "./history";
export * from "./lists";
export { type Dependant, readRecord, type Stored } from "./records";
export { instanceSecret } from "./settings";
export * from "./transfer";
