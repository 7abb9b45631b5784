// A new version of the dataset files comes in as a draft for review, never straight over published data:
// what the files changed since they were last taken in becomes one draft (through the importer, so it is
// audited like any save); records nobody edited since may be applied directly on request (audited too);
// editors' changes, deletions and records the files no longer hold are reported, never overwritten.
import { type AnyRecord, type Dataset, type EntityType, keyOf, noteHoldsOn, type RecordOf } from "@stancemap/core";
import type { Db } from "./client";
import { checkReferences, type ImportResult, importRecords, type Principal } from "./curation";
import { readAll, readRecord, referencesOf, WRITE_ORDER, writeRecords } from "./curation/records";
import { putSourceTexts } from "./curation/source-texts";
import { curationTx, snapshot } from "./curation/tx";
import { loadSourceTexts } from "./dataset";
import { bumpRevision } from "./revision";
import {
  baseOf,
  datasetFingerprint,
  LOAD_FORM,
  LOAD_SETTING,
  type LoadRecord,
  pairWithPublished,
  readLoadRecord,
  recordHash,
  recordId,
} from "./seed";
import { stableJson } from "./stable-json";

/** Who a proposal is by when no admin is named: the dataset files themselves. */
export const DATASET_PRINCIPAL: Principal = { id: "system:dataset", email: "system", name: "Dataset files", role: "editor" };

export interface ProposeItem {
  type: EntityType;
  key: string;
  reason: string;
}

export interface ProposeOptions {
  who?: Principal;
  /** Apply changes to records nobody edited since the files were last taken in, instead of drafting them. */
  applyUnedited?: boolean;
  /** Also draft records that both the files and an editor changed (the reviewer sees the editor's version as published). */
  includeConflicts?: boolean;
  dryRun?: boolean;
  /** The documents the sources' `text` names, by source id (default: the shipped `texts/` files). */
  texts?: ReadonlyMap<string, string>;
}

export interface ProposeResult {
  hash: string;
  draftId: string | null;
  /** Records put into the draft. */
  drafted: ProposeItem[];
  /** Records written directly (applyUnedited). */
  applied: ProposeItem[];
  /** Changed by both the files and an editor, or with an open draft: left alone unless includeConflicts. */
  conflicts: ProposeItem[];
  /** Changed in the database only (the files did not change them), or waiting in an open draft: kept. */
  kept: ProposeItem[];
  /** In the files but deleted in the database (e.g. a no-data note a published stance replaced): not re-created. */
  notRecreated: ProposeItem[];
  /** Published but not in the files: never deleted by this command. */
  notInFiles: ProposeItem[];
  /** The importer's answer when it refused rows (then nothing was drafted and the files were not recorded as taken in). */
  rejected: ImportResult["rows"];
  revision: number | null;
}

interface Plan {
  load: LoadRecord | null;
  print: { hash: string; records: Record<string, string> };
  draft: { type: EntityType; key: string; record: AnyRecord; reason: string }[];
  direct: { type: EntityType; key: string; record: AnyRecord; stored: string }[];
  conflicts: ProposeItem[];
  kept: ProposeItem[];
  notRecreated: ProposeItem[];
  notInFiles: ProposeItem[];
}

/** The last published write of each record, by type:key: who made it (a system dataset step or a person). */
async function lastWrites(db: Db): Promise<Map<string, string>> {
  const rows = await db.prisma.change.findMany({
    where: { recordVersion: { not: null } },
    select: { entityType: true, entityId: true, action: true },
    orderBy: { id: "asc" },
  });
  return new Map(rows.map((r) => [recordId(r.entityType as EntityType, r.entityId), r.action]));
}

