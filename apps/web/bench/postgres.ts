// `npm run bench:postgres -w @stancemap/web`: one instance on PostgreSQL against one on SQLite, holding the
// same synthetic dataset (db:synth is deterministic: same arguments, same rows), straight after the bulk
// load: the loader's ANALYZE is what keeps PostgreSQL's plans good, so nothing is run by hand here. The
// stances-as-of-a-date API (1 and 50 connections) and the dashboard `/` (4 connections) are measured in
// interleaved rounds; printed as median (min–max) and the PostgreSQL ÷ SQLite ratio per round. Skipped,
// with the reason, when 127.0.0.1:5432 does not answer.
// Options: --size 500|5000|20000 (default 5000), --duration S per run (default 5), --rounds N (default 3), --no-build.
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { freshPostgres, postgresAvailable } from "../../../packages/db/src/testing/databases";
import { type Figure, figure, loadNow, record, recordSkipped } from "./results";
import { build, interleaved, load, root, SIZES, showSpread, spread, startApp, synthetic, table } from "./server";

const { values } = parseArgs({
  options: { size: { type: "string" }, duration: { type: "string" }, rounds: { type: "string" }, "no-build": { type: "boolean" } },
});
const size = (values.size ?? "5000") as unknown as keyof typeof SIZES;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
const duration = Number(values.duration ?? 5);
const rounds = Number(values.rounds ?? 3);

const up = await postgresAvailable();
if (!up.ok) {
  console.log(`bench:postgres: skipped: ${up.reason}`);
  recordSkipped("postgres", `127.0.0.1:5432 does not answer (${up.reason})`, { size: Number(size) });
  process.exit(0);
}
const file = synthetic(`synth-${size}`, [...SIZES[size]]);
const pg = await freshPostgres();
try {
  console.log(`bench: writing the same synthetic dataset into PostgreSQL (${new URL(pg.url).pathname.slice(1)})…`);
  execFileSync("npm", ["run", "db:synth", "--", "--url", pg.url, ...SIZES[size]], { cwd: root, stdio: "inherit" });
  build();
  const apps = { postgres: await startApp(pg.url), sqlite: await startApp(file) };
  try {
    const requests = {
      "stances as of a date, 1 conn.": {
        key: "stances.c1",
        path: "/api/v1/stances?topic=posture-toward-taliban-government&at=2024-01-01&limit=100",
        c: 1,
      },
      "stances as of a date, 50 conn.": {
        key: "stances.c50",
        path: "/api/v1/stances?topic=posture-toward-taliban-government&at=2024-01-01&limit=100",
        c: 50,
      },
      "dashboard `/`, 4 conn.": { key: "home.c4", path: "/?date=2023-01-01", c: 4 },
    };
    const rows: string[][] = [];
    const figures: Record<string, Figure> = {};
    for (const [name, { key, path, c }] of Object.entries(requests)) {
      for (const app of Object.values(apps)) await autocannon({ url: `${app.base}${path}`, connections: Math.min(c, 10), duration: 2 });
      const run = (base: string) => async () => {
        const r = (await autocannon({ url: `${base}${path}`, connections: c, duration, timeout: 60 })) as autocannon.Result;
        return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts };
      };
      const got = await interleaved(rounds, { postgres: run(apps.postgres.base), sqlite: run(apps.sqlite.base) });
      const ratios = got.postgres.map((p, i) => p.rps / (got.sqlite[i]?.rps ?? Number.NaN));
      const at = loadNow();
      figures[`ratio.${key}`] = figure(ratios, "×", at);
      for (const side of ["postgres", "sqlite"] as const) {
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
      }
      figures[`errors.${key}`] = figure(
        [...got.postgres, ...got.sqlite].reduce((n, r) => n + r.errors, 0),
        "",
        at,
      );
      rows.push([
        name,
        showSpread(spread(got.postgres.map((r) => r.rps)), 1),
        showSpread(spread(got.sqlite.map((r) => r.rps)), 1),
        `${showSpread(spread(ratios.map((r) => r * 100)))} %`,
        `${showSpread(spread(got.postgres.map((r) => r.p50)))} / ${showSpread(spread(got.sqlite.map((r) => r.p50)))}`,
        String([...got.postgres, ...got.sqlite].reduce((n, r) => n + r.errors, 0)),
        load(),
      ]);
    }
    console.log(`\nPostgreSQL vs SQLite, one instance each, ${Number(size).toLocaleString("en")} actors, right after the bulk load`);
    console.log(`median (min–max) of ${rounds} interleaved rounds of ${duration} s\n`);
    console.log(table(["request", "PostgreSQL req/s", "SQLite req/s", "PG ÷ SQLite", "p50 ms PG / SQLite", "errors", "load"], rows));
    console.log("\ngoal: PostgreSQL ≥ 80 % of SQLite on one instance");
    record("postgres", { size: Number(size), rounds, duration }, figures);
  } finally {
    for (const app of Object.values(apps)) app.stop();
  }
} finally {
  await pg.drop();
}
