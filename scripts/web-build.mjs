// The web app's build, shared by `npm start`, `npm run build` and `npm run serve`: a stamp says which
// sources a finished build came from (turbo's task hash), one lock file serialises builds from one
// checkout, and a register of running servers keeps a build from ever replacing files a server reads.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import lockfile from "proper-lockfile";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "apps", "web");
/** NEXT_DIST_DIR (apps/web/next.config.ts) lets several build folders share one checkout. */
const distName = process.env.NEXT_DIST_DIR || ".next";
export const distDir = join(web, distName);
const stampFile = join(distDir, "stancemap-build.json");
const runDir = join(root, ".tmp", "run");
const serversDir = join(runDir, `servers-${distName.replace(/[^\w.-]/g, "_")}`);
const lockTarget = join(runDir, `build-${distName.replace(/[^\w.-]/g, "_")}`);

/** The database is read at request time, never at build time: its URL must not change what the build is. */
export function buildEnv() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return env;
}

const say = (line) => console.log(`[${process.argv[1]?.split("/").pop()?.replace(".mjs", "") ?? "stancemap"}] ${line}`);

export { say };

/** Turbo's hash of everything the web build depends on (sources, lock file, config, env it reads). */
export async function sourceHash() {
  const { stdout } = await promisify(execFile)(
    join(root, "node_modules", ".bin", "turbo"),
    ["run", "build", "--filter=@stancemap/web", "--dry=json"],
    { cwd: root, env: buildEnv(), maxBuffer: 64 * 1024 * 1024 },
  );
  const task = JSON.parse(stdout).tasks.find((t) => t.taskId === "@stancemap/web#build");
  if (!task?.hash) throw new Error("turbo did not report a hash for @stancemap/web#build");
  return task.hash;
}

/** The stamp of the finished build in the folder, or null (no build, or one that never finished). */
export function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== "EPERM") return false;
  }
  // A reused pid belongs to some other program: only our own serve processes count.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync("/proc") || (existsSync(cmdline) && /scripts\/(start|serve)\.mjs/.test(readFileSync(cmdline, "utf8")));
}

/** Servers of this checkout running on this build folder; stale entries (crashed, kill -9) are dropped. */
export function liveServers() {
  if (!existsSync(serversDir)) return [];
  const out = [];
  for (const name of readdirSync(serversDir)) {
    const pid = Number(name.replace(/\.json$/, ""));
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) out.push(pid);
    else if (pid !== process.pid) rmSync(join(serversDir, name), { force: true });
  }
  return out;
}

const LOCK = { realpath: false, stale: 30_000, update: 5_000 };

/**
 * Holds the build lock while `work` runs; waits (up to 30 minutes) while another build or start of this
 * checkout holds it. A holder that died stops refreshing the lock, which is taken over after 30 s.
 */
export async function withBuildLock(work) {
  mkdirSync(runDir, { recursive: true });
  let release = await lockfile.lock(lockTarget, { ...LOCK, retries: 0 }).catch((error) => {
    if (error.code !== "ELOCKED") throw error;
    return null;
  });
  const waited = !release;
  if (!release) {
    say("another build or start of this checkout holds the build lock; waiting for it");
    release = await lockfile.lock(lockTarget, { ...LOCK, retries: { retries: 1_800, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 } });
  }
  try {
    return await work({ waited });
  } finally {
    await release();
  }
}

/** Registers this process as a server of the build folder until it exits. Call while holding the lock. */
export function registerServer(port) {
  mkdirSync(serversDir, { recursive: true });
  const file = join(serversDir, `${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }));
  process.on("exit", () => rmSync(file, { force: true }));
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})`)),
    );
  });
}

/** Builds into the folder and stamps it. The stamp goes first, so a failed build never looks finished. */
export async function build(hash) {
  rmSync(stampFile, { force: true });
  const env = buildEnv();
  const started = Date.now();
  // Turbo caches the default folder only (its outputs are .next/**); another folder is built by next itself.
  if (distName === ".next")
    await run(join(root, "node_modules", ".bin", "turbo"), ["run", "build", "--filter=@stancemap/web", "--output-logs=errors-only"], env);
  else await run("npm", ["run", "build", "-w", "@stancemap/web"], { ...env, NEXT_DIST_DIR: distName });
  writeFileSync(stampFile, JSON.stringify({ hash, builtAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) }));
}