async function plan(db: Db, dataset: Dataset, opts: ProposeOptions): Promise<Plan> {
  const tx = db.prisma;
  const stored = await readLoadRecord(tx);
  const print = datasetFingerprint(dataset);
  // In today's form, whichever release wrote it (see baseOf).
  const load = stored && { ...stored, ...baseOf(stored, dataset), form: LOAD_FORM };
  const base = load?.records ?? {};
  const written = await lastWrites(db);
  const open = new Map(
    (
      await tx.draftItem.findMany({ where: { pendingKey: { not: null } }, select: { entityType: true, entityId: true, draftId: true } })
    ).map((i) => [recordId(i.entityType as EntityType, i.entityId), i.draftId]),
  );
  const out: Plan = { load, print, draft: [], direct: [], conflicts: [], kept: [], notRecreated: [], notInFiles: [] };
  for (const type of WRITE_ORDER) {
    const pairs = await pairWithPublished(tx, dataset, type);
    const inFiles = new Set(pairs.map((p) => p.key));
    for (const s of await readAll(tx, type)) {
      const key = keyOf(type, s.record);
      if (!inFiles.has(key))
        out.notInFiles.push({
          type,
          key,
          reason: base[recordId(type, key)] ? "removed from the files; kept (delete it by hand if meant)" : "added in the database",
        });
    }
    for (const { key, record, stored } of pairs) {
      const id = recordId(type, key);
      if (stored && stableJson(stored.record) === stableJson(record)) continue;
      const filesChanged = base[id] === undefined || base[id] !== recordHash(record);
      const lastBy = written.get(id);
      // Edited since the files were taken in: the last published write was a person's (publish, revert), not a dataset step.
      const edited = lastBy !== undefined && !lastBy.startsWith("dataset.");
      if (open.has(id)) {
        (filesChanged ? out.conflicts : out.kept).push({ type, key, reason: `has an open change in draft ${open.get(id)}` });
        continue;
      }
      if (!filesChanged) {
        if (stored) out.kept.push({ type, key, reason: "changed in the database" });
        else out.notRecreated.push({ type, key, reason: lastBy ? "deleted in the database" : "never published: its draft was not taken" });
        continue;
      }
      if (!stored) {
        // A note that would hold when one of the actor's published stances starts was replaced by it (see publish.ts).
        const replaced =
          type === "gap" &&
          (
            await tx.stance.findMany({
              where: { actor: { slug: (record as RecordOf<"gap">).actor }, topic: { slug: (record as RecordOf<"gap">).topic } },
              select: { countsFrom: true },
            })
          ).some((st) => noteHoldsOn(record as RecordOf<"gap">, st.countsFrom));
        if (lastBy !== undefined || replaced)
          out.notRecreated.push({ type, key, reason: replaced ? "replaced by a stance" : "deleted in the database" });
        else out.draft.push({ type, key, record: record as AnyRecord, reason: "new in the files" });
        continue;
      }
      if (edited) {
        const reason = load
          ? "changed by the files and by an editor"
          : "edited in the database; which files it was loaded from is not recorded";
        out.conflicts.push({ type, key, reason });
        if (opts.includeConflicts) out.draft.push({ type, key, record: record as AnyRecord, reason });
        continue;
      }
      if (opts.applyUnedited) out.direct.push({ type, key, record: record as AnyRecord, stored: stableJson(stored.record) });
      else out.draft.push({ type, key, record: record as AnyRecord, reason: "changed in the files" });
    }
  }
  // A direct write may only point at what is published now; anything citing a record the draft creates waits in the draft.
  const drafted = new Set(out.draft.map((d) => recordId(d.type, d.key)));
  const waits = (d: Plan["direct"][number]) =>
    referencesOf(d.type, d.record).some((r) => drafted.has(recordId(r.type, r.key))) ||
    (d.type === "stance" && drafted.has(recordId("topic", (d.record as RecordOf<"stance">).topic)));
  for (const d of out.direct.filter(waits))
    out.draft.push({ type: d.type, key: d.key, record: d.record, reason: "changed in the files; cites a drafted record" });
  out.direct = out.direct.filter((d) => !waits(d));
  return out;
}

async function applyDirect(db: Db, who: Principal, p: Plan): Promise<{ applied: ProposeItem[]; revision: number | null }> {
  if (p.direct.length === 0) return { applied: [], revision: null };
  return curationTx(db, async (tx) => {
    const applied: ProposeItem[] = [];
    const rows: number[] = [];
    for (const d of p.direct) {
      const live = await readRecord(tx, d.type, d.key);
      // Someone published a change since the plan was read: it is theirs now, leave it.
      if (!live || stableJson(live.record) !== d.stored) continue;
      const version = live.version + 1;
      await writeRecords(tx, d.type, [{ record: d.record, version }]);
      const row = await tx.change.create({
        select: { id: true },
        data: {
          userId: who.id,
          userEmail: who.email,
          action: "dataset.apply",
          entityType: d.type,
          entityId: d.key,
          recordVersion: version,
          before: snapshot(live),
          after: JSON.stringify({ version, record: d.record }),
          comment: `dataset files ${p.print.hash.slice(0, 12)}: unedited since the files were taken in`,
        },
      });
      rows.push(row.id);
      applied.push({ type: d.type, key: d.key, reason: "unedited; applied" });
    }
    for (const d of p.direct) await checkReferences(tx, d.type, d.record, null);
    if (applied.length === 0) return { applied, revision: null };
    // Each audit row carries the revision it was published in (publishedAt rebuilds from them).
    const revision = await bumpRevision(tx);
    await tx.change.updateMany({ where: { id: { in: rows } }, data: { datasetRevision: revision } });
    return { applied, revision };
  });
}

