// Shared by the benchmarks: synthetic databases named by what they hold, a production build, servers each
// bench starts itself on a free port (checked to serve the database it was given), and the statistics of
// repeated, interleaved runs with the machine's load beside them.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@stancemap/db";

export const root = join(import.meta.dirname, "..", "..", "..");
export const bin = (name: string) => join(root, "node_modules", ".bin", name);

/**
 * A synthetic database made with these `npm run db:synth` arguments, reused only when it was made with the
 * same ones: the file's name carries a hash of them, so a bench cannot measure another size by mistake.
 */
export function synthetic(name: string, args: string[] = [], fresh = false): string {
  const tag = createHash("sha256").update(JSON.stringify(args)).digest("hex").slice(0, 10);
  mkdirSync(join(root, "data"), { recursive: true });
  const file = join(root, "data", `${name}-${tag}.db`);
  if (fresh || !existsSync(file)) {
    console.log(`bench: writing a synthetic dataset (${args.join(" ") || "defaults"}) to ${file}…`);
    execFileSync("npm", ["run", "db:synth", "--", "--url", `file:${file}`, ...args], { cwd: root, stdio: "inherit" });
  }
  return file;
}

/** A fresh SQLite file in a temporary directory, migrated and loaded with the shipped dataset (no demo admin). */
export function shippedDatabase(bench: string): { file: string; dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), `stancemap-bench-${bench}-`));
  const file = join(dir, "shipped.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}`, STANCEMAP_NO_DEMO_ADMIN: "1" };
  execFileSync("npm", ["run", "db:migrate"], { cwd: root, env, stdio: "ignore" });
  execFileSync("npm", ["run", "db:seed"], { cwd: root, env, stdio: "ignore" });
  return { file, dir, env };
}

/** The synthetic sizes of the growth table. */
export const SIZES = {
  500: ["--actors", "500", "--states", "200", "--stances", "5000", "--reactions", "10000", "--events", "50"],
  5000: ["--actors", "5000", "--states", "250", "--stances", "50000", "--reactions", "100000", "--events", "500"],
  20000: ["--actors", "20000", "--states", "250", "--stances", "200000", "--reactions", "100000", "--events", "500"],
} as const;

export function build(): void {
  if (process.argv.includes("--no-build")) return;
  console.log("bench: building the web app…");
  execFileSync(bin("turbo"), ["run", "build", "--filter=@stancemap/web", "--output-logs=errors-only"], { cwd: root, stdio: "inherit" });
}

/** A port nothing listens on now: the OS picks it, or the first free one of `STANCEMAP_BENCH_PORTS`
 * ("3650-3699") on a machine where each user of it has a range of its own. */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.STANCEMAP_BENCH_PORTS ?? "");
  const [first, last] = range ? [Number(range[1]), Number(range[2])] : [0, 0];
  for (let port = first; port <= last; port++) {
    const got = await new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : null));
      });
    });
    if (got) return got;
  }
  throw new Error(range ? `bench: no free port in ${process.env.STANCEMAP_BENCH_PORTS}` : "bench: no port");
}

