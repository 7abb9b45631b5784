// `npm run bench:summary [-- FILE]`: issue 16's table from one bench run's results file (the last step of
// `npm run bench`), or from the newest file under .tmp/bench when none is named.
// `-- --merge [--since 2026-12-07T00:00]`: from every results file under .tmp/bench since then (default: the
// last 24 hours), oldest first, so each figure is the latest one measured (benches run one at a time; a
// bench run at two sizes, such as the dashboard's, shows the later run's figures).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
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

const { values, positionals } = parseArgs({ options: { merge: { type: "boolean" }, since: { type: "string" } }, allowPositionals: true });

if (values.merge) {
  const since = values.since ? Date.parse(values.since) : Date.now() - 24 * 3600 * 1000;
  if (Number.isNaN(since)) throw new Error("bench:summary: --since takes a date, e.g. 2026-12-07T00:00");
  const files = (() => {
    try {
      return readdirSync(resultsDir).filter((f) => f.endsWith(".jsonl"));
    } catch {
      return [];
    }
  })()
    .map((f) => join(resultsDir, f))
    .filter((f) => statSync(f).mtimeMs >= since)
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  if (files.length === 0) throw new Error(`bench:summary: no results file under ${resultsDir} since ${new Date(since).toISOString()}`);
  const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
  const title = `Issue 16: the latest figure of each bench from ${files.length} results files since ${new Date(since).toISOString()} (${resultsDir})`;
  console.log(`\n${formatSummary(parseRun(text), title)}`);
} else {
  // A path as typed where `npm run` was called (npm runs the script in apps/web).
  const named = positionals[0] ? resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]) : undefined;
  const file = named ?? process.env[RESULTS_ENV] ?? newest();
  console.log(`\n${formatSummary(parseRun(readFileSync(file, "utf8")), `Issue 16: this run's figures (${file})`)}`);
}
