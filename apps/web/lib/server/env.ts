// The web app's configuration, read once and validated. The database's own settings live in @stancemap/db.
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { z } from "zod";

function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, extra] = entry.split("/");
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Where the app is reached from outside, e.g. `https://stancemap.example.org`; https turns on Secure cookies. */
  STANCEMAP_PUBLIC_URL: z.url().optional(),
  /**
   * Proxies whose X-Forwarded-For is believed, comma-separated addresses or CIDR ranges (`10.0.0.0/8,::1`).
   * Default: none, so the socket's address is the client's.
   */
  STANCEMAP_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isAddressOrRange, "must be IP addresses or CIDR ranges, comma-separated"))),
  /** Optional: sign sessions with this instead of the secret generated into the database on first start. */
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** Log level (pino): fatal, error, warn, info (one line per request), debug, trace or silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** 1: readable coloured lines instead of JSON; the default in development only. */
  LOG_PRETTY: z.enum(["0", "1"]).optional(),
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
  /** Requests worked on at once by one instance; the rest wait in line, writes, token calls and health probes
   * first (admission.ts). 0: no limit. */
  STANCEMAP_REQUESTS_IN_PROGRESS: count(16),
  /** App processes behind one supervising process that takes in connections (server.ts); 0: one process
   * that does both. Each has its own render threads, render memory, requests in progress and database pool. */
  STANCEMAP_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
  /** Seconds an app process of STANCEMAP_WORKERS may take to start serving; one still not listening then is
   * killed and counts as a start that failed. */
  STANCEMAP_WORKER_START_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** The most reactions the network view is sent (the newest in its date and filters); past it, it says what it left out. */
  STANCEMAP_NETWORK_MAX_REACTIONS: z.coerce.number().int().min(1).default(20_000),
});

export const env = Env.parse(process.env);
export const APP_VERSION = "0.1.0";
