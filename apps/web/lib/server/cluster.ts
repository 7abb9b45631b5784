// The supervising process of STANCEMAP_WORKERS=N (server.ts). It loads no app code: it opens the listening
// socket and N app processes take connections from it themselves (node:cluster's SCHED_NONE), so the app
// runs on N cores. Not round-robin, where this process accepts each connection and hands it over: a
// connection handed to an app process that had just died was never answered nor closed (killing one of two
// app processes while 20 requests ran, ten times: 3 of 200 requests hung, against 0 this way). Handing
// over would not take connections in faster either: an app process acknowledges each before the next.
//
// An app process that stops is replaced, after a pause that grows while replacements keep stopping within
// STABLE_MS of serving or before they serve. Until some app process has served, one that stops (a port in
// use, a bad setting) stops the whole server with its exit code, as a single process would; after that, only
// MAX_FAILED_STARTS replacements in a row that stop before serving do. One that is not listening after
// `startMs` (stuck on a lock, say) is killed, and counts as a start that failed: it would otherwise hold its
// place for ever, neither serving nor replaced. SIGTERM and SIGINT are passed on to
// every app process, each of which finishes its requests in progress (app-server.ts); those still running
// after GRACE_MS are killed.
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";

const GRACE_MS = 12_000;
/** A replacement that serves this long resets the pause before the next one. */
const STABLE_MS = 30_000;
const PAUSES_MS = [0, 1_000, 5_000, 15_000];
const MAX_FAILED_STARTS = 5;

/** `exec`: the app process's script, when not this process's own (tests); `startMs`: how long an app
 * process may take to start listening (STANCEMAP_WORKER_START_SECONDS). */
export function supervise(count: number, logger: Logger, { exec, startMs = 120_000 }: { exec?: string; startMs?: number } = {}): void {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  if (exec) cluster.setupPrimary({ exec });
  const servingSince = new Map<Worker, number>();
  let quickStops = 0;
  let failedStarts = 0;
  let served = false;
  let stopping = false;
  let exitCode = 0;

  const fork = () => {
    const worker = cluster.fork();
    const late = setTimeout(() => {
      logger.error({ pid: worker.process.pid, startMs }, "an app process did not start listening in time; killing it");
      worker.process.kill("SIGKILL");
    }, startMs);
    late.unref();
    worker.once("exit", () => clearTimeout(late));
    worker.once("listening", () => {
      clearTimeout(late);
      servingSince.set(worker, Date.now());
      served = true;
      failedStarts = 0;
    });
  };

  const kill = (code: number) => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    process.exit(code);
  };
  const stop = (code: number, signal: NodeJS.Signals = "SIGTERM") => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => kill(code), GRACE_MS).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
  };

  cluster.on("exit", (worker, code, signal) => {
    const since = servingSince.get(worker);
    servingSince.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    if (since === undefined && (!served || ++failedStarts >= MAX_FAILED_STARTS)) {
      logger.fatal({ pid: worker.process.pid, code, signal, failedStarts }, "an app process stopped before it served; stopping");
      stop(code || 1);
      return;
    }
    quickStops = since === undefined || Date.now() - since < STABLE_MS ? quickStops + 1 : 0;
    const pause = PAUSES_MS[Math.min(quickStops, PAUSES_MS.length - 1)] ?? 0;
    logger.error({ pid: worker.process.pid, code, signal, restartInMs: pause }, "an app process stopped; starting another");
    setTimeout(() => stopping || fork(), pause);
  });

  // A signal while stopping changes nothing: `npm run serve` delivers one to the whole process group, and
  // tsx passes it on again.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop(0, signal));
  for (let i = 0; i < count; i++) fork();
  logger.info({ workers: count, pid: process.pid }, "stancemap supervising app processes");
}
