// Where the e2e server leaves this run's test accounts (one file per port, so runs do not collide).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** @param {string | number} port */
export function usersFile(port) {
  return join(here, "..", ".tmp", `users-${port}.json`);
}
