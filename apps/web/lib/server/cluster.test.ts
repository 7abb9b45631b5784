// STANCEMAP_WORKERS's supervisor (cluster.ts) as real processes over real HTTP: a supervising process and its
// app processes (lib/testing/cluster), each answering with its pid.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../bench/server";

const supervisorScript = fileURLToPath(new URL("../testing/cluster/supervisor.ts", import.meta.url));
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

interface Supervisor {
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function startSupervisor(env: Record<string, string> = {}): Promise<Supervisor> {
  const port = await freePort();
  // node itself with tsx's loader, not tsx's command (a process of its own in front of the supervisor).
  const child = spawn(process.execPath, ["--import", "tsx", supervisorScript], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { child, port, output: () => text };
}

/** One request on a connection of its own: the pid of the app process that answered, or null when none did. */
function ask(port: number, path = "/"): Promise<number | null> {
  return new Promise((resolve) => {
    const req = get({ host: "127.0.0.1", port, path, agent: false, timeout: 20_000 }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => resolve(res.statusCode === 200 ? Number(body) : null));
      res.on("error", () => resolve(null));
    });
    req.on("error", () => resolve(null));
    req.on("timeout", () => req.destroy());
  });
}

/** The app processes answering, once `count` different ones have (asking until then, up to the deadline). */
async function answering(port: number, count: number, deadlineMs = 60_000): Promise<Set<number>> {
  const pids = new Set<number>();
  const until = Date.now() + deadlineMs;
  while (pids.size < count && Date.now() < until) {
    const pid = await ask(port);
    if (pid !== null) pids.add(pid);
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return pids;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, deadlineMs = 30_000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : once(child, "exit").then(([code]) => code as number | null);

describe("STANCEMAP_WORKERS's supervisor", { timeout: 120_000 }, () => {
  it("hands new connections to every app process, never answering itself", async () => {
    const { child, port } = await startSupervisor();
    const pids = await answering(port, 2);
    expect(pids.size).toBe(2);
    expect(pids.has(child.pid ?? -1)).toBe(false);
  });

  it("replaces an app process that stops after it had served", async () => {
    const { port, output } = await startSupervisor();
    const before = await answering(port, 2);
    expect(before.size).toBe(2);
    await ask(port, "/crash");
    expect(await until(() => [...before].some((pid) => !alive(pid)))).toBe(true);
    const gone = [...before].filter((pid) => !alive(pid));
    const after = await answering(port, 2);
    expect(after.size).toBe(2);
    for (const pid of gone) expect(after.has(pid)).toBe(false);
    expect(output()).toContain("an app process stopped; starting another");
  });

  it("keeps serving while a replacement fails to start, and replaces it once it can", async () => {
    const flag = join(mkdtempSync(join(tmpdir(), "stancemap-cluster-")), "fail");
    const { child, port, output } = await startSupervisor({ FAIL_FILE: flag });
    const before = await answering(port, 2);
    writeFileSync(flag, "");
    await ask(port, "/crash");
    // Replacements fail before they listen; the server goes on with the app process it has.
    expect(await until(() => (output().match(/failing before it listens/g) ?? []).length >= 2)).toBe(true);
    expect(child.exitCode).toBeNull();
    const survivor = await ask(port);
    expect(survivor !== null && before.has(survivor)).toBe(true);
    rmSync(flag);
    const after = await answering(port, 2);
    expect(after.size).toBe(2);
    expect([...after].filter((pid) => !before.has(pid))).toHaveLength(1);
  });

  it("stops with the app's exit code when an app process fails before it serves", async () => {
    const { child, port, output } = await startSupervisor({ FAIL: "1" });
    expect(await exitOf(child)).toBe(3);
    expect(output()).toContain("an app process stopped before it served; stopping");
    expect(await ask(port)).toBeNull();
  });

  it("kills an app process that never starts listening, and stops with an error when nothing has served", async () => {
    const { child, port, output } = await startSupervisor({ HANG: "1", START_MS: "1500" });
    expect(await exitOf(child)).toBe(1);
    expect(output()).toContain("an app process did not start listening in time; killing it");
    expect(output()).toContain("an app process stopped before it served; stopping");
    expect(await ask(port)).toBeNull();
  });

  it("kills a replacement stuck before it listens, serving meanwhile, until one starts", async () => {
    const flag = join(mkdtempSync(join(tmpdir(), "stancemap-cluster-")), "hang");
    const { child, port, output } = await startSupervisor({ HANG_FILE: flag, START_MS: "1000" });
    const before = await answering(port, 2);
    writeFileSync(flag, "");
    await ask(port, "/crash");
    expect(await until(() => output().includes("an app process did not start listening in time; killing it"))).toBe(true);
    expect(child.exitCode).toBeNull();
    const survivor = await ask(port);
    expect(survivor !== null && before.has(survivor)).toBe(true);
    rmSync(flag);
    const after = await answering(port, 2);
    expect(after.size).toBe(2);
    expect([...after].filter((pid) => !before.has(pid))).toHaveLength(1);
  });

  it("on SIGTERM, answers the requests in progress, then every process exits", async () => {
    const { child, port, output } = await startSupervisor({ SLOW_MS: "1500" });
    const pids = await answering(port, 2);
    const slow = ask(port, "/slow");
    expect(await until(() => output().includes("a slow request in progress"))).toBe(true);
    child.kill("SIGTERM");
    expect(await slow).not.toBeNull();
    expect(await exitOf(child)).toBe(0);
    expect(await until(() => [...pids].every((pid) => !alive(pid)))).toBe(true);
    // Each was told to stop, rather than killed when the grace ran out.
    expect(output().match(/an app process stopping on SIGTERM/g)).toHaveLength(2);
  });

  it("takes its app processes with it when it is killed", async () => {
    const { child, port } = await startSupervisor();
    const pids = await answering(port, 2);
    child.kill("SIGKILL");
    expect(await until(() => [...pids].every((pid) => !alive(pid)))).toBe(true);
    expect(await ask(port)).toBeNull();
  });
});
