// `npm run bench:load` — 200 readers, 10 writers and 1 publisher for 60 s against the production build:
// one instance on SQLite, then two instances on one PostgreSQL database (skipped, with the reason, when
// 127.0.0.1:5432 does not answer). Each run makes its own database and servers on free loopback ports,
// then checks every acknowledged save and publish is there exactly once. Exits 1 when one is not.
// Options: --duration S (60), --readers N (200), --writers N (10), --timeout S per request (30),
// --only sqlite|postgres, --port P (first port to try; default: any free), --no-build, --short (smoke test),
// --synth 500|5000|20000 (the synthetic dataset of that size instead of the seeded one; readers then read its
// actors and topics), --workers N (each server's STANCEMAP_WORKERS: N app processes behind one that takes in
// connections; 0, the default, one process).
import { readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { loadDataset } from "@stancemap/db";
import { report, serverWaits } from "./load-report";
import { freePort, freshDatabase, type Instance, prepare, readable, startInstance } from "./load-setup";
import { Recorder, runTraffic, warmUp } from "./load-traffic";
import { verify } from "./load-verify";
import { build, SIZES } from "./server";

const { values } = parseArgs({
  options: {
    duration: { type: "string" },
    readers: { type: "string" },
    writers: { type: "string" },
    timeout: { type: "string" },
    only: { type: "string" },
    port: { type: "string" },
    "no-build": { type: "boolean" },
    short: { type: "boolean" },
    synth: { type: "string" },
    workers: { type: "string" },
  },
});
const synth = values.synth as keyof typeof SIZES | undefined;
if (synth !== undefined && !(synth in SIZES)) throw new Error(`bench: --synth takes one of ${Object.keys(SIZES).join(", ")}`);
const short = values.short === true;
const seconds = Number(values.duration ?? (short ? 8 : 60));
const readers = Number(values.readers ?? (short ? 20 : 200));
const writers = Number(values.writers ?? (short ? 2 : 10));
const timeoutMs = Number(values.timeout ?? 30) * 1000;
const firstPort = Number(values.port ?? 0);
const workers = Number(values.workers ?? 0);
for (const [name, v] of Object.entries({ seconds, readers, writers, timeoutMs, firstPort, workers }))
  if (!Number.isInteger(v) || v < 0) throw new Error(`bench: --${name} must be a whole number`);

const dataset = loadDataset();
const logDir = join(tmpdir(), `stancemap-bench-load-${process.pid}`);

async function scenario(kind: "sqlite" | "postgres", count: number): Promise<boolean> {
  const title =
    `${kind === "sqlite" ? "SQLite" : "PostgreSQL"}, ${count} instance${count > 1 ? "s" : ""}` +
    (workers > 0 ? ` (${workers} app process${workers > 1 ? "es" : ""}${count > 1 ? " each" : ""})` : "") +
    `, ${readers} readers + ${writers} writers + 1 publisher` +
    (synth ? `, synthetic dataset (${Number(synth).toLocaleString("en")} actors)` : "");
  const database = await freshDatabase(kind);
  if ("skip" in database) {
    console.log(`\n== ${title}: skipped: ${database.skip}`);
    return true;
  }
  const run = Date.now().toString(36);
  const probe = `bench-probe-${run}`;
  const instances: Instance[] = [];
  try {
    console.log(`bench: ${title}: preparing a fresh database…`);
    const accounts = await prepare(database.url, writers, probe, synth ? [...SIZES[synth]] : undefined);
    const { actors: seededActors, topics } = synth
      ? await readable(database.url, probe)
      : { actors: dataset.actors.map((a) => a.slug), topics: dataset.topics.map((t) => t.slug) };
    let port = firstPort;
    for (let i = 0; i < count; i++) {
      port = await freePort(port ? port : 0);
      instances.push(await startInstance(database.url, port, probe, logDir, workers));
      if (port) port++;
    }
    console.log(`bench: serving on ${instances.map((i) => i.base).join(", ")}; running ${seconds} s…`);
    const recorder = new Recorder();
    const load = [loadavg()[0] ?? 0, loadavg()[0] ?? 0];
    const sampler = setInterval(() => {
      load[1] = Math.max(load[1] ?? 0, loadavg()[0] ?? 0);
    }, 1000);
    const traffic = {
      instances: instances.map((i) => i.base),
      editors: accounts.editors,
      reviewer: accounts.reviewer,
      run,
      seededActors,
      topics,
      readers,
      until: 0,
      timeoutMs,
      recorder,
    };
    await warmUp(traffic);
    load[0] = load[1] = loadavg()[0] ?? 0;
    // This process sends every request and reads every answer: when its own event loop lags, a request
    // leaves late and the "wait before read" below includes that lag, which is not the server's.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const cpu = process.cpuUsage();
    const started = Date.now();
    const out = await runTraffic({ ...traffic, until: started + seconds * 1000 });
    lag.disable();
    const client = { cpu: process.cpuUsage(cpu), wall: Date.now() - started };
    clearInterval(sampler);
    load.push(loadavg()[0] ?? 0);
    console.log(`bench: traffic stopped after ${((Date.now() - started) / 1000).toFixed(1)} s; checking…`);
    if (out.stuck) console.log(`bench: ${out.stuck} loops never finished their last request; the run was cut`);
    const verdict = await verify(
      database.url,
      instances.map((i) => i.base),
      out,
    );
    console.log(report(title, seconds, recorder, out, verdict, load));
    console.log(
      serverWaits(
        recorder,
        instances.map((i) => i.log),
      ),
    );
    console.log(
      `bench client (this process): ${(((client.cpu.user + client.cpu.system) / 1000 / client.wall) * 100).toFixed(0)} % of a core; ` +
        `its event loop's delay p50 ${(lag.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, ` +
        `max ${(lag.max / 1e6).toFixed(0)} ms`,
    );
    for (const i of instances) {
      const errors = readFileSync(i.log, "utf8")
        .split("\n")
        .filter((l) => /error/i.test(l)).length;
      console.log(`server log ${i.log}: ${errors} lines mentioning an error`);
    }
    if (verdict.saves.acknowledged === 0 || verdict.publishes.acknowledged === 0)
      console.log("bench: no save or no publish was acknowledged: the exactly-once check had nothing to check");
    const bad = verdict.saves.lost + verdict.saves.duplicated + verdict.publishes.lost + verdict.publishes.duplicated;
    return (
      bad === 0 && out.stuck === 0 && verdict.problems.length === 0 && verdict.saves.acknowledged > 0 && verdict.publishes.acknowledged > 0
    );
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await database.drop();
  }
}

// Ctrl-C or a kill: exit through the "exit" handlers, which stop the servers this run started.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

if (!values["no-build"]) build();
const kinds = values.only ? [values.only] : ["sqlite", "postgres"];
let ok = true;
for (const kind of kinds) {
  if (kind !== "sqlite" && kind !== "postgres") throw new Error("bench: --only takes sqlite or postgres");
  ok = (await scenario(kind, kind === "sqlite" ? 1 : 2)) && ok;
}
console.log(
  ok
    ? "\nbench: every acknowledged write and publish is there exactly once"
    : "\nbench: some acknowledged writes or publishes are missing, duplicated or were never made (see above)",
);
process.exit(ok ? 0 : 1);
