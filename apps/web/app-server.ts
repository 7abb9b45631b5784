// The production server: Next's request handler behind node:http, so every request gets an id, a log
// line and a problem body for what would otherwise be an empty 500 (see lib/server/entry.ts).
// Next's own CLI loads this first: it installs the globals (AsyncLocalStorage) its modules expect.
import "next/dist/server/node-environment";
import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { answerClientError, createEntry } from "./lib/server/entry";
import { env } from "./lib/server/env";
import { logger } from "./lib/server/log";

const port = Number(process.env.PORT ?? 3000);
// Not HOSTNAME: shells and containers set that to the machine's name, which need not be an address to listen on.
const hostname = process.env.STANCEMAP_HOST ?? "0.0.0.0";

process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
process.on("uncaughtException", (error) => {
  logger.fatal({ err: error }, "uncaught exception; exiting");
  process.exit(1);
});

const app = next({ dev: false, dir: dirname(fileURLToPath(import.meta.url)), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
// A bounded number of requests in progress, writes first (lib/server/admission.ts).
const server = createServer(createEntry((req, res) => handle(req, res), logger, env.STANCEMAP_REQUESTS_IN_PROGRESS));
// Idle keep-alive sockets outlive a load balancer's (60 s), so the server never closes one a client is
// about to reuse (a reset request); headers must arrive within the same bound.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on("clientError", answerClientError(logger));
server.listen(port, hostname, () => logger.info({ port, hostname }, "stancemap listening"));

const stop = (signal: string) => {
  logger.info({ signal }, "shutting down");
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
