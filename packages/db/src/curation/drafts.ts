// Drafts: editors save changes into drafts, reviewers publish them (all or nothing) or send them back.
// Every step checks the caller's role here, where the write happens, and is recorded in the audit trail.

import type { Draft, DraftItem, DraftStatus as DraftStatusAnswer, Head, SaveResult, SaveUnchanged } from "@stancemap/core";
import {
  type AnyRecord,
  type EntityType,
  KEY_FIELDS,
  keyOf,
  labelOf,
  RECORD_SCHEMAS,
  type RecordOf,
  sameJson,
  versionToken,
} from "@stancemap/core";
import type { Db } from "../client";
import { assertMayChangeDraft } from "./draft-access";
import {
  CurationError,
  type FieldIssue,
  HasDependants,
  InvalidInput,
  NotFound,
  type Principal,
  requireRole,
  VersionConflict,
  zodIssues,
} from "./errors";
import { conflictDetails } from "./merge-base";
import { OFF_THREAD_MIN_ROWS, offThread, runOffThread } from "./off-thread";
import { categoriesInUse, publishInTx } from "./publish";
import { qualifiersInUse, qualifiersInUseMessage, unknownQualifiers } from "./qualifiers";
import { dependantsOf, readMany, readRecord, referencesOf, type Stored, type Tx, WRITE_ORDER } from "./records";
import { unknownSourceTexts, unknownTextIssue } from "./source-texts";
import { parseStoredRecord } from "./stored-json";
import { curationTx, draftLock, lockKeys, newId, recordChange, recordLock } from "./tx";

export type DraftStatus = DraftStatusAnswer;
const OPEN: DraftStatus[] = ["pending", "returned"];

export interface SaveRequest {
  type: EntityType;
  op: "upsert" | "delete";
  /** The record's key: required for updates and deletions; for creations it comes from the record. */
  key?: string;
  record?: unknown;
  /** `null` creates a record that must not exist yet; otherwise the token last read (see VersionToken). */
  expectedVersion: string | null;
  draftId?: string;
  title?: string;
}

export type DraftItemView = DraftItem;
export type DraftView = Draft;
export type { Head };

const pendingKey = (type: EntityType, key: string) => `${type}:${key}`;

/** What an editor starts from: the published record and the open draft change to it, if any. */
export async function readHead(tx: Tx, type: EntityType, key: string): Promise<Head> {
  const published = await readRecord(tx, type, key);
  const item = await tx.draftItem.findUnique({ where: { pendingKey: pendingKey(type, key) }, include: { draft: true } });
  return {
    published,
    draft: item
      ? {
          draftId: item.draftId,
          itemId: item.id,
          op: item.op as "upsert" | "delete",
          record: parseStoredRecord(type, item.payload),
          version: item.version,
          status: item.draft.status as DraftStatus,
        }
      : null,
    version: versionToken(published?.version ?? 0, item?.version ?? 0),
  };
}

export async function getHead(db: Db, type: EntityType, key: string): Promise<Head> {
  return readHead(db.prisma, type, key);
}

