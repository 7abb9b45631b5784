// Shared by the benchmarks: a synthetic database, a production build, and a server on it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..", "..");
export const bin = (name: string) => join(root, "node_modules", ".bin", name);

/** Makes (or reuses) a synthetic database; `args` go to `npm run db:synth`. */
export function synthetic(file: string, args: string[] = [], fresh = false): string {
  if (fresh || !existsSync(file)) {
    console.log(`bench: writing a synthetic dataset to ${file}…`);
    execFileSync("npm", ["run", "db:synth", "--", "--url", `file:${file}`, ...args], { cwd: root, stdio: "inherit" });
  }
  return file;
}

export function build(): void {
  console.log("bench: building the web app…");
  execFileSync(bin("turbo"), ["run", "build", "--filter=@stancemap/web", "--output-logs=errors-only"], { cwd: root, stdio: "inherit" });
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`bench: ${url} did not answer`);
}

/** Starts `next start` on `port` against the SQLite file; returns a stop function. */
export async function startApp(file: string, port: number): Promise<() => void> {
  const child: ChildProcess = spawn(bin("next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: join(root, "apps", "web"),
    env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const stop = () => child.kill("SIGTERM");
  process.on("exit", stop);
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  return stop;
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
