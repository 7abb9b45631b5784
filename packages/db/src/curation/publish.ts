// Publishing a draft: all its changes become the published data in one transaction, or none do. Its
// cost grows with the draft's size, not its square: records, versions and references are read a few
// hundred keys per query, new records are inserted many per statement, audit rows likewise.
import { type AnyRecord, countsFrom, type EntityType, noteHoldsOn, type RecordOf, versionToken } from "@stancemap/core";
import { bumpRevision } from "../revision";
import { insertRows } from "./bulk-insert";
import {
  CurationError,
  type FieldIssue,
  HasDependants,
  InvalidInput,
  NotFound,
  type Principal,
  requireRole,
  VersionConflict,
} from "./errors";
import { qualifiersInUse, qualifiersInUseMessage, unknownQualifiers } from "./qualifiers";
import {
  chunks,
  createRecords,
  dependantsOf,
  existingKeys,
  readMany,
  referencesOf,
  removeRecord,
  type Stored,
  type Tx,
  WRITE_ORDER,
  writeRecords,
} from "./records";
import { parseStoredRecord } from "./stored-json";
import { draftLock, lockKeys, recordChange, recordLock, snapshot } from "./tx";

interface Item {
  entityType: string;
  entityId: string;
  op: string;
  payload: string | null;
  baseVersion: number | null;
  version: number;
}

const parsePayload = (item: { entityType: string; payload: string | null }) => parseStoredRecord(item.entityType, item.payload);
const id = (type: string, key: string) => `${type}:${key}`;

export function sortForPublish<T extends { entityType: string; op: string }>(items: T[]): T[] {
  const rank = (i: T) => {
    const at = WRITE_ORDER.indexOf(i.entityType as EntityType);
    // Writes in dependency order, then deletions in reverse, so nothing is left pointing at a deleted record.
    return i.op === "delete" ? 100 + (WRITE_ORDER.length - at) : at;
  };
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/** Every lock a publish of these items needs: the draft, its records, what they point at, gaps a stance replaces. */
function locksFor(draftId: string, items: Item[]): string[] {
  const locks = [draftLock(draftId)];
  for (const item of items) {
    locks.push(recordLock(item.entityType, item.entityId));
    const record = parsePayload(item);
    if (!record) continue;
    for (const ref of referencesOf(item.entityType as EntityType, record)) locks.push(recordLock(ref.type, ref.key));
    if (item.entityType === "stance") {
      const s = record as RecordOf<"stance">;
      locks.push(recordLock("gap", `${s.actor}~${s.topic}`));
    }
  }
  return locks;
}

/** Per type, the published records the items change. */
async function liveRecords(tx: Tx, items: Item[]): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>();
  for (const type of WRITE_ORDER) {
    const keys = items.filter((i) => i.entityType === type).map((i) => i.entityId);
    if (keys.length === 0) continue;
    for (const [key, stored] of await readMany(tx, type, keys)) out.set(id(type, key), stored);
  }
  return out;
}

/** The last version each record ever had, for records not published now (deleted ones keep counting). */
async function lastVersions(tx: Tx, refs: { type: string; key: string }[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const type of WRITE_ORDER) {
    const keys = refs.filter((r) => r.type === type).map((r) => r.key);
    for (const part of chunks(keys)) {
      const rows = await tx.change.groupBy({
        by: ["entityId"],
        where: { entityType: type, entityId: { in: part }, recordVersion: { not: null } },
        _max: { recordVersion: true },
      });
      for (const r of rows) out.set(id(type, r.entityId), r._max.recordVersion ?? 0);
    }
  }
  return out;
}

/**
 * Checks the state the draft leaves, before writing it: everything a record points at exists (published
 * and not deleted by the draft, or written by it), stances use categories on their topic's scale, and a
 * topic drops no category a remaining stance still uses.
 */
