// One write transaction for curation, serialised: SQLite's writes start with BEGIN IMMEDIATE, and on
// PostgreSQL a transaction-scoped advisory lock makes version checks and writes one atomic step.
import { randomBytes } from "node:crypto";
import type { EntityType } from "@stancemap/core";
import type { Db } from "../client";
import type { Principal } from "./errors";
import type { Stored, Tx } from "./records";

const CURATION_LOCK = 7_302_025;

export async function curationTx<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.prisma.$transaction(
    async (tx) => {
      if (db.provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CURATION_LOCK})`);
      return work(tx);
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
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