/** Checks that everything a record points at exists, published or in the same draft; and stance categories. */
export async function checkReferences(tx: Tx, type: EntityType, record: AnyRecord, draftId: string | null): Promise<void> {
  const issues: FieldIssue[] = [];
  // Only the draft's changes to what this record points at (and its topic): not the whole draft per record.
  const wanted = referencesOf(type, record).map((r) => pendingKey(r.type, r.key));
  if (type === "stance") wanted.push(pendingKey("topic", (record as RecordOf<"stance">).topic));
  const inDraft = draftId
    ? await tx.draftItem.findMany({
        where: { draftId, pendingKey: { in: [...new Set(wanted)] } },
        select: { entityType: true, entityId: true, op: true, payload: true },
      })
    : [];
  const drafted = (t: EntityType, k: string) => inDraft.find((i) => i.entityType === t && i.entityId === k);
  for (const ref of referencesOf(type, record)) {
    const d = drafted(ref.type, ref.key);
    if (d?.op === "delete")
      issues.push({ field: ref.path ?? ref.type, code: "deleted_in_draft", message: `${ref.type} "${ref.key}" is deleted in this draft` });
    else if (!d && !(await readRecord(tx, ref.type, ref.key)))
      issues.push({ field: ref.path ?? ref.type, code: "unknown_reference", message: `unknown ${ref.type} "${ref.key}"` });
  }
  if (type === "topic") {
    const t = record as RecordOf<"topic">;
    const keep = new Set(t.categories.map((c) => c.key));
    const used = await tx.stance.findMany({
      where: { topicId: t.slug, category: { key: { notIn: [...keep] } } },
      select: { id: true, category: { select: { key: true } } },
      orderBy: { id: "asc" },
    });
    if (used.length > 0)
      issues.push({
        field: "categories",
        code: "in_use",
        message: categoriesInUse(used),
      });
    const carried = await qualifiersInUse(tx, t);
    if (carried.length > 0) issues.push({ field: "qualifiers", code: "in_use", message: qualifiersInUseMessage(carried) });
  }
  if (type === "source") {
    const text = (record as RecordOf<"source">).text;
    if (text && (await unknownSourceTexts(tx, [text])).size > 0) issues.push(unknownTextIssue(text));
  }
  if (type === "stance") {
    const s = record as RecordOf<"stance">;
    const d = drafted("topic", s.topic);
    const topic = (d?.payload ? parseStoredRecord("topic", d.payload) : (await readRecord(tx, "topic", s.topic))?.record) as
      | RecordOf<"topic">
      | undefined;
    if (topic && !topic.categories.some((c) => c.key === s.category))
      issues.push({ field: "category", code: "not_on_scale", message: `"${s.category}" is not on the scale of ${s.topic}` });
    if (topic) issues.push(...unknownQualifiers(s, topic));
  }
  if (issues.length > 0) throw new InvalidInput(issues, issues.map((i) => i.message).join("; "));
}

/** Published dependants, less those the same draft deletes or changes so they no longer point here. */
async function stillDependent(tx: Tx, type: EntityType, key: string, draftId: string | undefined) {
  const dependants = await dependantsOf(tx, type, key);
  if (!draftId || dependants.length === 0) return dependants;
  const items = await tx.draftItem.findMany({ where: { draftId, pendingKey: { in: dependants.map((d) => pendingKey(d.type, d.key)) } } });
  return dependants.filter((d) => {
    const item = items.find((i) => i.entityType === d.type && i.entityId === d.key);
    if (!item) return true;
    if (item.op === "delete") return false;
    const record = parseStoredRecord(d.type, item.payload);
    return record ? referencesOf(d.type, record).some((r) => r.type === type && r.key === key) : true;
  });
}

function parseRecord(type: EntityType, input: unknown): AnyRecord {
  const parsed = RECORD_SCHEMAS[type].safeParse(input);
  if (!parsed.success) throw new InvalidInput(zodIssues(parsed.error));
  return parsed.data as AnyRecord;
}

async function openDraft(tx: Tx, who: Principal, draftId: string | undefined, title: string): Promise<string> {
  if (draftId) {
    const draft = await tx.draft.findUnique({ where: { id: draftId } });
    if (!draft) throw new NotFound(`no draft "${draftId}"`);
    if (!OPEN.includes(draft.status as DraftStatus))
      throw new CurationError(409, `draft "${draftId}" is ${draft.status}; it takes no more changes`);
    // Only its author (or a reviewer) adds to someone's draft.
    if (draft.authorId !== who.id) requireRole(who, "reviewer");
    return draft.id;
  }
  const id = newId("d");
  await tx.draft.create({ data: { id, title, status: "pending", authorId: who.id, authorEmail: who.email } });
  return id;
}

/** Whether a change would leave the record as the editor's base is now: the open draft's, else the published one. */
async function unchanged(tx: Tx, head: Head, op: SaveRequest["op"], record: AnyRecord | null): Promise<boolean> {
  if (head.draft) {
    const item = await tx.draftItem.findUnique({ where: { id: head.draft.itemId }, select: { baseVersion: true } });
    if ((item?.baseVersion ?? null) !== (head.published?.version ?? null)) return false;
    return op === "delete" ? head.draft.op === "delete" : head.draft.op === "upsert" && sameJson(head.draft.record, record);
  }
  return op === "upsert" && head.published !== null && sameJson(head.published.record, record);
}

