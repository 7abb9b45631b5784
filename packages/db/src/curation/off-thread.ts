// Large SQLite write transactions (an import's write, a large publish) run in a worker thread with its
// own connection: better-sqlite3 is synchronous, so on the server's connection they would hold its event
// loop for seconds. The worker gets plain data and gives back a result or a refusal (a CurationError,
// rebuilt here with its status and details); the transaction is all or nothing there as here.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import * as threads from "node:worker_threads";
import type { Db } from "../client";
import { sqlitePath } from "../env";
import { CurationError, HasDependants, InvalidInput, NotFound, type Principal, type RecordRef, VersionConflict } from "./errors";

/** Below this many rows or items a write is short enough for the server's own connection. */
export const OFF_THREAD_MIN_ROWS = 200;

export type WriteJob =
  | { kind: "import"; principal: Principal; rows: unknown[]; title: string; publish: boolean }
  | { kind: "publish"; principal: Principal; draftId: string; comment?: string; expectedVersion?: number };

export type WriteJobResult = { draftId: string } | { revision: number };

type Message = { ok: true; value: WriteJobResult } | { ok: false; error: Record<string, unknown> };

// Built at run time, and the worker started through Reflect.construct: the app's bundler would otherwise
// take the worker's path for a module to bundle and pull the whole checkout in.
const WORKER_FILE = ["node_modules", "@stancemap", "db", "src", "curation", "write-worker.mjs"].join(sep);

/** The worker's entry file (STANCEMAP_DB_WRITE_WORKER, or the package's own, found from the working directory). */
function workerFile(): string | null {
  const configured = process.env.STANCEMAP_DB_WRITE_WORKER;
  if (configured) return existsSync(configured) ? configured : null;
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const file = `${dir}${sep}${WORKER_FILE}`;
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return null;
  }
}

/** Whether a write of `rows` rows runs off the event loop (SQLite, large, and the worker is there). */
export function offThread(db: Db, rows: number): boolean {
  return db.provider === "sqlite" && rows >= OFF_THREAD_MIN_ROWS && process.env.STANCEMAP_DB_WRITE_IN_PROCESS !== "1" && !!workerFile();
}

/** Large writes running in workers, by database URL. */
const running = new Map<string, number>();

/**
 * Where processes on one SQLite file (STANCEMAP_WORKERS's app processes, a script) say they have a large
 * write running: a file per write beside the database file, touched every MARKER_TOUCH_MS while it runs.
 */
export function largeWriteMarkers(db: Db): string {
  return `${sqlitePath(db.url)}-large-writes`;
}

const MARKER_TOUCH_MS = 5_000;
/** A marker not touched for this long is a writer's that is gone (killed mid-write): ignored and removed. */
export const MARKER_STALE_MS = 30_000;

/**
 * Whether a large write is running on `db`'s database, in this process or in another one on the same file
 * (it holds the write lock meanwhile). Markers are judged by when they were last touched, not by pid: pids
 * repeat across restarts and differ between containers sharing the file.
 */
export function largeWriteRunning(db: Db): boolean {
  if ((running.get(db.url) ?? 0) > 0) return true;
  if (db.provider !== "sqlite") return false;
  const dir = largeWriteMarkers(db);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  let live = false;
  const now = Date.now();
  for (const name of names) {
    const file = join(dir, name);
    try {
      if (now - statSync(file).mtimeMs < MARKER_STALE_MS) live = true;
      else rmSync(file, { force: true });
    } catch {}
  }
  return live;
}

/** Runs one write job in a fresh worker thread on `db`'s database. */
export async function runOffThread(db: Db, job: WriteJob): Promise<WriteJobResult> {
  running.set(db.url, (running.get(db.url) ?? 0) + 1);
  const marker = join(largeWriteMarkers(db), `${process.pid}-${randomUUID()}`);
  const touch = () => {
    try {
      writeFileSync(marker, "");
    } catch {}
  };
  // Best effort: a marker that cannot be written only means other processes' probes wait behind this write.
  try {
    mkdirSync(dirname(marker), { recursive: true, mode: 0o700 });
  } catch {}
  touch();
  const toucher = setInterval(touch, MARKER_TOUCH_MS);
  toucher.unref();
  try {
    return await inWorker(db, job);
  } finally {
    clearInterval(toucher);
    running.set(db.url, (running.get(db.url) ?? 1) - 1);
    try {
      rmSync(marker, { force: true });
    } catch {}
  }
}

function inWorker(db: Db, job: WriteJob): Promise<WriteJobResult> {
  const file = workerFile();
  if (!file) return Promise.reject(new Error("the database write worker is missing"));
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker: threads.Worker = Reflect.construct(threads.Worker, [file, { workerData: { url: db.url, job } }]);
    worker.once("message", (message: Message) => {
      settled = true;
      if (message.ok) resolve(message.value);
      else reject(reviveError(message.error));
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the database write worker stopped (exit code ${code}) before it answered`));
    });
  });
}

/** A refusal as plain data, to cross the thread boundary. */
export function serialiseError(error: unknown): Record<string, unknown> {
  const e = error as Record<string, unknown> & Error;
  const out: Record<string, unknown> = { name: error?.constructor?.name ?? "Error", message: String(e?.message ?? error) };
  if (error instanceof CurationError) out.status = error.status;
  for (const field of ["issues", "current", "dependants", "code", "record"]) if (e && field in e) out[field] = structuredClone(e[field]);
  return out;
}

/** The refusal again, as the class the HTTP layer maps to a status. */
export function reviveError(data: Record<string, unknown>): Error {
  const message = String(data.message);
  switch (data.name) {
    case "InvalidInput":
      return new InvalidInput(data.issues as InvalidInput["issues"], message);
    case "NotFound":
      return new NotFound(message);
    case "VersionConflict":
      return new VersionConflict(
        message,
        data.current as VersionConflict["current"],
        undefined,
        data.record
          ? {
              code: data.code === "exists" ? "exists" : "changed",
              record: data.record as RecordRef,
              issues: (data.issues ?? []) as VersionConflict["issues"],
            }
          : undefined,
      );
    case "HasDependants":
      return new HasDependants(message, data.dependants as HasDependants["dependants"]);
  }
  if (typeof data.status === "number")
    return new CurationError(data.status as CurationError["status"], message, (data.issues ?? []) as CurationError["issues"]);
  return Object.assign(new Error(message), data.code === undefined ? {} : { code: data.code });
}
