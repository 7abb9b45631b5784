// The curated dataset shipped in prisma/dataset: JSON files checked by the core schemas, and the source texts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dataset } from "@stancemap/core";
import { findRepoRoot } from "./env";

export const DATASET_FILES = ["actors", "topics", "sources", "stances", "gaps", "reactions", "events"] as const;

export function datasetDir(root: string = findRepoRoot()): string {
  return join(root, "prisma", "dataset");
}

export class DatasetError extends Error {}

export function loadDataset(dir: string = datasetDir()): Dataset {
  const raw = Object.fromEntries(DATASET_FILES.map((name) => [name, JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"))]));
  const parsed = Dataset.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new DatasetError(`the dataset in ${dir} is invalid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The stored text of every source that has one, by source id. */
export function loadSourceTexts(dataset: Dataset, dir: string = datasetDir()): Map<string, string> {
  return new Map(
    dataset.sources.flatMap((s) => (s.textFile ? [[s.id, readFileSync(join(dir, "texts", s.textFile), "utf8")] as const] : [])),
  );
}
