// The curated dataset shipped in prisma/dataset: JSON files checked by the core schemas, and the source texts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dataset, type DateForm, detectDateForm, upgradeLegacyRecord } from "@stancemap/core";
import { sourceTextRef } from "./curation/source-texts";
import { findRepoRoot } from "./env";

export const DATASET_FILES = ["actors", "topics", "sources", "stances", "gaps", "reactions", "events"] as const;

export function datasetDir(root: string = findRepoRoot()): string {
  return join(root, "prisma", "dataset");
}

export class DatasetError extends Error {}

/** The collections whose records carry dates, and the kind of record in each. */
const DATED = { stances: "stance", reactions: "reaction", events: "event", gaps: "gap" } as const;

/**
 * How many dated records of the files are in EDTF and how many in the previous release's form (an ISO
 * day and a precision word), which loadDataset reads too, for one release, as the importer does.
 */
export function datasetDateForms(dir: string = datasetDir()): Record<DateForm, number> {
  const out: Record<DateForm, number> = { edtf: 0, legacy: 0 };
  for (const [file, kind] of Object.entries(DATED))
    for (const r of JSON.parse(readFileSync(join(dir, `${file}.json`), "utf8")) as unknown[]) out[detectDateForm(kind, r)] += 1;
  return out;
}

export function loadDataset(dir: string = datasetDir()): Dataset {
  const raw: Record<string, unknown> = Object.fromEntries(
    DATASET_FILES.map((name) => [name, JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"))]),
  );
  for (const [file, kind] of Object.entries(DATED))
    if (Array.isArray(raw[file])) raw[file] = (raw[file] as unknown[]).map((r) => upgradeLegacyRecord(kind, r));
  if (Array.isArray(raw.sources)) raw.sources = (raw.sources as unknown[]).map((s) => withTextRef(s, dir));
  const parsed = Dataset.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new DatasetError(`the dataset in ${dir} is invalid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/**
 * A source whose file names a `textFile` holds that text in the database as well (`text`: its SHA-256 and
 * length), as editors' sources do; the seed stores the texts themselves (`loadSourceTexts`).
 */
function withTextRef(source: unknown, dir: string): unknown {
  if (!source || typeof source !== "object") return source;
  const file = (source as { textFile?: unknown }).textFile;
  if (typeof file !== "string" || !/^[a-z0-9-]+\.txt$/.test(file)) return source;
  return { ...source, text: sourceTextRef(readFileSync(join(dir, "texts", file), "utf8")) };
}

/** The stored text of every source that has one, by source id. */
export function loadSourceTexts(dataset: Dataset, dir: string = datasetDir()): Map<string, string> {
  return new Map(
    dataset.sources.flatMap((s) => (s.textFile ? [[s.id, readFileSync(join(dir, "texts", s.textFile), "utf8")] as const] : [])),
  );
}
