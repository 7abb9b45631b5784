// `npm run bench` — API throughput on the synthetic dataset, against a bare node:http + better-sqlite3
// server answering the same requests from the same file. Prints requests/s and p50/p99 latency side by side.
// Options: --duration S (default 10), --connections N (default 10), --fresh (rebuild the synthetic database).
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import autocannon from "autocannon";
import { bin, build, root, synthetic, waitFor } from "./server";

const { values } = parseArgs({ options: { duration: { type: "string" }, connections: { type: "string" }, fresh: { type: "boolean" } } });
const duration = Number(values.duration ?? 10);
const connections = Number(values.connections ?? 10);
const file = synthetic(join(root, "data", "bench.db"), [], values.fresh);
const APP = 3201;
const BARE = 3202;

build();

const children: ChildProcess[] = [];
const stopAll = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("exit", stopAll);
children.push(
  spawn(bin("next"), ["start", "--port", String(APP), "--hostname", "127.0.0.1"], {
    cwd: join(root, "apps", "web"),
    env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  }),
  spawn(bin("tsx"), [join(root, "packages", "db", "bench", "bare-server.ts"), file, String(BARE)], { stdio: "ignore" }),
);

const paths = {
  "stances as of a date": "/api/v1/stances?topic=posture-toward-taliban-government&at=2024-01-01&limit=100",
  "reactions, first page": "/api/v1/reactions?limit=100",
};

try {
  await waitFor(`http://127.0.0.1:${APP}/api/health`);
  await waitFor(`http://127.0.0.1:${BARE}${paths["reactions, first page"]}`);
  for (const path of Object.values(paths)) {
    const [a, b] = await Promise.all([APP, BARE].map(async (port) => (await fetch(`http://127.0.0.1:${port}${path}`)).json()));
    if (!isDeepStrictEqual(a, b)) throw new Error(`bench: the two servers answer ${path} differently; the comparison would be unfair`);
  }
  console.log(`bench: both servers return identical JSON; ${duration}s per run, ${connections} connections, 2 cores\n`);
  const run = (port: number, path: string) =>
    autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration, pipelining: 1 }) as Promise<autocannon.Result>;
  const rows: string[][] = [];
  for (const [name, path] of Object.entries(paths)) {
    await run(APP, path).then(
      () => undefined,
      () => undefined,
    ); // warm-up is the first short pass below
    const app = await run(APP, path);
    const bare = await run(BARE, path);
    const ratio = app.requests.average / bare.requests.average;
    rows.push([
      name,
      app.requests.average.toFixed(0),
      `${app.latency.p50} / ${app.latency.p99}`,
      bare.requests.average.toFixed(0),
      `${bare.latency.p50} / ${bare.latency.p99}`,
      `${(ratio * 100).toFixed(0)}%`,
      String(app.non2xx + app.errors),
    ]);
  }
  const header = ["request", "app req/s", "app p50/p99 ms", "bare req/s", "bare p50/p99 ms", "app ÷ bare", "app errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
} finally {
  stopAll();
}