/** "Uzbekistan: posture toward the Taliban government" for a stance; a record's own name otherwise. */
export async function defaultTitle(tx: Tx, type: EntityType, record: AnyRecord): Promise<string> {
  if (type === "stance" || type === "gap") {
    const r = record as RecordOf<"stance"> | RecordOf<"gap">;
    const actor = (await readRecord(tx, "actor", r.actor))?.record as RecordOf<"actor"> | undefined;
    const topic = (await readRecord(tx, "topic", r.topic))?.record as RecordOf<"topic"> | undefined;
    const title = topic?.title ?? r.topic;
    // "Posture toward …" reads as part of a phrase after the actor's name; an acronym keeps its case.
    const phrase = /^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
    return `${actor?.name ?? r.actor}: ${phrase}${type === "gap" ? " (no data)" : ""}`;
  }
  return labelOf(type, record);
}

const A_RECORD: Record<EntityType, string> = {
  actor: "An actor with the slug",
  topic: "A topic with the slug",
  source: "A source with the ID",
  stance: "A stance with the ID",
  reaction: "A reaction with the ID",
  event: "An event with the slug",
  gap: "A no-data note for this actor and topic",
};

/** "A source with the ID "x" exists already in an open draft." */
function existsMessage(type: EntityType, key: string, published: boolean): string {
  const what = type === "gap" ? A_RECORD.gap : `${A_RECORD[type]} "${key}"`;
  return `${what} exists already${published ? "" : " in an open draft"}.`;
}

