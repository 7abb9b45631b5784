// The database's configuration: read from the environment once, validated, with an embedded default.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

export type Provider = "sqlite" | "postgresql";

/** The repository root: the nearest folder upward holding turbo.json (works from any workspace's cwd). */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = resolve(/*turbopackIgnore: true*/ start);
  for (;;) {
    if (existsSync(join(dir, "turbo.json")) && existsSync(join(dir, "prisma", "schema.prisma"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Stancemap's repository root (turbo.json + prisma/) not found above ${start}`);
    dir = parent;
  }
}

const DatabaseUrl = z
  .string()
  .trim()
  .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");

export function defaultDatabaseUrl(root: string = findRepoRoot()): string {
  return `file:${join(root, "data", "stancemap.db")}`;
}

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL;
  if (!raw) return defaultDatabaseUrl();
  const parsed = DatabaseUrl.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid DATABASE_URL");
  return parsed.data;
}

export function providerOf(url: string): Provider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** The SQLite file path in a `file:` URL, resolved against the repository root when relative. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, "").split("?")[0] ?? "";
  return resolve(/*turbopackIgnore: true*/ findRepoRoot(), path);
}

const Millis = (fallback: number) => z.coerce.number().int().min(0).max(3_600_000).default(fallback);

/**
 * PostgreSQL pool limits: every wait is bounded, so a lost server or a stuck pool answers an error
 * in seconds instead of hanging requests. 0 for a timeout turns it off.
 */
const PgPoolEnv = z.object({
  /** Connections per instance; the server's max_connections must cover every instance's pool plus admin. */
  STANCEMAP_PG_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** How long a request waits for a free connection (or a new one to open) before it fails. */
  STANCEMAP_PG_CONNECT_TIMEOUT_MS: Millis(10_000),
  /** Server side: one statement's longest run (statement_timeout). */
  STANCEMAP_PG_STATEMENT_TIMEOUT_MS: Millis(60_000),
  /** Server side: a transaction left idle this long is ended (idle_in_transaction_session_timeout). */
  STANCEMAP_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: Millis(60_000),
  /** Client side: no answer from the server this long and the connection is dropped (query_timeout). */
  STANCEMAP_PG_QUERY_TIMEOUT_MS: Millis(65_000),
  /** An idle connection is closed after this long. */
  STANCEMAP_PG_IDLE_TIMEOUT_MS: Millis(30_000),
  /** Longest wait for a connection to start a transaction, and longest transaction (Prisma maxWait / timeout). */
  STANCEMAP_PG_TX_MAX_WAIT_MS: Millis(10_000),
  STANCEMAP_PG_TX_TIMEOUT_MS: Millis(60_000),
  /** The server keeps the dataset revision from PostgreSQL's notifications (revision-watch.ts); 0 reads the row every time. */
  STANCEMAP_PG_REVISION_LISTEN: z.enum(["0", "1"]).default("1"),
});
export type PgPoolSettings = z.output<typeof PgPoolEnv>;

export function pgPoolSettings(env: NodeJS.ProcessEnv = process.env): PgPoolSettings {
  const parsed = PgPoolEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0] ?? "PostgreSQL pool setting")}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

const ReadCacheMb = z.coerce.number().min(0).max(65_536).default(64);

/** The read cache's budget in bytes (`STANCEMAP_READ_CACHE_MB`, 64 by default; 0 turns it off; read-cache.ts). */
export function readCacheBytes(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = ReadCacheMb.safeParse(env.STANCEMAP_READ_CACHE_MB);
  if (!parsed.success) throw new Error(`STANCEMAP_READ_CACHE_MB: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return Math.round(parsed.data * 1024 * 1024);
}
