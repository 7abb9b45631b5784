// `npm run serve [-- --port N]` (or PORT=N): serves the finished build without building or touching the
// database, so any number of instances can run from one checkout after one `npm run build`.

import { portOf, serveRegistered } from "./serve-web.mjs";
import { readStamp, say, withBuildLock } from "./web-build.mjs";

const port = portOf();
// Under the lock, so a build in progress is waited for, never served half-written.
const start = await withBuildLock(async () => {
  if (!readStamp()) {
    say("no finished build in this checkout: run `npm run build` first (or `npm start`, which builds when needed)");
    process.exit(1);
  }
  return serveRegistered(port);
});
say(`serving the build on port ${port}`);
start();