/** Saves one change into a draft. Returns the draft and the record's new version token, or that nothing changed. */
export async function saveInTx(tx: Tx, who: Principal, req: SaveRequest): Promise<SaveResult | SaveUnchanged> {
  requireRole(who, "editor");
  const record = req.op === "upsert" ? parseRecord(req.type, req.record) : null;
  const key = record ? keyOf(req.type, record) : req.key;
  if (!key) throw new InvalidInput([{ field: "key", code: "required", message: "is required" }]);
  if (record && req.key && req.key !== key)
    throw new InvalidInput([
      {
        field: req.type === "gap" ? "actor" : "id" in record ? "id" : "slug",
        code: "key_changed",
        message: `cannot change the key "${req.key}"; create a new record instead`,
      },
    ]);

  await lockKeys(tx, [recordLock(req.type, key), ...(req.draftId ? [draftLock(req.draftId)] : [])]);
  let head = await readHead(tx, req.type, key);
  if (head.draft && head.draft.draftId !== req.draftId) {
    // The change goes into the draft that already holds this record: lock that draft too, and read again.
    await lockKeys(tx, [draftLock(head.draft.draftId)]);
    head = await readHead(tx, req.type, key);
  }
  if (req.expectedVersion === null) {
    if (head.published || head.draft)
      throw new VersionConflict(
        `${req.type} "${key}" already exists${head.published ? "" : " in an open draft"}`,
        { version: head.version, record: head.draft?.record ?? head.published?.record ?? null },
        undefined,
        {
          code: "exists",
          record: { type: req.type, key, where: head.published ? "published" : "draft" },
          issues: [{ field: KEY_FIELDS[req.type], code: "exists", message: existsMessage(req.type, key, head.published !== null) }],
        },
      );
  } else if (req.expectedVersion !== head.version) {
    throw new VersionConflict(
      `${req.type} "${key}" was changed by someone else since you opened it`,
      { version: head.version, record: head.draft ? head.draft.record : (head.published?.record ?? null) },
      await conflictDetails(tx, req.type, key, head, req.expectedVersion, record),
      { code: "changed", record: { type: req.type, key, where: head.draft ? "draft" : head.published ? "published" : "none" } },
    );
  }
  // Someone else's open change to this record: only its author or a reviewer may touch it.
  if (head.draft) await assertMayChangeDraft(tx, who, head.draft.draftId);
  // Saving what is there already changes nothing: no draft, no audit entry (a stale draft is still
  // saved, as that re-bases it on what is published now).
  if (req.expectedVersion !== null && (await unchanged(tx, head, req.op, record)))
    return { unchanged: true, draftId: head.draft?.draftId ?? null, version: head.version };
  if (req.op === "delete" && !head.published && !head.draft) throw new NotFound(`no ${req.type} "${key}"`);
  if (req.op === "delete" && head.published) {
    const dependants = await stillDependent(tx, req.type, key, head.draft?.draftId ?? req.draftId);
    if (dependants.length > 0)
      throw new HasDependants(
        `${labelOf(req.type, head.published.record)} is still used by ${dependants.length} record(s); change or delete those first`,
        dependants,
      );
  }
  if (head.draft && req.draftId && req.draftId !== head.draft.draftId)
    throw new CurationError(409, `${req.type} "${key}" already has an open change in draft "${head.draft.draftId}"`);

  const named = (record ?? head.draft?.record ?? head.published?.record) as AnyRecord;
  const title = req.title ?? (req.op === "delete" ? `Delete ${req.type}: ` : "") + (await defaultTitle(tx, req.type, named));
  const draftId = head.draft?.draftId ?? (await openDraft(tx, who, req.draftId, title));
  if (record) await checkReferences(tx, req.type, record, draftId);

  const before = head.draft ? head.draft.record : (head.published?.record ?? null);
  let itemId: string;
  let itemVersion: number;
  if (req.op === "delete" && !head.published && head.draft) {
    // Deleting a record that exists only in a draft: the draft stops proposing it. The item is kept
    // (marked discarded) so its version is never handed out again.
    await tx.draftItem.update({ where: { id: head.draft.itemId }, data: { op: "discard", pendingKey: null } });
    itemId = head.draft.itemId;
    itemVersion = 0;
  } else if (head.draft) {
    const item = await tx.draftItem.update({
      where: { id: head.draft.itemId },
      // The editor saw the published version in the token just checked: the change is now based on it.
      data: {
        op: req.op,
        payload: record ? JSON.stringify(record) : null,
        version: { increment: 1 },
        baseVersion: head.published?.version ?? null,
      },
    });
    itemId = item.id;
    itemVersion = item.version;
  } else {
    itemId = newId("i");
    const position = await tx.draftItem.count({ where: { draftId } });
    // Draft versions of a record never repeat, across drafts: an old token can never match a new draft.
    const last = await tx.draftItem.aggregate({ where: { entityType: req.type, entityId: key }, _max: { version: true } });
    itemVersion = (last._max.version ?? 0) + 1;
    await tx.draftItem.create({
      data: {
        id: itemId,
        draftId,
        entityType: req.type,
        entityId: key,
        op: req.op,
        payload: record ? JSON.stringify(record) : null,
        baseVersion: head.published?.version ?? null,
        pendingKey: pendingKey(req.type, key),
        position,
        version: itemVersion,
      },
    });
  }
  await tx.draft.update({ where: { id: draftId }, data: { status: "pending", version: { increment: 1 } } });
  await recordChange(tx, who, {
    action: req.op === "delete" ? "draft.delete" : "draft.save",
    entityType: req.type,
    entityId: key,
    draftId,
    before: before ? JSON.stringify({ record: before }) : null,
    // The draft version this save wrote: a later 409 against it reads its base back from here.
    after: record || itemVersion > 0 ? JSON.stringify({ record, ...(itemVersion > 0 ? { draftVersion: itemVersion } : {}) }) : null,
  });
  return { draftId, itemId, version: versionToken(head.published?.version ?? 0, itemVersion) };
}

/** Saves one change. A creation (`expectedVersion: null`) always saves; an edit may find nothing changed. */
export async function saveChange(db: Db, who: Principal | null, req: SaveRequest & { expectedVersion: null }): Promise<SaveResult>;
export async function saveChange(db: Db, who: Principal | null, req: SaveRequest): Promise<SaveResult | SaveUnchanged>;
export async function saveChange(db: Db, who: Principal | null, req: SaveRequest): Promise<SaveResult | SaveUnchanged> {
  const principal = requireRole(who, "editor");
  return curationTx(db, (tx) => saveInTx(tx, principal, req), []);
}

/** Whether a save wrote a change (rather than finding the record as it is). */
export const isSaved = (result: SaveResult | SaveUnchanged): result is SaveResult => !("unchanged" in result);

/**
 * Saves several changes into one draft in one transaction: a stance and the source it cites, created
 * in place. Any refusal and none is saved.
 */
