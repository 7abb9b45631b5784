// Liveness and readiness: live means the process answers; ready means it can serve reads and writes
// now (the database answers a read and commits a write within a deadline, the pool is not swamped,
// the event loop is not stalled). Every answer is fresh: no error from an earlier check is kept.
import "server-only";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { type DatabaseHealth, getDb, probeDatabase } from "@stancemap/db";
import { APP_VERSION } from "./env";

/** A probe that takes longer than this counts as failed. */
export const PROBE_DEADLINE_MS = 2_000;
/** Event-loop stalls above this (p99 over the last 5 to 10 s) make the instance not ready. */
const EVENT_LOOP_LIMIT_MS = 1_000;
/** The delay histogram covers a short window, so one stall long past never marks the instance not ready. */
const WINDOW_MS = 5_000;

interface LoopWatch {
  histogram: ReturnType<typeof monitorEventLoopDelay>;
  previous: { p99Ms: number; maxMs: number };
}
const KEY = Symbol.for("stancemap.eventLoopDelay");
const holder = globalThis as unknown as Record<symbol, LoopWatch | undefined>;
const watch: LoopWatch = holder[KEY] ?? startWatch();
holder[KEY] = watch;

function startWatch(): LoopWatch {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  const w: LoopWatch = { histogram, previous: { p99Ms: 0, maxMs: 0 } };
  setInterval(() => {
    w.previous = windowStats(histogram);
    histogram.reset();
  }, WINDOW_MS).unref();
  return w;
}

function windowStats(h: ReturnType<typeof monitorEventLoopDelay>) {
  return h.count === 0 ? { p99Ms: 0, maxMs: 0 } : { p99Ms: Math.round(h.percentile(99) / 1e6), maxMs: Math.round(h.max / 1e6) };
}

export interface Readiness {
  status: "ok" | "read-only" | "unavailable";
  ready: boolean;
  reasons: string[];
  database: { provider: string; ok: boolean; revision: number; writable: boolean } & Partial<
    Pick<DatabaseHealth, "pool" | "revisionWatch">
  >;
  eventLoop: { p99Ms: number; maxMs: number };
  version: string;
}

/**
 * `eventLoop: false` (the public /api/health) reports the loop's delay without letting it decide: a
 * client that got an answer was served; orchestrators ask /api/health/ready, which counts it.
 */
export async function readiness({ eventLoop: judgeLoop = true } = {}): Promise<Readiness> {
  const db = getDb();
  const health = await probeDatabase(db, PROBE_DEADLINE_MS);
  const current = windowStats(watch.histogram);
  const eventLoop = { p99Ms: Math.max(current.p99Ms, watch.previous.p99Ms), maxMs: Math.max(current.maxMs, watch.previous.maxMs) };
  const reasons: string[] = [];
  if (!health.read.ok && health.read.reason) reasons.push(health.read.reason);
  if (!health.write.ok && health.write.reason) reasons.push(health.write.reason);
  // A busy pool (requests waiting for a connection) is reported, not judged: under 200 readers it is the
  // normal state, and taking every instance out of rotation for it would turn load into an outage. A pool
  // that cannot serve at all fails the read probe's deadline above.
  if (judgeLoop && eventLoop.p99Ms > EVENT_LOOP_LIMIT_MS) reasons.push(`the event loop stalled for ${eventLoop.p99Ms} ms (p99)`);
  const status = !health.read.ok ? "unavailable" : !health.write.ok ? "read-only" : "ok";
  return {
    status,
    ready: reasons.length === 0,
    reasons,
    database: {
      provider: db.provider,
      ok: health.read.ok,
      revision: health.revision,
      writable: health.write.ok,
      ...(health.pool ? { pool: health.pool } : {}),
      ...(health.revisionWatch ? { revisionWatch: health.revisionWatch } : {}),
    },
    eventLoop,
    version: APP_VERSION,
  };
}

export function healthResponse(body: object, ok: boolean): Response {
  return Response.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store", ...(ok ? {} : { "retry-after": "5" }) } });
}