async function checkFinalState(tx: Tx, upserts: Map<string, { type: EntityType; key: string; record: AnyRecord }>, deleted: Set<string>) {
  const issues: FieldIssue[] = [];
  const wanted = new Map<EntityType, Set<string>>();
  for (const u of upserts.values())
    for (const ref of referencesOf(u.type, u.record)) {
      if (upserts.has(id(ref.type, ref.key))) continue;
      const set = wanted.get(ref.type) ?? new Set<string>();
      set.add(ref.key);
      wanted.set(ref.type, set);
    }
  const existing = new Map<EntityType, Set<string>>();
  for (const [type, keys] of wanted) existing.set(type, await existingKeys(tx, type, keys));
  const topicKeys = new Set<string>();
  for (const u of upserts.values())
    if (u.type === "stance" && !upserts.has(id("topic", (u.record as RecordOf<"stance">).topic)))
      topicKeys.add((u.record as RecordOf<"stance">).topic);
  const publishedTopics = await readMany(tx, "topic", topicKeys);
  const topicOf = (slug: string) =>
    (upserts.get(id("topic", slug))?.record ?? publishedTopics.get(slug)?.record) as RecordOf<"topic"> | undefined;

  for (const u of upserts.values()) {
    for (const ref of referencesOf(u.type, u.record)) {
      const ok = upserts.has(id(ref.type, ref.key)) || (existing.get(ref.type)?.has(ref.key) && !deleted.has(id(ref.type, ref.key)));
      if (ok) continue;
      issues.push({
        field: ref.path ?? ref.type,
        code: deleted.has(id(ref.type, ref.key)) ? "deleted_in_draft" : "unknown_reference",
        message: deleted.has(id(ref.type, ref.key))
          ? `${ref.type} "${ref.key}" is deleted in this draft`
          : `unknown ${ref.type} "${ref.key}"`,
      });
    }
    if (u.type === "stance") {
      const s = u.record as RecordOf<"stance">;
      const topic = topicOf(s.topic);
      if (topic && !topic.categories.some((c) => c.key === s.category))
        issues.push({ field: "category", code: "not_on_scale", message: `"${s.category}" is not on the scale of ${s.topic}` });
      if (topic) issues.push(...unknownQualifiers(s, topic));
    }
    if (u.type === "topic") {
      const t = u.record as RecordOf<"topic">;
      const keep = new Set(t.categories.map((c) => c.key));
      const used = (
        await tx.stance.findMany({
          where: { topicId: t.slug, category: { key: { notIn: [...keep] } } },
          select: { id: true, category: { select: { key: true } } },
          orderBy: { id: "asc" },
        })
      ).filter((row) => {
        // A stance the draft deletes, or moves to a kept category, no longer uses it.
        if (deleted.has(id("stance", row.id))) return false;
        const changed = upserts.get(id("stance", row.id))?.record as RecordOf<"stance"> | undefined;
        return !changed || (changed.topic === t.slug && !keep.has(changed.category));
      });
      if (used.length > 0)
        issues.push({
          field: "categories",
          code: "in_use",
          message: categoriesInUse(used),
        });
      const carried = (await qualifiersInUse(tx, t)).filter((row) => {
        // A stance the draft deletes, or changes to carry only kept qualifiers, no longer uses them.
        if (deleted.has(id("stance", row.id))) return false;
        const changed = upserts.get(id("stance", row.id))?.record as RecordOf<"stance"> | undefined;
        return !changed || (changed.topic === t.slug && unknownQualifiers(changed, t).length > 0);
      });
      if (carried.length > 0) issues.push({ field: "qualifiers", code: "in_use", message: qualifiersInUseMessage(carried) });
    }
  }
  if (issues.length > 0) throw new InvalidInput(issues, issues.map((i) => i.message).join("; "));
}

/** Why a topic cannot drop categories: which, and (up to five of) the stances that use them. */
export function categoriesInUse(used: { id: string; category: { key: string } }[]): string {
  const keys = [...new Set(used.map((u) => u.category.key))].join(", ");
  const ids = used.slice(0, 5).map((u) => u.id);
  return `categories still used by published stances cannot be removed: ${keys} (${ids.join(", ")}${used.length > 5 ? ", …" : ""})`;
}