export async function saveChangeSet(db: Db, who: Principal | null, requests: SaveRequest[]) {
  const principal = requireRole(who, "editor");
  if (requests.length === 0) throw new InvalidInput([{ field: "changes", code: "empty", message: "nothing to save" }]);
  // Every record of the set locked up front, in one sorted step (see lockKeys).
  const locks = requests.flatMap((r) => {
    const parsed = r.op === "upsert" ? RECORD_SCHEMAS[r.type].safeParse(r.record) : null;
    const key = parsed?.success ? keyOf(r.type, parsed.data as AnyRecord) : r.key;
    return [...(key ? [recordLock(r.type, key)] : []), ...(r.draftId ? [draftLock(r.draftId)] : [])];
  });
  return curationTx(
    db,
    async (tx) => {
      const saved: (SaveResult | SaveUnchanged)[] = [];
      let draftId = requests[0]?.draftId;
      // A new draft is named after the set's main record (the last), not the source created first for it.
      const main = requests.at(-1);
      const parsed = main?.op === "upsert" ? RECORD_SCHEMAS[main.type].safeParse(main.record) : null;
      const title = main?.title ?? (main && parsed?.success ? await defaultTitle(tx, main.type, parsed.data as AnyRecord) : undefined);
      for (const req of requests) {
        const result = await saveInTx(tx, principal, { ...req, draftId: req.draftId ?? draftId, title: req.title ?? title });
        draftId = result.draftId ?? draftId;
        saved.push(result);
      }
      return { draftId: draftId ?? null, saved };
    },
    locks,
  );
}

export { publishInTx };

export async function publishDraft(db: Db, who: Principal | null, draftId: string, comment?: string, expectedVersion?: number) {
  const principal = requireRole(who, "reviewer");
  // On SQLite a large draft is published in a worker thread, so the server keeps answering meanwhile.
  if (offThread(db, OFF_THREAD_MIN_ROWS) && (await db.prisma.draftItem.count({ where: { draftId } })) >= OFF_THREAD_MIN_ROWS) {
    const done = await runOffThread(db, { kind: "publish", principal, draftId, comment, expectedVersion });
    if (!("revision" in done)) throw new Error("the database write worker answered a publish with no revision");
    return done;
  }
  return curationTx(db, (tx) => publishInTx(tx, principal, draftId, comment, expectedVersion), [draftLock(draftId)]);
}

export async function returnDraft(db: Db, who: Principal | null, draftId: string, comment: string) {
  const principal = requireRole(who, "reviewer");
  return curationTx(
    db,
    async (tx) => {
      const draft = await tx.draft.findUnique({ where: { id: draftId } });
      if (!draft) throw new NotFound(`no draft "${draftId}"`);
      if (draft.status !== "pending") throw new CurationError(409, `draft "${draftId}" is ${draft.status}`);
      await tx.draft.update({
        where: { id: draftId },
        data: { status: "returned", comment, reviewerId: principal.id, version: { increment: 1 } },
      });
      await recordChange(tx, principal, { action: "draft.return", entityType: "draft", entityId: draftId, draftId, comment });
    },
    [draftLock(draftId)],
  );
}

/** The author (or a reviewer) renames an open draft. The title is not content: the draft's version stays. */
export async function renameDraft(db: Db, who: Principal | null, draftId: string, title: string, expectedVersion?: number) {
  const principal = requireRole(who, "editor");
  return curationTx(
    db,
    async (tx) => {
      const draft = await tx.draft.findUnique({ where: { id: draftId } });
      if (!draft) throw new NotFound(`no draft "${draftId}"`);
      if (draft.authorId !== principal.id) requireRole(principal, "reviewer");
      if (!OPEN.includes(draft.status as DraftStatus)) throw new CurationError(409, `draft "${draftId}" is ${draft.status}`);
      if (expectedVersion !== undefined && expectedVersion !== draft.version)
        throw new CurationError(409, `draft "${draftId}" changed since you read it (version ${draft.version}, not ${expectedVersion})`);
      if (draft.title === title) return { title, unchanged: true };
      await tx.draft.update({ where: { id: draftId }, data: { title } });
      await recordChange(tx, principal, {
        action: "draft.rename",
        entityType: "draft",
        entityId: draftId,
        draftId,
        comment: `"${draft.title}" → "${title}"`,
      });
      return { title, unchanged: false };
    },
    [draftLock(draftId)],
  );
}

