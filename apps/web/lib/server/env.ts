// The web app's configuration, read once and validated. The database's own settings live in @stancemap/db.
import { availableParallelism } from "node:os";
import { z } from "zod";

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Where the app is reached from outside, e.g. `https://stancemap.example.org`; https turns on Secure cookies. */
  STANCEMAP_PUBLIC_URL: z.url().optional(),
  /** Optional: sign sessions with this instead of the secret generated into the database on first start. */
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** Comma-separated addresses of reverse proxies whose `X-Forwarded-For` entries are believed (see client-address.ts). */
  STANCEMAP_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  /** Worker threads that render export files (PNG, PDF, SVG layout); default: half the cores, at least 1. */
  STANCEMAP_RENDER_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .default(Math.max(1, Math.floor(availableParallelism() / 2))),
  /** Renders admitted at once (running and waiting); past that, 503 with Retry-After. */
  STANCEMAP_RENDER_QUEUE: count(8),
  /** Memory the admitted renders may need together, in MB (a PNG counts width x height x 4 bytes). */
  STANCEMAP_RENDER_MEMORY_MB: count(512),
  /** Uncached exports one client may ask for per minute, across every instance on the database; 0 turns it off. */
  STANCEMAP_EXPORT_PER_MINUTE: count(60),
  /** Uncached exports one client may have in flight at once, across every instance; 0 turns it off. */
  STANCEMAP_EXPORT_IN_FLIGHT: count(6),
});

export const env = Env.parse(process.env);
export const APP_VERSION = "0.1.0";
