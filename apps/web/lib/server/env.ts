// The web app's configuration, read once and validated. The database's own settings live in @stancemap/db.
import { z } from "zod";

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  STANCEMAP_PUBLIC_URL: z.url().optional(),
});

export const env = Env.parse(process.env);
export const APP_VERSION = "0.1.0";
