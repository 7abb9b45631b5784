// `npm run build`: builds the web app once for any number of `npm run serve` instances. Skips the work
// when the finished build already matches the sources; refuses while a server of this checkout runs on
// the build folder (a build replaces the files it serves).
import { build, liveServers, readStamp, say, sourceHash, withBuildLock } from "./web-build.mjs";

const hash = await sourceHash();
await withBuildLock(async () => {
  if (readStamp()?.hash === hash) return say(`the build is current (${hash})`);
  const servers = liveServers();
  if (servers.length > 0) {
    say(`servers of this checkout run on the build folder (pids ${servers.join(", ")}); stop them before building`);
    process.exit(1);
  }
  say(`building the web app (${hash})…`);
  await build(hash);
  say("built");
});
