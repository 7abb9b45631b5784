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
