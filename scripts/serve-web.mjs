// Runs the web workspace's `serve` script as this process's child, registered as a server of the build
// folder (so no build replaces its files), forwarding stop signals to the whole child process group.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { registerServer, root } from "./web-build.mjs";

/** The port from `-- --port N`, else PORT, else 3000. */
export function portOf(argv = process.argv.slice(2)) {
  const { values } = parseArgs({ args: argv, options: { port: { type: "string", short: "p" } }, strict: false });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a port: ${values.port ?? process.env.PORT}`);
  return port;
}

/** Call while holding the build lock: registration happens before the lock is released. */
export function serveRegistered(port) {
  registerServer(port);
  return () => {
    const child = spawn("npm", ["run", "serve", "-w", "@stancemap/web"], {
      cwd: root,
      env: { ...process.env, PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
      detached: true,
    });
    const stop = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {}
    };
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
    process.on("exit", () => stop("SIGTERM"));
    child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  };
}
