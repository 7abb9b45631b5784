// The production server. By default one process serves (app-server.ts). With STANCEMAP_WORKERS=N (N ≥ 1)
// this process only supervises N app processes that take connections from the socket it opens
// (node:cluster), replacing one that stops (lib/server/cluster.ts).
import cluster from "node:cluster";
import { env } from "./lib/server/env";

if (env.STANCEMAP_WORKERS > 0 && cluster.isPrimary) {
  const { supervise } = await import("./lib/server/cluster");
  const { logger } = await import("./lib/server/log");
  supervise(env.STANCEMAP_WORKERS, logger, { startMs: env.STANCEMAP_WORKER_START_SECONDS * 1000 });
} else {
  await import("./app-server");
}
