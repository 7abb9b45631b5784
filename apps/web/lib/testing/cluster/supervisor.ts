// cluster.test.ts's supervising process: lib/server/cluster.ts's supervise() over worker.ts.
import { fileURLToPath } from "node:url";
import pino from "pino";
import { supervise } from "../../server/cluster";

supervise(Number(process.env.WORKERS ?? 2), pino({ level: "info" }), {
  exec: fileURLToPath(new URL("./worker.ts", import.meta.url)),
  startMs: Number(process.env.START_MS ?? 60_000),
});
