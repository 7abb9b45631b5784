// `npm run bench`: every benchmark in turn against one build, each recording its headline figures in one
// results file (STANCEMAP_BENCH_RESULTS, else .tmp/bench/<run id>.jsonl), then issue 16's table from it
// (summary.ts). A bench that fails is recorded with its reason and the run goes on, so one failure does
// not hide every other row; the run exits non-zero at the end when any failed.
// Options: --only api,export (only these steps; the others are recorded as not run), --no-build.
// STANCEMAP_BENCH_BASELINE=.next-baseline: a build folder (relative to apps/web) first-load compares with.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { reasonOf } from "./failure-reason";
import { RESULTS_ENV, recordFailed, recordSkipped, resultsDir } from "./results";
import { build, root } from "./server";
import { STEPS } from "./summary-table";

const { values } = parseArgs({ options: { only: { type: "string" }, "no-build": { type: "boolean" } } });
const only = values.only ? values.only.split(",") : null;
for (const step of only ?? []) if (!STEPS.includes(step)) throw new Error(`--only takes ${STEPS.join(", ")}`);

const id = new Date().toISOString().replace(/[:.]/g, "-");
const file = process.env[RESULTS_ENV] ?? join(resultsDir, `${id}.jsonl`);
process.env[RESULTS_ENV] = file;

/** Each step's command: a workspace script and its arguments (the build is made once, before). */
const commands: Record<string, string[]> = {
  api: ["bench:api", "--", "--no-build"],
  dashboard: ["bench:dashboard", "--", "--no-build"],
  "network-2k": ["bench:network", "--", "--no-build", "--size", "2k"],
  "network-20k": ["bench:network", "--", "--no-build", "--size", "20k"],
  export: ["bench:export", "--", "--no-build"],
  flood: ["bench:flood", "--", "--no-build"],
  growth: ["bench:growth", "--", "--no-build"],
  // A build folder to compare with (a build of the commit before), when STANCEMAP_BENCH_BASELINE names one.
  "first-load": [
    "bench:first-load",
    ...(process.env.STANCEMAP_BENCH_BASELINE ? ["--", "--baseline", process.env.STANCEMAP_BENCH_BASELINE] : []),
  ],
  postgres: ["bench:postgres", "--", "--no-build"],
  lighthouse: ["bench:lighthouse", "--", "--no-build"],
};

/** Runs one step, its output shown as it comes; resolves to its exit code and the last lines it wrote to stderr. */
function run(args: string[]): Promise<{ code: number; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", ...args.slice(0, 1), "-w", "@stancemap/web", ...args.slice(1)], {
      cwd: root,
      stdio: ["ignore", "inherit", "pipe"],
    });
    let tail = "";
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), tail }));
  });
}

console.log(`bench: results of this run go to ${file}`);
let buildFailed: string | null = null;
try {
  if (!values["no-build"]) build();
} catch (e) {
  buildFailed = `the build failed (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`;
}
const failed: string[] = [];
for (const step of STEPS) {
  if (only && !only.includes(step)) {
    recordSkipped(step, `not run: this run was asked for --only ${only.join(",")}`);
    continue;
  }
  if (buildFailed) {
    failed.push(step);
    recordFailed(step, `not run: ${buildFailed}`);
    continue;
  }
  console.log(`\nbench: ${step}`);
  const { code, tail } = await run(commands[step] as string[]);
  if (code !== 0) {
    failed.push(step);
    recordFailed(step, reasonOf(code, tail));
    console.error(`bench: ${step} failed (exit ${code}); going on with the next`);
  }
}
const summary = await run(["bench:summary", "--", file]);
if (failed.length || summary.code !== 0) {
  console.error(`bench: ${failed.length ? `failed: ${failed.join(", ")}` : "the summary failed"}`);
  process.exit(1);
}