export async function waitFor(url: string, child?: ChildProcess, seconds = 180): Promise<void> {
  for (let i = 0; i < seconds * 2; i++) {
    if (child && child.exitCode !== null) throw new Error(`bench: the server exited (${child.exitCode}) before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`bench: ${url} did not answer`);
}

/** A bench's database: a SQLite file's path, or a PostgreSQL URL as it is. */
export const urlOf = (database: string) => (/^postgres(ql)?:/.test(database) ? database : `file:${database}`);

/** What a database holds, to check that a server serves it: its revision and one actor read from it. */
export async function signatureOf(file: string): Promise<{ revision: number; actors: number; last: { slug: string; name: string } }> {
  const db = createDb(urlOf(file));
  try {
    const [revision] = await db.sql.all<{ revision: number }>(`SELECT "revision" FROM "DatasetRevision" WHERE "id" = 1`);
    const [count] = await db.sql.all<{ n: number }>(`SELECT count(*) AS "n" FROM "Actor"`);
    const [last] = await db.sql.all<{ slug: string; name: string }>(`SELECT "slug", "name" FROM "Actor" ORDER BY "slug" DESC LIMIT 1`);
    if (!last) throw new Error(`bench: ${file} holds no actors`);
    return { revision: Number(revision?.revision ?? 0), actors: Number(count?.n ?? 0), last };
  } finally {
    await db.close();
  }
}

export interface App {
  base: string;
  port: number;
  stop(): void;
}

/**
 * The production server (the same `server.ts` `npm start` runs) on a free port against the SQLite file (or
 * PostgreSQL URL), checked to serve that database: the revision its health reports and the file's last actor must match.
 */
export async function startApp(file: string, extraEnv: Record<string, string> = {}): Promise<App> {
  // STANCEMAP_BENCH_PORT pins the port (machines that share ports hand out ranges); else the OS picks one.
  const port = process.env.STANCEMAP_BENCH_PORT ? Number(process.env.STANCEMAP_BENCH_PORT) : await freePort();
  const log = join(mkdtempSync(join(tmpdir(), "stancemap-bench-server-")), "stderr.log");
  const child = spawn(bin("tsx"), ["server.ts"], {
    cwd: join(root, "apps", "web"),
    env: {
      ...process.env,
      DATABASE_URL: urlOf(file),
      PORT: String(port),
      STANCEMAP_HOST: "127.0.0.1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    // Its log (warnings and errors) goes to a file, quoted if it dies while measured or the bench fails:
    // a failed bench then says what the server saw.
    stdio: ["ignore", openSync(log, "w"), openSync(log, "a")],
  });
  let stopping = false;
  const tail = () => readFileSync(log, "utf8").trim().split("\n").slice(-5).join("\n");
  const stop = () => {
    stopping = true;
    child.kill("SIGTERM");
  };
  process.on("exit", (code) => {
    // A bench that fails has usually stopped its server already (its finally blocks run first).
    const said = code !== 0 ? tail() : "";
    if (said) console.error(`bench: the server's last log lines (${log}):\n${said}`);
    stop();
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`bench: the server on port ${port} exited (${signal ?? code}) while in use; its last lines (${log}):\n${tail()}`);
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, child);
  await checkServes(base, file);
  return { base, port, stop };
}

/** Throws unless the server at `base` serves the database in `file`. */
export async function checkServes(base: string, file: string): Promise<void> {
  const expected = await signatureOf(file);
  const health = (await (await fetch(`${base}/api/health`)).json()) as { database?: { revision?: number } };
  const actor = await fetch(`${base}/api/v1/actors/${encodeURIComponent(expected.last.slug)}`);
  const name = actor.ok ? ((await actor.json()) as { name?: string }).name : undefined;
  if (health.database?.revision !== expected.revision || name !== expected.last.name)
    throw new Error(
      `bench: the server on ${base} does not serve ${file} (revision ${health.database?.revision} vs ${expected.revision}, ` +
        `actor ${expected.last.slug}: ${actor.status} ${name ?? ""})`,
    );
  console.log(`bench: ${base} serves ${file} (revision ${expected.revision}, ${expected.actors.toLocaleString("en")} actors)`);
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Median, min and max of repeated runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
}

/** "12.3 (10.1–15.0)": the median, then the range. */
export function showSpread(s: Spread, digits = 0): string {
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** The 1-minute load average and the core count, printed beside every figure. */
export function load(): string {
  const [one, five] = loadavg();
  return `load ${one?.toFixed(2)} (5 min ${five?.toFixed(2)})`;
}

/**
 * Runs each of `sides` `rounds` times, interleaved (A B A B … with the order alternating every round), so
 * a change in the machine's load falls on both sides alike; returns every side's samples in run order.
 */
export async function interleaved<K extends string, T>(rounds: number, sides: Record<K, () => Promise<T>>): Promise<Record<K, T[]>> {
  const keys = Object.keys(sides) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as T[]])) as Record<K, T[]>;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? keys : [...keys].reverse();
    for (const k of order) out[k].push(await sides[k]());
  }
  return out;
}

/** A plain text table, columns padded. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The part of a Playwright page the date change uses (playwright-core's Page). */
interface DatePage {
  evaluate<R>(fn: () => R): Promise<R>;
  getByLabel(label: string): { fill(value: string): Promise<void> };
  waitForFunction(fn: (n: number) => boolean, arg: number, options: { timeout: number }): Promise<unknown>;
}

/**
 * Types a date into the dashboard's "As of" field and waits for the recolour it causes. Until the page has
 * hydrated a typed date changes nothing, so an unanswered change is typed again (a day later, so it is a
 * change) for up to a minute, rather than timing the wait for hydration.
 */
export async function changeDate(page: DatePage, date: string): Promise<void> {
  for (let attempt = 0; attempt < 12; attempt++) {
    const before = await page.evaluate(() => window.__stancemapPerf?.recolour.length ?? 0);
    const day = new Date(Date.parse(date) + attempt * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("As of").fill(day);
    try {
      await page.waitForFunction((n) => (window.__stancemapPerf?.recolour.length ?? 0) > n, before, { timeout: 5000 });
      return;
    } catch {}
  }
  throw new Error(`bench: typing ${date} into "As of" never recoloured the map`);
}
