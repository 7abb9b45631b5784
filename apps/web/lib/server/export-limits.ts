// Per-client limits on uncached exports: STANCEMAP_EXPORT_PER_MINUTE a minute and STANCEMAP_EXPORT_IN_FLIGHT
// at once. The counts live in the database (ClientQuota, one atomic upsert each), so they hold across every
// instance on it; this process's own counts are a fast path that refuses without asking the database
// when they alone are over the limit (they never exceed the shared counts).
import "server-only";
import { acquireClientSlot, countClientMinute, getDb, purgeClientQuotas, releaseClientSlot } from "@stancemap/db";
import { env } from "./env";
import { busyFor, ExportRefused } from "./render-pool";

/** An in-flight place lasts this long unless given back (an instance that dies frees it so). */
const LEASE_SECONDS = 300;

let localMinute = 0;
const localPerMinute = new Map<string, number>();
const localInFlight = new Map<string, number>();
let lastPurge = 0;

function tooMany(retryAfter: number, what: string): ExportRefused {
  return new ExportRefused(429, retryAfter, `Too many uncached exports from this client (${what}); retry after the time given.`);
}

/** Refuses (429) a client this process alone already counts over its limits, before anything else is
 * done for it (no admission, no database). */
export function checkLocalQuota(client: string): void {
  const now = Math.floor(Date.now() / 1000);
  const minute = Math.floor(now / 60);
  if (minute !== localMinute) {
    localMinute = minute;
    localPerMinute.clear();
  }
  const perMinute = env.STANCEMAP_EXPORT_PER_MINUTE;
  const inFlight = env.STANCEMAP_EXPORT_IN_FLIGHT;
  if (perMinute && (localPerMinute.get(client) ?? 0) >= perMinute) throw tooMany((minute + 1) * 60 - now, `${perMinute} a minute`);
  if (inFlight && (localInFlight.get(client) ?? 0) >= inFlight) throw tooMany(busyFor(inFlight), `${inFlight} at once`);
}

/** Counts an uncached export for `client` and takes one of its in-flight places, or refuses with 429.
 * Returns the release of the place. */
export async function takeExportQuota(client: string): Promise<() => Promise<void>> {
  const perMinute = env.STANCEMAP_EXPORT_PER_MINUTE;
  const inFlight = env.STANCEMAP_EXPORT_IN_FLIGHT;
  checkLocalQuota(client);
  const now = Math.floor(Date.now() / 1000);
  const db = getDb();
  if (now - lastPurge > 600) {
    lastPurge = now;
    purgeClientQuotas(db, now).catch(() => {});
  }
  if (perMinute) {
    localPerMinute.set(client, (localPerMinute.get(client) ?? 0) + 1);
    const counted = await countClientMinute(db, client, now);
    if (counted.count > perMinute) throw tooMany(counted.resetIn, `${perMinute} a minute`);
  }
  if (!inFlight) return async () => {};
  localInFlight.set(client, (localInFlight.get(client) ?? 0) + 1);
  const dropLocal = () => {
    const left = (localInFlight.get(client) ?? 1) - 1;
    if (left > 0) localInFlight.set(client, left);
    else localInFlight.delete(client);
  };
  let held: number;
  try {
    held = await acquireClientSlot(db, client, LEASE_SECONDS, now);
  } catch (e) {
    dropLocal();
    throw e;
  }
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    dropLocal();
    await releaseClientSlot(db, client);
  };
  if (held > inFlight) {
    await release();
    throw tooMany(busyFor(inFlight), `${inFlight} at once`);
  }
  return release;
}
