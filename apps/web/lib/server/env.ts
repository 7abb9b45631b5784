// The web app's configuration, read once and validated. The database's own settings live in @stancemap/db.
import { isIP } from "node:net";
import { z } from "zod";

function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, extra] = entry.split("/");
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

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
});

export const env = Env.parse(process.env);
export const APP_VERSION = "0.1.0";
