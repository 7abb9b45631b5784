// `npm run bench:summary [-- FILE]`: issue 16's table from one bench run's results file (the last step of
// `npm run bench`), or from the newest file under .tmp/bench when none is named.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { RESULTS_ENV, resultsDir } from "./results";
import { formatSummary, parseRun } from "./summary-table";

function newest(): string {
  const files = (() => {
    try {
      return readdirSync(resultsDir).filter((f) => f.endsWith(".jsonl"));
    } catch {
      return [];
    }
  })();
  const latest = files.map((f) => join(resultsDir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!latest) throw new Error(`bench:summary: no results file under ${resultsDir}; run a bench first`);
  return latest;
}

// A path as typed where `npm run` was called (npm runs the script in apps/web).
const named = process.argv[2] ? resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2]) : undefined;
const file = named ?? process.env[RESULTS_ENV] ?? newest();
console.log(`\n${formatSummary(parseRun(readFileSync(file, "utf8")), `Issue 16: this run's figures (${file})`)}`);
