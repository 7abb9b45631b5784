// cluster.test.ts's app process: answers with its pid (after SLOW_MS for /slow), stops on SIGTERM once its
// requests in progress are answered, as app-server.ts does; FAIL=1, or a file at FAIL_FILE, makes it fail
// before it listens; HANG=1, or a file at HANG_FILE, makes it never listen.
import { existsSync } from "node:fs";
import { createServer } from "node:http";

if (process.env.FAIL === "1" || (process.env.FAIL_FILE && existsSync(process.env.FAIL_FILE))) {
  console.error("worker: failing before it listens");
  process.exit(3);
}
if (process.env.HANG === "1" || (process.env.HANG_FILE && existsSync(process.env.HANG_FILE))) {
  console.error("worker: hanging before it listens");
  setInterval(() => {}, 60_000);
} else listen();
function listen() {
  const server = createServer((req, res) => {
    if (req.url === "/crash") process.exit(9);
    if (req.url === "/slow") console.log("a slow request in progress");
    setTimeout(() => res.end(String(process.pid)), req.url === "/slow" ? Number(process.env.SLOW_MS ?? 1500) : 0);
  });
  server.keepAliveTimeout = 1;
  server.listen(Number(process.env.PORT), "127.0.0.1");
  process.on("SIGTERM", () => {
    console.log("an app process stopping on SIGTERM");
    server.close(() => process.exit(0));
  });
}
