// `npm start [-- --port N]`: the one command for a newcomer. Migrates, loads the dataset on first start
// (never rewrites a loaded database), builds only when the sources changed since the last finished build,
// and serves. Safe when several start at once from one checkout: builds are serialised by a lock, a
// second start finds the first one's build current, and no build ever runs under a live server.
import { spawnSync } from "node:child_process";
import { portOf, serveRegistered } from "./serve-web.mjs";
import { build, liveServers, readStamp, root, say, sourceHash, withBuildLock } from "./web-build.mjs";

const port = portOf();
for (const step of ["db:migrate", "db:seed"]) {
  const r = spawnSync("npm", ["run", "--silent", step], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const hash = await sourceHash();
const start = await withBuildLock(async ({ waited }) => {
  const stamp = readStamp();
  if (stamp?.hash === hash) say(`the build is current${waited ? " (built by another start meanwhile)" : ""}; not building`);
  else {
    const servers = liveServers();
    if (servers.length > 0 && stamp) {
      say(
        `the sources changed since the last build, but servers of this checkout run on it (pids ${servers.join(", ")}): serving that build, not rebuilding under them. Stop them and run \`npm run build\` to update.`,
      );
    } else if (servers.length > 0) {
      say(`no finished build, and servers of this checkout run on the build folder (pids ${servers.join(", ")}); stop them first`);
      process.exit(1);
    } else {
      say(`building the web app (${hash})…`);
      await build(hash);
    }
  }
  return serveRegistered(port);
});
say(`serving on port ${port}`);
start();
