// One results file per bench run: each bench appends its headline figures, with the load average at the
// time, as one JSON line; `bench:summary` (summary.ts) reads them back into issue 16's table.
import { appendFileSync, mkdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";

/** The results file `npm run bench` hands every bench; a bench run alone writes a file of its own. */
export const RESULTS_ENV = "STANCEMAP_BENCH_RESULTS";
export const resultsDir = join(import.meta.dirname, "..", "..", "..", ".tmp", "bench");

const Load = z.object({ one: z.number(), five: z.number(), fifteen: z.number(), cores: z.number() });
export type Load = z.infer<typeof Load>;

/** One figure: the median, min and max of its runs (n = 1 for a single measurement). JSON writes a
 * NaN as null: a figure that was not measured stays null rather than becoming a number. */
const Figure = z.object({
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  n: z.number(),
  unit: z.string(),
  /** The load when this figure was taken, where a bench measures parts at different times. */
  load: Load.optional(),
});
export type Figure = z.infer<typeof Figure>;

export const BenchRecord = z.object({
  /** The bench and, where it runs in parts, which part: "api", "network-20k". */
  bench: z.string(),
  status: z.enum(["ok", "skipped", "failed"]),
  reason: z.string().optional(),
  at: z.string(),
  load: Load,
  /** The options it ran with (dataset size, rounds…). */
  options: z.record(z.string(), z.unknown()),
  figures: z.record(z.string(), Figure),
  /** Parts left out, by the start of their figures' names, with the reason: { recolour: "--no-browser" }. */
  left: z.record(z.string(), z.string()).optional(),
});
export type BenchRecord = z.infer<typeof BenchRecord>;

export function loadNow(): Load {
  const [one = Number.NaN, five = Number.NaN, fifteen = Number.NaN] = loadavg();
  return { one, five, fifteen, cores: cpus().length };
}

/** A figure from one value or from the values of repeated runs. */
export function figure(values: number | readonly number[], unit: string, load?: Load): Figure {
  const list = (typeof values === "number" ? [values] : [...values]).filter(Number.isFinite).sort((a, b) => a - b);
  const mid = list.length >> 1;
  const median =
    list.length === 0 ? null : list.length % 2 ? (list[mid] as number) : ((list[mid - 1] as number) + (list[mid] as number)) / 2;
  return { median, min: list[0] ?? null, max: list.at(-1) ?? null, n: list.length, unit, ...(load ? { load } : {}) };
}

let ownFile: string | null = null;

/** Where records go: `STANCEMAP_BENCH_RESULTS`, else one new file for this process under `.tmp/bench/`. */
export function resultsFile(): string {
  const given = process.env[RESULTS_ENV];
  if (given) return given;
  ownFile ??= join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}.jsonl`);
  return ownFile;
}

function append(entry: BenchRecord): void {
  const file = resultsFile();
  mkdirSync(dirname(file), { recursive: true });
  // One line per record, appended whole: a bench that dies later leaves the lines before it readable.
  appendFileSync(file, `${JSON.stringify(BenchRecord.parse(entry))}\n`);
}

/** Records a bench's headline figures (a bench may record several times; later figures add to earlier). */
export function record(
  bench: string,
  options: Record<string, unknown>,
  figures: Record<string, Figure>,
  left?: Record<string, string>,
): void {
  append({ bench, status: "ok", at: new Date().toISOString(), load: loadNow(), options, figures, ...(left ? { left } : {}) });
  console.log(`bench: ${Object.keys(figures).length} figures of ${bench} recorded in ${resultsFile()}`);
}

/** Records that a bench did not measure, and why (no PostgreSQL, an option that leaves a part out…). */
export function recordSkipped(bench: string, reason: string, options: Record<string, unknown> = {}): void {
  append({ bench, status: "skipped", reason, at: new Date().toISOString(), load: loadNow(), options, figures: {} });
}

export function recordFailed(bench: string, reason: string, options: Record<string, unknown> = {}): void {
  append({ bench, status: "failed", reason, at: new Date().toISOString(), load: loadNow(), options, figures: {} });
}
