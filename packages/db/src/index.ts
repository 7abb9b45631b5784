export { createDb, type Db, getDb } from "./client";
export { BadCursorError } from "./cursor";
export * from "./dashboard";
export { DatasetError, datasetDir, loadDataset, loadSourceTexts } from "./dataset";
export { databaseUrl, defaultDatabaseUrl, findRepoRoot, type Provider, providerOf } from "./env";
export { migrate } from "./migrate";
export * from "./queries";
export { readRevision, selectGapsBySlug } from "./read-model";
export { seedDataset } from "./seed";