/** Records the files as taken in: what was drafted or applied now counts as the files' version. */
async function recordTakenIn(db: Db, who: Principal, p: Plan, result: ProposeResult): Promise<void> {
  const skipped = new Set(
    [...p.conflicts, ...p.notRecreated]
      .filter((c) => !result.drafted.some((d) => d.type === c.type && d.key === c.key))
      .map((c) => recordId(c.type, c.key)),
  );
  const records: Record<string, string> = {};
  for (const [id, hash] of Object.entries(p.print.records)) {
    // Records left alone keep their old base, so the files' change to them is reported again next time.
    const old = p.load?.records[id];
    // A database loaded before load records were kept adopts the files as they are now as its base.
    if (!skipped.has(id) || !p.load) records[id] = hash;
    else if (old !== undefined) records[id] = old;
  }
  const value: LoadRecord = {
    hash: p.print.hash,
    form: LOAD_FORM,
    at: new Date().toISOString(),
    via: "propose",
    records,
    draftId: result.draftId,
  };
  await curationTx(db, async (tx) => {
    await tx.setting.upsert({
      where: { key: LOAD_SETTING },
      create: { key: LOAD_SETTING, value: JSON.stringify(value) },
      update: { value: JSON.stringify(value) },
    });
    await tx.change.create({
      data: {
        userId: who.id,
        userEmail: who.email,
        action: "dataset.propose",
        entityType: "dataset",
        entityId: p.print.hash.slice(0, 12),
        draftId: result.draftId,
        comment: `dataset files taken in: ${result.drafted.length} drafted, ${result.applied.length} applied, ${result.conflicts.length} conflicts left alone, ${result.notInFiles.length} not in the files (kept)`,
      },
    });
  });
}

export async function proposeDataset(db: Db, dataset: Dataset, opts: ProposeOptions = {}): Promise<ProposeResult> {
  const who = opts.who ?? DATASET_PRINCIPAL;
  const p = await plan(db, dataset, opts);
  const result: ProposeResult = {
    hash: p.print.hash,
    draftId: null,
    drafted: p.draft.map(({ type, key, reason }) => ({ type, key, reason })),
    applied: [],
    conflicts: p.conflicts,
    kept: p.kept,
    notRecreated: p.notRecreated,
    notInFiles: p.notInFiles,
    rejected: [],
    revision: null,
  };
  if (opts.dryRun) {
    result.applied = p.direct.map((d) => ({ type: d.type, key: d.key, reason: "unedited; would be applied" }));
    return result;
  }
  // Texts are stored by content and inert until a published source names one: stored first, so the
  // sources that name them pass the importer's check.
  await putSourceTexts(db.prisma, [...(opts.texts ?? loadSourceTexts(dataset)).values()]);
  if (p.draft.length > 0) {
    // Checked by the importer first: a refused row and nothing at all is written.
    const rows = p.draft.map((d) => ({ row: `${d.type} ${d.key}`, type: d.type, record: d.record as unknown }));
    const check = await importRecords(db, who, { rows }, { dryRun: true, publish: false });
    if (check.counts.rejected > 0) return { ...result, rejected: check.rows.filter((r) => r.outcome === "rejected") };
  }
  const direct = await applyDirect(db, who, p);
  result.applied = direct.applied;
  result.revision = direct.revision;
  if (p.draft.length > 0) {
    const rows = p.draft.map((d) => ({ row: `${d.type} ${d.key}`, type: d.type, record: d.record as unknown }));
    const title = `Dataset files ${p.print.hash.slice(0, 8)}: ${rows.length} change${rows.length === 1 ? "" : "s"} to review`;
    const imported = await importRecords(db, who, { rows }, { dryRun: false, publish: false, title });
    if (!imported.committed && imported.counts.rejected > 0)
      return { ...result, rejected: imported.rows.filter((r) => r.outcome === "rejected") };
    result.draftId = imported.draftId;
  }
  if (p.load?.hash !== p.print.hash || result.draftId || result.applied.length > 0) await recordTakenIn(db, who, p, result);
  return result;
}
