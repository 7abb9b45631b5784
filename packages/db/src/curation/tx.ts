// One write transaction for curation. SQLite's writes start with BEGIN IMMEDIATE (one writer at a time).
// On PostgreSQL only what must be is serialised: each transaction takes transaction-scoped advisory
// locks on the records (and drafts) it touches, in sorted order, and is retried on a deadlock or a
// serialisation failure; writes to different records run side by side, on one instance or several.
import { randomBytes } from "node:crypto";
import type { EntityType } from "@stancemap/core";
import type { Db } from "../client";
import type { Principal } from "./errors";
import type { Stored, Tx } from "./records";

/** The lock of writes that guard a rule across many rows (the last admin, unique emails): accounts. */
export const ACCOUNTS_LOCK = "accounts";
export const recordLock = (type: string, key: string) => `record:${type}:${key}`;
export const draftLock = (draftId: string) => `draft:${draftId}`;

const txProvider = new WeakMap<object, Db["provider"]>();

/** The database a curation transaction runs on (SQLite outside curationTx). */
export const providerOfTx = (tx: Tx): Db["provider"] => txProvider.get(tx) ?? "sqlite";
const RETRIES = 4;
/**
 * Names map onto this many advisory locks. A lock per name would let a 20,000-row import take 20,000
 * locks and exhaust PostgreSQL's lock table ("out of shared memory"); with 1,024 two writes to different
 * records share a lock one time in 1,024, and the largest import holds at most 1,024 for its short write.
 */
const LOCK_SLOTS = 1024;

/**
 * Runs `work` in one transaction, holding the advisory locks named in `locks` from the start (PostgreSQL);
 * `work` may take more with lockKeys. Without `locks`, the accounts lock.
 */
export async function curationTx<T>(db: Db, work: (tx: Tx) => Promise<T>, locks: readonly string[] = [ACCOUNTS_LOCK]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.prisma.$transaction(
        async (tx) => {
          txProvider.set(tx, db.provider);
          await lockKeys(tx, locks);
          return work(tx);
        },
        { timeout: 60_000, maxWait: 20_000 },
      );
    } catch (error) {
      if (db.provider !== "postgresql" || attempt >= RETRIES || !isRetryable(error)) throw error;
    }
  }
}

/**
 * Takes transaction-scoped advisory locks on these names (PostgreSQL; SQLite already has one writer),
 * in one statement and in the order of their hashes, so two transactions never wait on each other in a
 * circle for locks taken together. Locks taken later, in another call, may: PostgreSQL then aborts one
 * transaction as a deadlock, and curationTx runs it again.
 */
export async function lockKeys(tx: Tx, names: Iterable<string>): Promise<void> {
  if (providerOfTx(tx) !== "postgresql") return;
  const list = [...new Set(names)];
  if (list.length === 0) return;
  await tx.$executeRawUnsafe(
    `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 7302025) % ${LOCK_SLOTS} AS h FROM json_array_elements_text($1::json) AS k) AS l ORDER BY h`,
    JSON.stringify(list),
  );
}

/** A deadlock or a serialisation failure: the transaction did nothing and may simply run again. */
function isRetryable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== "object" || seen.has(e)) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (o.code === "P2034" || o.code === "40P01" || o.code === "40001" || o.originalCode === "40P01" || o.originalCode === "40001")
      return true;
    return walk(o.cause) || walk(o.meta) || walk(o.driverAdapterError);
  };
  return walk(error) || /deadlock detected|could not serialize access/.test(String((error as Error)?.message));
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString("base64url")}`;
}

export function snapshot(stored: Stored | null): string | null {
  return stored ? JSON.stringify({ version: stored.version, record: stored.record }) : null;
}

export async function recordChange(
  tx: Tx,
  who: Principal | null,
  change: {
    action: string;
    entityType: EntityType | "draft" | "user" | "token";
    entityId: string;
    draftId?: string | null;
    recordVersion?: number | null;
    before?: string | null;
    after?: string | null;
    comment?: string | null;
    /** The dataset revision this transaction publishes (bumpRevision's result), when it publishes. */
    datasetRevision?: number | null;
  },
): Promise<void> {
  await tx.change.create({
    data: {
      userId: who?.id ?? null,
      userEmail: who?.email ?? null,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      draftId: change.draftId ?? null,
      recordVersion: change.recordVersion ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
      comment: change.comment ?? null,
      datasetRevision: change.datasetRevision ?? null,
    },
  });
}

/** The version a record gets when it is written next: one past the last it ever had, even if it was deleted since. */
export async function nextVersion(tx: Tx, type: EntityType, key: string, live: Stored | null): Promise<number> {
  if (live) return live.version + 1;
  const last = await tx.change.findFirst({
    where: { entityType: type, entityId: key, recordVersion: { not: null } },
    orderBy: { id: "desc" },
    select: { recordVersion: true },
  });
  return (last?.recordVersion ?? 0) + 1;
}
