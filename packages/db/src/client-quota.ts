// Per-client counters of expensive work, in the database so that every app instance on it sees the same
// counts: each step is one atomic statement (an upsert returning the new count), so two instances
// counting at once never lose a count. Used by the export API's per-client limits.
import type { Db } from "./client";

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Counts one more unit of work for `client` in the current minute; returns the count in that minute and
 * the seconds until the minute ends. */
export async function countClientMinute(db: Db, client: string, now = nowSeconds()): Promise<{ count: number; resetIn: number }> {
  const minute = Math.floor(now / 60);
  const rows = await db.sql.all<{ count: number | string }>(
    `INSERT INTO "ClientQuota" ("client", "bucket", "count", "expiresAt") VALUES ($1, $2, 1, $3)
     ON CONFLICT ("client", "bucket") DO UPDATE SET "count" = "ClientQuota"."count" + 1
     RETURNING "count"`,
    [client, `m:${minute}`, (minute + 1) * 60],
  );
  return { count: Number(rows[0]?.count ?? 0), resetIn: (minute + 1) * 60 - now };
}

/** Takes one of `client`'s in-flight places for at most `leaseSeconds` (a lease, renewed by each take,
 * so places held by an instance that died are freed when it runs out); returns how many are now held. */
export async function acquireClientSlot(db: Db, client: string, leaseSeconds: number, now = nowSeconds()): Promise<number> {
  const rows = await db.sql.all<{ count: number | string }>(
    `INSERT INTO "ClientQuota" ("client", "bucket", "count", "expiresAt") VALUES ($1, 'inflight', 1, $2)
     ON CONFLICT ("client", "bucket") DO UPDATE SET
       "count" = CASE WHEN "ClientQuota"."expiresAt" < $3 THEN 1 ELSE "ClientQuota"."count" + 1 END,
       "expiresAt" = $2
     RETURNING "count"`,
    [client, now + leaseSeconds, now],
  );
  return Number(rows[0]?.count ?? 0);
}

/** Gives back one of `client`'s in-flight places. */
export async function releaseClientSlot(db: Db, client: string): Promise<void> {
  await db.sql.all(
    `UPDATE "ClientQuota" SET "count" = CASE WHEN "count" > 0 THEN "count" - 1 ELSE 0 END
     WHERE "client" = $1 AND "bucket" = 'inflight' RETURNING "count"`,
    [client],
  );
}

/** Deletes counters that no longer count; returns how many. */
export async function purgeClientQuotas(db: Db, now = nowSeconds()): Promise<number> {
  const rows = await db.sql.all(`DELETE FROM "ClientQuota" WHERE "expiresAt" < $1 RETURNING "client"`, [now]);
  return rows.length;
}