/** The author (or a reviewer) abandons a draft: its changes stop being open, nothing is published. */
export async function withdrawDraft(db: Db, who: Principal | null, draftId: string) {
  const principal = requireRole(who, "editor");
  return curationTx(
    db,
    async (tx) => {
      const draft = await tx.draft.findUnique({ where: { id: draftId } });
      if (!draft) throw new NotFound(`no draft "${draftId}"`);
      if (draft.authorId !== principal.id) requireRole(principal, "reviewer");
      if (!OPEN.includes(draft.status as DraftStatus)) throw new CurationError(409, `draft "${draftId}" is ${draft.status}`);
      await tx.draftItem.updateMany({ where: { draftId }, data: { pendingKey: null } });
      await tx.draft.update({ where: { id: draftId }, data: { status: "withdrawn", version: { increment: 1 } } });
      await recordChange(tx, principal, { action: "draft.withdraw", entityType: "draft", entityId: draftId, draftId });
    },
    [draftLock(draftId)],
  );
}

type DraftWithItems = Awaited<ReturnType<Tx["draft"]["findUniqueOrThrow"]>> & { items: Awaited<ReturnType<Tx["draftItem"]["findMany"]>> };

/** Views of drafts with the published record beside each change: one query per type for all of them. */
async function viewsOf(tx: Tx, drafts: DraftWithItems[]): Promise<DraftView[]> {
  const live = new Map<string, Stored>();
  for (const type of WRITE_ORDER) {
    const keys = drafts.flatMap((d) => d.items.filter((i) => i.entityType === type && i.op !== "discard").map((i) => i.entityId));
    if (keys.length === 0) continue;
    for (const [key, stored] of await readMany(tx, type, keys)) live.set(pendingKey(type, key), stored);
  }
  return drafts.map((draft) => viewOf(draft, live));
}

function viewOf(draft: DraftWithItems, live: Map<string, Stored>): DraftView {
  const items: DraftItemView[] = [];
  for (const item of draft.items) {
    if (item.op === "discard") continue;
    const type = item.entityType as EntityType;
    const record = parseStoredRecord(type, item.payload);
    const published = live.get(pendingKey(type, item.entityId)) ?? null;
    items.push({
      id: item.id,
      type,
      key: item.entityId,
      op: item.op as "upsert" | "delete",
      label: labelOf(type, (record ?? published?.record ?? { id: item.entityId, actor: item.entityId, topic: "" }) as AnyRecord),
      record,
      published,
      baseVersion: item.baseVersion,
      version: item.version,
      stale: OPEN.includes(draft.status as DraftStatus) && (published?.version ?? null) !== item.baseVersion,
    });
  }
  return {
    id: draft.id,
    title: draft.title,
    status: draft.status as DraftStatus,
    authorId: draft.authorId,
    authorEmail: draft.authorEmail,
    comment: draft.comment,
    createdAt: draft.createdAt.toISOString(),
    updatedAt: draft.updatedAt.toISOString(),
    publishedAt: draft.publishedAt?.toISOString() ?? null,
    version: draft.version,
    items,
  };
}

export async function getDraft(db: Db, who: Principal | null, draftId: string): Promise<DraftView> {
  requireRole(who, "editor");
  const draft = await db.prisma.draft.findUnique({ where: { id: draftId }, include: { items: { orderBy: { position: "asc" } } } });
  if (!draft) throw new NotFound(`no draft "${draftId}"`);
  return (await viewsOf(db.prisma, [draft]))[0] as DraftView;
}

export async function listDrafts(
  db: Db,
  who: Principal | null,
  filter: { status?: DraftStatus[]; author?: string } = {},
): Promise<DraftView[]> {
  requireRole(who, "editor");
  const drafts = await db.prisma.draft.findMany({
    where: { status: { in: filter.status ?? OPEN }, ...(filter.author ? { authorId: filter.author } : {}) },
    include: { items: { orderBy: { position: "asc" } } },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
  return viewsOf(db.prisma, drafts);
}

/** Every open change, for previewing the dashboard with drafts applied. */
export async function openChanges(db: Db): Promise<{ type: EntityType; key: string; op: "upsert" | "delete"; record: AnyRecord | null }[]> {
  const items = await db.prisma.draftItem.findMany({
    where: { pendingKey: { not: null } },
    orderBy: [{ draftId: "asc" }, { position: "asc" }],
  });
  return items.map((i) => ({
    type: i.entityType as EntityType,
    key: i.entityId,
    op: i.op as "upsert" | "delete",
    record: parseStoredRecord(i.entityType, i.payload),
  }));
}