/** Applies an open draft to the published data, in the caller's transaction. */
export async function publishInTx(
  tx: Tx,
  who: Principal,
  draftId: string,
  comment?: string,
  expectedVersion?: number,
): Promise<{ revision: number }> {
  requireRole(who, "reviewer");
  const readDraft = () => tx.draft.findUnique({ where: { id: draftId }, include: { items: { orderBy: { position: "asc" } } } });
  let draft = await readDraft();
  if (!draft) throw new NotFound(`no draft "${draftId}"`);
  // Lock what the draft touches, then read it again: a change saved meanwhile is seen (and locked) too.
  await lockKeys(tx, locksFor(draftId, draft.items));
  draft = await readDraft();
  if (!draft) throw new NotFound(`no draft "${draftId}"`);
  await lockKeys(tx, locksFor(draftId, draft.items));
  if (draft.status !== "pending") throw new CurationError(409, `draft "${draftId}" is ${draft.status}; only pending drafts are published`);
  // The reviewer publishes what they reviewed: a change saved into the draft since then is refused.
  if (expectedVersion !== undefined && expectedVersion !== draft.version)
    throw new CurationError(
      409,
      `draft "${draftId}" changed since you opened it (version ${draft.version}, not ${expectedVersion}); review it again`,
    );
  const items = sortForPublish(draft.items.filter((i) => i.op !== "discard"));
  if (items.length === 0) throw new CurationError(409, "the draft has no changes");

  const live = await liveRecords(tx, items);
  for (const item of items) {
    const current = live.get(id(item.entityType, item.entityId));
    if ((current?.version ?? null) !== item.baseVersion)
      throw new VersionConflict(
        `${item.entityType} "${item.entityId}" was published by someone else after this draft began; reopen and merge it`,
        { version: versionToken(current?.version ?? 0, item.version), record: current?.record ?? null },
        undefined,
        { code: "changed", record: { type: item.entityType as EntityType, key: item.entityId, where: current ? "published" : "none" } },
      );
  }
  const last = await lastVersions(
    tx,
    items.filter((i) => !live.has(id(i.entityType, i.entityId))).map((i) => ({ type: i.entityType, key: i.entityId })),
  );
  const versionOf = (i: Item) => {
    const current = live.get(id(i.entityType, i.entityId));
    return current ? current.version + 1 : (last.get(id(i.entityType, i.entityId)) ?? 0) + 1;
  };

  const upserts = new Map<string, { type: EntityType; key: string; record: AnyRecord }>();
  const deleted = new Set<string>();
  for (const item of items) {
    const type = item.entityType as EntityType;
    const record = parsePayload(item);
    if (item.op === "delete") deleted.add(id(type, item.entityId));
    else if (record) upserts.set(id(type, item.entityId), { type, key: item.entityId, record });
  }
  await checkFinalState(tx, upserts, deleted);

  // Deletions: refused while a published record still points here, unless this draft changes that one too.
  for (const item of items) {
    if (item.op !== "delete" || !live.has(id(item.entityType, item.entityId))) continue;
    const dependants = (await dependantsOf(tx, item.entityType as EntityType, item.entityId)).filter((d) => {
      if (deleted.has(id(d.type, d.key))) return false;
      const changed = upserts.get(id(d.type, d.key));
      return !changed || referencesOf(d.type, changed.record).some((r) => r.type === item.entityType && r.key === item.entityId);
    });
    if (dependants.length > 0) throw new HasDependants(`${item.entityType} "${item.entityId}" is still used`, dependants);
  }

  for (const type of WRITE_ORDER) {
    const mine = items.filter((i) => i.entityType === type && i.op !== "delete" && i.payload);
    const fresh = mine.filter((i) => !live.has(id(type, i.entityId)));
    const changed = mine.filter((i) => live.has(id(type, i.entityId)));
    const asWrite = (i: Item) => ({ record: parsePayload(i) as AnyRecord, version: versionOf(i) });
    // All at once, not in parts: an actor's affiliation or a source's citing source may be anywhere in the list.
    await createRecords(tx, type, fresh.map(asWrite));
    if (changed.length > 0) await writeRecords(tx, type, changed.map(asWrite));
  }
  for (const item of items) {
    if (item.op === "delete" && live.has(id(item.entityType, item.entityId)))
      await removeRecord(tx, item.entityType as EntityType, item.entityId);
  }
  // The revision first, so every audit row of this publish carries it (publishedAt rebuilds from them).
  const revision = await bumpRevision(tx);
  const changes = items.map((item) => {
    const version = versionOf(item);
    const record = item.op === "delete" ? null : parsePayload(item);
    return {
      userId: who.id,
      userEmail: who.email,
      action: "publish",
      entityType: item.entityType,
      entityId: item.entityId,
      draftId,
      recordVersion: version,
      before: snapshot(live.get(id(item.entityType, item.entityId)) ?? null),
      after: JSON.stringify({ version, record }),
      comment: comment ?? null,
      datasetRevision: revision,
    };
  });
  // A sourced stance replaces an explicit "no data" note for the same actor and topic, when the note would
  // hold on the day the stance starts to count; a note for a period that ends by then stays beside it.
  const gapKeys = [...upserts.values()]
    .filter((u) => u.type === "stance")
    .map((u) => `${(u.record as RecordOf<"stance">).actor}~${(u.record as RecordOf<"stance">).topic}`);
  const gaps = await readMany(tx, "gap", gapKeys);
  for (const u of upserts.values()) {
    if (u.type !== "stance") continue;
    const s = u.record as RecordOf<"stance">;
    const key = `${s.actor}~${s.topic}`;
    const gap = gaps.get(key);
    if (!gap || !noteHoldsOn(gap.record as RecordOf<"gap">, countsFrom(s))) continue;
    gaps.delete(key);
    await removeRecord(tx, "gap", key);
    changes.push({
      userId: who.id,
      userEmail: who.email,
      action: "publish",
      entityType: "gap",
      entityId: key,
      draftId,
      recordVersion: gap.version + 1,
      before: snapshot(gap),
      after: JSON.stringify({ version: gap.version + 1, record: null }),
      comment: `replaced by stance ${s.id}`,
      datasetRevision: revision,
    });
  }
  await insertRows(tx, "Change", changes, ["at"]);
  await tx.draftItem.updateMany({ where: { draftId }, data: { pendingKey: null } });
  await tx.draft.update({
    where: { id: draftId },
    data: {
      status: "published",
      reviewerId: who.id,
      publishedAt: new Date(),
      comment: comment ?? draft.comment,
      version: { increment: 1 },
    },
  });
  await recordChange(tx, who, {
    action: "draft.publish",
    entityType: "draft",
    entityId: draftId,
    draftId,
    comment,
    datasetRevision: revision,
  });
  return { revision };
}
