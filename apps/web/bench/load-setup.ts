// The load bench's own world: a fresh database (SQLite file or a new PostgreSQL database), migrated,
// seeded, with bench accounts and API tokens, and production servers on free loopback ports.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import {
  createDb,
  createToken,
  createUserRecord,
  type Db,
  loadDataset,
  migrate,
  principalForUser,
  publishDraft,
  saveChange,
  seedDataset,
} from "@stancemap/db";
import { freshPostgres, freshSqlite, postgresAvailable } from "../../../packages/db/src/testing/databases";
import { root, synthetic } from "./server";

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface Accounts {
  editors: string[];
  reviewer: string;
}

/** A database made for this run only; null with the reason when PostgreSQL does not answer. */
export async function freshDatabase(kind: "sqlite" | "postgres"): Promise<BenchDatabase | { skip: string }> {
  if (kind === "sqlite") return freshSqlite();
  const up = await postgresAvailable();
  if (!up.ok) return { skip: up.reason };
  return freshPostgres();
}

/**
 * Migrates and seeds the database (or fills it with `npm run db:synth` and these arguments), makes one
 * editor per writer and a reviewer (each with an API token), and publishes a probe actor whose slug is
 * unique to this run: a server that shows it serves this database.
 */
export async function prepare(url: string, writers: number, probe: string, synth?: string[]): Promise<Accounts> {
  if (synth && url.startsWith("file:")) {
    // A synthetic SQLite file is made once per size (bench/server.ts) and copied: writing one takes minutes.
    copyFileSync(synthetic(`synth-${synth[1]}`, synth), url.slice("file:".length));
  } else if (synth) {
    execFileSync("npm", ["run", "db:synth", "--", "--url", url, ...synth], { cwd: root, stdio: "inherit" });
  }
  await migrate(url);
  const db: Db = createDb(url);
  try {
    if (!synth) await seedDataset(db, loadDataset());
    const password = () => randomBytes(12).toString("base64url");
    const run = probe.replace(/[^a-z0-9]/g, "");
    const admin = await createUserRecord(db, null, {
      email: `admin-${run}@bench.test`,
      name: "Bench admin",
      role: "admin",
      password: password(),
    });
    const adminWho = await principalForUser(db, admin.id);
    const token = async (role: "editor" | "reviewer", n: number) => {
      const user = await createUserRecord(db, adminWho, {
        email: `${role}${n}-${run}@bench.test`,
        name: `Bench ${role} ${n}`,
        role,
        password: password(),
      });
      return (await createToken(db, adminWho, user.id, `bench ${role} ${n}`)).token;
    };
    const editors: string[] = [];
    for (let i = 0; i < writers; i++) editors.push(await token("editor", i));
    const reviewer = await token("reviewer", 0);
    const reviewerWho = await principalForUser(db, (await db.prisma.user.findFirstOrThrow({ where: { role: "reviewer" } })).id);
    const saved = await saveChange(db, adminWho, {
      type: "actor",
      op: "upsert",
      record: { slug: probe, name: `Bench probe ${probe}`, kind: "group", description: "the load bench's own database" },
      expectedVersion: null,
    });
    await publishDraft(db, reviewerWho, saved.draftId);
    return { editors, reviewer };
  } finally {
    await db.close();
  }
}

/** The actors (all but the probe) and topics a reader of a synthetic database asks for. */
export async function readable(url: string, probe: string): Promise<{ actors: string[]; topics: string[] }> {
  const db = createDb(url);
  try {
    const actors = await db.prisma.actor.findMany({ where: { slug: { not: probe } }, select: { slug: true }, orderBy: { slug: "asc" } });
    const topics = await db.prisma.topic.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
    return { actors: actors.map((a) => a.slug), topics: topics.map((t) => t.slug) };
  } finally {
    await db.close();
  }
}

/** A port nobody listens on now, from `from` upwards (0: one the system picks). */
export async function freePort(from = 0): Promise<number> {
  for (let port = from; port < (from || 1) + 100; port++) {
    const got = await new Promise<number | null>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(null));
      probe.listen(port, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : null));
      });
    });
    if (got) return got;
  }
  throw new Error(`bench: no free port from ${from}`);
}

export interface Instance {
  base: string;
  log: string;
  stop(): Promise<void>;
}

/** Starts the production build on `port` against `url`; resolves once it serves this run's probe actor. */
/** `workers`: STANCEMAP_WORKERS for the server (app processes behind a supervising one; 0: one process). */
export async function startInstance(url: string, port: number, probe: string, logDir: string, workers = 0): Promise<Instance> {
  mkdirSync(logDir, { recursive: true });
  const log = join(logDir, `server-${port}.log`);
  const out = openSync(log, "w");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: join(root, "apps", "web"),
    env: {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      STANCEMAP_HOST: "127.0.0.1",
      STANCEMAP_WORKERS: String(workers),
    },
    stdio: ["ignore", out, out],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = () => child.exitCode === null && child.kill("SIGTERM");
  process.once("exit", kill);
  const stop = async () => {
    kill();
    const late = setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(late);
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench: the server on ${port} exited (${child.exitCode}); see ${log}`);
    try {
      const res = await fetch(`${base}/api/v1/actors/${probe}`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return { base, log, stop };
      // Something answers without this run's probe: another server holds the port, or the wrong database.
      if (res.status === 404) {
        await stop();
        throw new Error(`bench: ${base} answers but does not serve this run's database (no actor "${probe}")`);
      }
    } catch (error) {
      if ((error as Error).message.startsWith("bench:")) throw error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`bench: the server on ${port} did not answer within 120 s; see ${log}`);
}

export function cleanLogs(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
