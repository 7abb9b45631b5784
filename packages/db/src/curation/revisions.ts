// Earlier states of a record, read back from the audit trail: the published revisions (history,
// revert) and the draft versions an editor started from (the base of a three-way merge).
import type { AnyRecord, Revision } from "@stancemap/core";
import type { Db } from "../client";
import { upgradeStored } from "./stored-json";

export type ChangeRow = Awaited<ReturnType<Db["prisma"]["change"]["findMany"]>>[number];

/**
 * A snapshot of an audit row, its record in today's form (see stored-json.ts). `version` is the
 * published version; `draftVersion` the draft item's version a draft save wrote (recorded since
 * three-way merges; older rows have none).
 */
export function parseSnapshot(
  row: ChangeRow,
  side: "before" | "after",
): { version?: number; draftVersion?: number; record: AnyRecord | null } | null {
  const json = row[side];
  if (!json) return null;
  const snap = JSON.parse(json) as { version?: number; draftVersion?: number; record: AnyRecord | null };
  return snap.record ? { ...snap, record: upgradeStored(row.entityType, snap.record) } : snap;
}

/** Published revisions from the changes that wrote them; the state before the first recorded write is kept too. */
export function revisionsOf(rows: ChangeRow[]): Revision[] {
  const byVersion = new Map<number, Revision>();
  for (const row of rows) {
    if (row.recordVersion == null) continue;
    const before = parseSnapshot(row, "before");
    if (before?.version != null && !byVersion.has(before.version))
      byVersion.set(before.version, { version: before.version, record: before.record, at: null, by: null, action: "before history" });
    if (!before && !byVersion.has(0)) byVersion.set(0, { version: 0, record: null, at: null, by: null, action: "did not exist" });
    byVersion.set(row.recordVersion, {
      version: row.recordVersion,
      record: parseSnapshot(row, "after")?.record ?? null,
      at: row.at.toISOString(),
      by: row.userEmail,
      action: row.action,
    });
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}
