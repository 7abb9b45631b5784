// A record's history (every recorded step, and its published revisions to diff and restore) and the
// global audit log.
import {
  type AuditPage,
  type AuditQuery,
  type Change,
  type EntityType,
  type RecordHistory,
  type RevertResult,
  type Revision,
  roleAtLeast,
} from "@stancemap/core";
import type { Db } from "../client";
import { bumpRevision } from "../revision";
import { checkReferences, readHead } from "./drafts";
import { CurationError, HasDependants, NotFound, type Principal, requireRole, VersionConflict } from "./errors";
import { dependantsOf, readRecord, referencesOf, removeRecord, writeRecords } from "./records";
import { parseSnapshot as parse, type ChangeRow as Row, revisionsOf } from "./revisions";
import { curationTx, lockKeys, recordChange, recordLock, snapshot } from "./tx";

export type ChangeView = Change;
export type { Revision };

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
    before: parse(row, "before")?.record ?? null,
    after: parse(row, "after")?.record ?? null,
    comment: row.comment,
  };
}

export type { RecordHistory };

export async function recordHistory(db: Db, who: Principal | null, type: EntityType, key: string): Promise<RecordHistory> {
  const reader = requireRole(who, "editor");
  const rows = await db.prisma.change.findMany({ where: { entityType: type, entityId: key }, orderBy: { id: "asc" } });
  const head = await readHead(db.prisma, type, key);
  if (rows.length === 0 && !head.published && !head.draft) throw new NotFound(`no ${type} "${key}"`);
  const revisions = revisionsOf(rows);
  // A record never changed since it was loaded has one revision: what is published now.
  if (head.published && !revisions.some((r) => r.version === head.published?.version))
    revisions.push({ version: head.published.version, record: head.published.record, at: null, by: null, action: "as loaded" });
  const sorted = revisions.sort((a, b) => a.version - b.version);
  const views = rows.map(toView).reverse();
  if (roleAtLeast(reader.role, "admin")) return { type, key, head, changes: views, revisions: sorted };
  // As in the audit log: other people by name, not by email or id.
  const changes = await redactAccounts(db, reader, views);
  const shown = new Map(views.map((v, i) => [v.userEmail, changes[i]?.userEmail ?? null]));
  return { type, key, head, changes, revisions: sorted.map((r) => (r.by ? { ...r, by: shown.get(r.by) ?? null } : r)) };
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
  return curationTx(
    db,
    async (tx) => {
      const rows = await tx.change.findMany({ where: { entityType: type, entityId: key }, orderBy: { id: "asc" } });
      const live = await readRecord(tx, type, key);
      // A record with no history and nothing published never existed: nothing to revert, nothing written.
      if (!live && rows.length === 0) throw new NotFound(`no ${type} "${key}"`);
      const current = live?.version ?? Math.max(0, ...rows.map((r) => r.recordVersion ?? 0));
      if (body.expectedVersion !== current)
        throw new VersionConflict(
          `${type} "${key}" is at version ${current} now, not ${body.expectedVersion}`,
          {
            version: `${current}.0`,
            record: live?.record ?? null,
          },
          undefined,
          { code: "changed", record: { type, key, where: live ? "published" : "none" } },
        );
      const target = revisionsOf(rows).find((r) => r.version === body.revision) ?? (body.revision === 0 ? { record: null } : null);
      if (!target) throw new NotFound(`${type} "${key}" has no revision ${body.revision}`);
      if (!target.record && !live) throw new CurationError(409, `${type} "${key}" does not exist now; there is nothing to take back`);
      const version = current + 1;
      // What the revision cites may have gone since (a deleted source, a removed category): refuse, not fail.
      if (target.record)
        await lockKeys(
          tx,
          referencesOf(type, target.record).map((r) => recordLock(r.type, r.key)),
        );
      if (target.record) await checkReferences(tx, type, target.record, null);
      if (target.record) {
        await writeRecords(tx, type, [{ record: target.record, version }]);
      } else if (live) {
        const dependants = await dependantsOf(tx, type, key);
        if (dependants.length > 0)
          throw new HasDependants(`${type} "${key}" is still used; it cannot be taken back to not existing`, dependants);
        await removeRecord(tx, type, key);
      }
      const revision = await bumpRevision(tx);
      await recordChange(tx, principal, {
        action: "revert",
        entityType: type,
        entityId: key,
        recordVersion: version,
        before: snapshot(live),
        after: JSON.stringify({ version, record: target.record }),
        comment: body.comment ?? `restored revision ${body.revision}`,
        datasetRevision: revision,
      });
      return { version, revision };
    },
    [recordLock(type, key)],
  );
}

export type { AuditPage };

export async function auditLog(db: Db, who: Principal | null, q: AuditQuery): Promise<AuditPage> {
  const reader = requireRole(who, "editor");
  const admin = roleAtLeast(reader.role, "admin");
  const rows = await db.prisma.change.findMany({
    where: {
      ...(q.user ? { OR: [{ userId: q.user }, { userEmail: q.user }] } : {}),
      ...(q.type ? { entityType: q.type } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.from || q.to
        ? {
            at: {
              ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
              // The whole of the last day, without stepping past 9999-12-31 (no date after it can be stored).
              ...(q.to ? { lte: new Date(`${q.to}T23:59:59.999Z`) } : {}),
            },
          }
        : {}),
      ...(q.cursor ? { id: { lt: q.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const nextCursor = rows.length > q.limit ? (page.at(-1)?.id ?? null) : null;
  if (admin) return { data: page.map(toView), nextCursor };
  return { data: await redactAccounts(db, reader, page.map(toView)), nextCursor };
}

/**
 * What a non-admin needs of the log: what changed and by whom, by name. Other accounts' ids, emails and
 * roles, changes to other accounts and every token row are left out (account management is the admins').
 * For non-admins `userEmail` names the person by their display name unless it is the reader.
 */
async function redactAccounts(db: Db, reader: Principal, views: ChangeView[]): Promise<ChangeView[]> {
  const ids = [...new Set(views.flatMap((v) => (v.userId && v.userId !== reader.id ? [v.userId] : [])))];
  const names = new Map(
    (await db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return views.flatMap((v) => {
    if (v.entityType === "token") return [];
    if (v.entityType === "user" && v.entityId !== reader.id) return [];
    if (!v.userId || v.userId === reader.id) return [v];
    return [{ ...v, userId: null, userEmail: names.get(v.userId) ?? "another user" }];
  });
}

/** People's names by account id, for pages that would otherwise show ids (`u_…`). Editors and up. */
export async function userNames(db: Db, who: Principal | null, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  requireRole(who, "editor");
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string" && id.length > 0))];
  if (wanted.length === 0) return new Map();
  const users = await db.prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
