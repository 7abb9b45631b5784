export { createDb, type Db, getDb } from "./client";
export { BadCursorError } from "./cursor";
export { DatasetError, datasetDir, loadDataset, loadSourceTexts } from "./dataset";
export { databaseUrl, defaultDatabaseUrl, findRepoRoot, type Provider, providerOf } from "./env";
export { migrate } from "./migrate";
export * from "./queries";
export { seedDataset } from "./seed";
