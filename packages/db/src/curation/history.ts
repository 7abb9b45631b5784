// A record's history (every recorded step, and its published revisions to diff and restore) and the
// global audit log.
import type { AnyRecord, AuditPage, AuditQuery, Change, EntityType, RecordHistory, RevertResult, Revision } from "@stancemap/core";
import type { Db } from "../client";
import { bumpRevision } from "../revision";
import { checkReferences, readHead } from "./drafts";
import { HasDependants, NotFound, type Principal, requireRole, VersionConflict } from "./errors";
import { dependantsOf, readRecord, removeRecord, writeRecords } from "./records";
import { curationTx, recordChange, snapshot } from "./tx";

export type ChangeView = Change;
export type { Revision };

type Row = Awaited<ReturnType<Db["prisma"]["change"]["findMany"]>>[number];

function parse(json: string | null): { version?: number; record: AnyRecord | null } | null {
  return json ? (JSON.parse(json) as { version?: number; record: AnyRecord | null }) : null;
}

function toView(row: Row): ChangeView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    userId: row.userId,
    userEmail: row.userEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    draftId: row.draftId,
    recordVersion: row.recordVersion,
    before: parse(row.before)?.record ?? null,
    after: parse(row.after)?.record ?? null,
    comment: row.comment,
  };
}

/** Published revisions from the changes that wrote them; the state before the first recorded write is kept too. */
function revisionsOf(rows: Row[]): Revision[] {
  const byVersion = new Map<number, Revision>();
  for (const row of rows) {
    if (row.recordVersion == null) continue;
    const before = parse(row.before);
    if (before?.version != null && !byVersion.has(before.version))
      byVersion.set(before.version, { version: before.version, record: before.record, at: null, by: null, action: "before history" });
    if (!before && !byVersion.has(0)) byVersion.set(0, { version: 0, record: null, at: null, by: null, action: "did not exist" });
    byVersion.set(row.recordVersion, {
      version: row.recordVersion,
      record: parse(row.after)?.record ?? null,
      at: row.at.toISOString(),
      by: row.userEmail,
      action: row.action,
    });
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

export type { RecordHistory };

export async function recordHistory(db: Db, who: Principal | null, type: EntityType, key: string): Promise<RecordHistory> {
  requireRole(who, "editor");
  const rows = await db.prisma.change.findMany({ where: { entityType: type, entityId: key }, orderBy: { id: "asc" } });
  const head = await readHead(db.prisma, type, key);
  if (rows.length === 0 && !head.published && !head.draft) throw new NotFound(`no ${type} "${key}"`);
  const revisions = revisionsOf(rows);
  // A record never changed since it was loaded has one revision: what is published now.
  if (head.published && !revisions.some((r) => r.version === head.published?.version))
    revisions.push({ version: head.published.version, record: head.published.record, at: null, by: null, action: "as loaded" });
  return { type, key, head, changes: rows.map(toView).reverse(), revisions: revisions.sort((a, b) => a.version - b.version) };
}

/** Restores an earlier published revision, as a new revision. Reviewers only. */
export async function revertRecord(
  db: Db,
  who: Principal | null,
  type: EntityType,
  key: string,
  body: { revision: number; expectedVersion: number; comment?: string },
): Promise<RevertResult> {
  const principal = requireRole(who, "reviewer");
  return curationTx(db, async (tx) => {
    const rows = await tx.change.findMany({ where: { entityType: type, entityId: key }, orderBy: { id: "asc" } });
    const live = await readRecord(tx, type, key);
    const current = live?.version ?? Math.max(0, ...rows.map((r) => r.recordVersion ?? 0));
    if (body.expectedVersion !== current)
      throw new VersionConflict(`${type} "${key}" is at version ${current} now, not ${body.expectedVersion}`, {
        version: `${current}.0`,
        record: live?.record ?? null,
      });
    const target = revisionsOf(rows).find((r) => r.version === body.revision) ?? (body.revision === 0 ? { record: null } : null);
    if (!target) throw new NotFound(`${type} "${key}" has no revision ${body.revision}`);
    const version = current + 1;
    // What the revision cites may have gone since (a deleted source, a removed category): refuse, not fail.
    if (target.record) await checkReferences(tx, type, target.record, null);
    if (target.record) {
      await writeRecords(tx, type, [{ record: target.record, version }]);
    } else if (live) {
      const dependants = await dependantsOf(tx, type, key);
      if (dependants.length > 0)
        throw new HasDependants(`${type} "${key}" is still used; it cannot be taken back to not existing`, dependants);
      await removeRecord(tx, type, key);
    }
    await recordChange(tx, principal, {
      action: "revert",
      entityType: type,
      entityId: key,
      recordVersion: version,
      before: snapshot(live),
      after: JSON.stringify({ version, record: target.record }),
      comment: body.comment ?? `restored revision ${body.revision}`,
    });
    return { version, revision: await bumpRevision(tx) };
  });
}

export type { AuditPage };

export async function auditLog(db: Db, who: Principal | null, q: AuditQuery): Promise<AuditPage> {
  requireRole(who, "editor");
  const rows = await db.prisma.change.findMany({
    where: {
      ...(q.user ? { OR: [{ userId: q.user }, { userEmail: q.user }] } : {}),
      ...(q.type ? { entityType: q.type } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.from || q.to
        ? {
            at: {
              ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
              ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) } : {}),
            },
          }
        : {}),
      ...(q.cursor ? { id: { lt: q.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(toView), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}
