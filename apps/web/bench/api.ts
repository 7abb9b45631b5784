// `npm run bench:api -w @stancemap/web`: the API against a bare node:http + better-sqlite3 server answering
// the same requests from the same file (its baseline), at one connection and at 50. Each side runs
// `--rounds` times, interleaved with the other, so the machine's load falls on both alike; printed as the
// median with min–max, the ratio per round, and the load average before and after.
// Options: --size 500|5000|20000 (default 5000), --duration S per run (default 5), --rounds N (default 5),
// --fresh (rebuild the synthetic database), --no-build.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import autocannon from "autocannon";
import { type Figure, figure, loadNow, record } from "./results";
import { bin, build, freePort, interleaved, load, root, SIZES, showSpread, spread, startApp, synthetic, table, waitFor } from "./server";

const { values } = parseArgs({
  options: {
    size: { type: "string" },
    duration: { type: "string" },
    rounds: { type: "string" },
    fresh: { type: "boolean" },
    "no-build": { type: "boolean" },
  },
});
const size = (values.size ?? "5000") as unknown as keyof typeof SIZES;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
const duration = Number(values.duration ?? 5);
const rounds = Number(values.rounds ?? 5);
const file = synthetic(`synth-${size}`, [...SIZES[size]], values.fresh);

build();
const app = await startApp(file);
const barePort = await freePort();
const bare: ChildProcess = spawn(bin("tsx"), [join(root, "packages", "db", "bench", "bare-server.ts"), file, String(barePort)], {
  stdio: "ignore",
});
process.on("exit", () => bare.kill("SIGTERM"));
const bases = { app: app.base, bare: `http://127.0.0.1:${barePort}` };

const paths = {
  "stances as of a date": "/api/v1/stances?topic=posture-toward-taliban-government&at=2024-01-01&limit=100",
  "reactions, first page": "/api/v1/reactions?limit=100",
};
/** The recorded figures' names for each request. */
const keys: Record<keyof typeof paths, string> = { "stances as of a date": "stances", "reactions, first page": "reactions" };

try {
  await waitFor(`${bases.bare}${paths["reactions, first page"]}`, bare);
  for (const path of Object.values(paths)) {
    const [a, b] = await Promise.all([bases.app, bases.bare].map(async (base) => (await fetch(`${base}${path}`)).json()));
    if (!isDeepStrictEqual(a, b)) throw new Error(`bench: the two servers answer ${path} differently; the comparison would be unfair`);
  }
  console.log(`bench: both servers return identical JSON; ${rounds} interleaved rounds of ${duration} s per side; ${load()}\n`);
  const run = (base: string, path: string, connections: number) => async () => {
    const r = (await autocannon({ url: `${base}${path}`, connections, duration, pipelining: 1 })) as autocannon.Result;
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts };
  };
  const rows: string[][] = [];
  const figures: Record<string, Figure> = {};
  for (const [name, path] of Object.entries(paths)) {
    // A short warm-up of each side: compiled routes, prepared statements, page cache.
    await autocannon({ url: `${bases.app}${path}`, connections: 10, duration: 2 });
    await autocannon({ url: `${bases.bare}${path}`, connections: 10, duration: 2 });
    for (const connections of [1, 50]) {
      const got = await interleaved(rounds, { app: run(bases.app, path, connections), bare: run(bases.bare, path, connections) });
      const ratios = got.app.map((a, i) => a.rps / (got.bare[i]?.rps ?? Number.NaN));
      const at = loadNow();
      const key = `${keys[name as keyof typeof paths]}.c${connections}`;
      figures[`ratio.${key}`] = figure(ratios, "×", at);
      for (const side of ["app", "bare"] as const) {
        figures[`${side}.${key}.rps`] = figure(
          got[side].map((r) => r.rps),
          "req/s",
          at,
        );
        figures[`${side}.${key}.p50`] = figure(
          got[side].map((r) => r.p50),
          "ms",
          at,
        );
        figures[`${side}.${key}.p99`] = figure(
          got[side].map((r) => r.p99),
          "ms",
          at,
        );
      }
      figures[`app.${key}.errors`] = figure(
        got.app.reduce((n, r) => n + r.errors, 0),
        "",
        at,
      );
      rows.push([
        `${name}, ${connections} conn.`,
        showSpread(spread(got.app.map((r) => r.rps))),
        showSpread(spread(got.bare.map((r) => r.rps))),
        `${showSpread(spread(ratios.map((r) => r * 100)))} %`,
        connections === 1
          ? `${showSpread(spread(got.app.map((r) => r.p50)), 1)} / ${showSpread(spread(got.bare.map((r) => r.p50)), 1)}`
          : `${showSpread(spread(got.app.map((r) => r.p99)))} / ${showSpread(spread(got.bare.map((r) => r.p99)))}`,
        String(got.app.reduce((n, r) => n + r.errors, 0)),
      ]);
    }
  }
  console.log(
    table(["request", "app req/s", "bare req/s", "app ÷ bare", "latency ms app / bare (p50 at 1 conn., p99 at 50)", "app errors"], rows),
  );
  console.log(`\nmedian (min–max) of ${rounds} runs per side at ${size} actors; ${load()}`);
  record("api", { size: Number(size), rounds, duration }, figures);
} finally {
  app.stop();
  bare.kill("SIGTERM");
}
