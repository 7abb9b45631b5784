// Reading, writing and deleting one published record of each type, in the contract's shape. The seed,
// publishing, reverts and imports all write through here, so a record is stored one way only.
import type { AnyRecord, Evidence, RecordOf } from "@stancemap/core";
import { countsFrom, type EntityType, edtfFirstDay, keyOf, labelOf, reactionCountsFrom } from "@stancemap/core";
import type { Prisma } from "../generated/sqlite/client";
import {
  actorInclude,
  eventInclude,
  gapInclude,
  reactionInclude,
  stanceInclude,
  toActor,
  toEvent,
  toGap,
  topicInclude,
  toReaction,
  toSource,
  toStance,
  toTopic,
} from "../mappers";
import { insertRows } from "./bulk-insert";

export type Tx = Prisma.TransactionClient;

export interface Stored<R = AnyRecord> {
  record: R;
  version: number;
}

/** Order in which record types are written: every type after the types it refers to. */
export const WRITE_ORDER: readonly EntityType[] = ["source", "actor", "topic", "event", "stance", "gap", "reaction"];

const sourceInclude = { citedIn: { select: { id: true } } } as const;

function splitGapKey(key: string): [string, string] {
  const [actor = "", topic = ""] = key.split("~");
  return [actor, topic];
}

export async function readRecord(tx: Tx, type: EntityType, key: string): Promise<Stored | null> {
  switch (type) {
    case "actor": {
      const row = await tx.actor.findUnique({ where: { slug: key }, include: actorInclude });
      return row && { record: toActor(row), version: row.version };
    }
    case "topic": {
      const row = await tx.topic.findUnique({ where: { slug: key }, include: topicInclude });
      return row && { record: toTopic(row), version: row.version };
    }
    case "source": {
      const row = await tx.source.findUnique({ where: { id: key }, include: sourceInclude });
      return row && { record: toSource(row), version: row.version };
    }
    case "stance": {
      const row = await tx.stance.findUnique({ where: { id: key }, include: stanceInclude });
      return row && { record: toStance(row), version: row.version };
    }
    case "reaction": {
      const row = await tx.reaction.findUnique({ where: { id: key }, include: reactionInclude });
      return row && { record: toReaction(row), version: row.version };
    }
    case "event": {
      const row = await tx.event.findUnique({ where: { slug: key }, include: eventInclude });
      return row && { record: toEvent(row), version: row.version };
    }
    case "gap": {
      const [actor, topic] = splitGapKey(key);
      const row = await tx.dataGap.findFirst({ where: { actor: { slug: actor }, topic: { slug: topic } }, include: gapInclude });
      return row && { record: toGap(row), version: row.version };
    }
  }
}

/** Every published record of a type, in key order. */
export async function readAll(tx: Tx, type: EntityType, pause?: Pause): Promise<Stored[]> {
  // By row id, KEY_CHUNK at a time: one findMany of a whole table makes Prisma read its relations (evidence,
  // names) with one IN over every row, and 200,000 stances overflowed its query interpreter's stack (a
  // pinned revision, a dataset export or import proposal of a large dataset answered 500).
  const rows: Stored[] = [];
  for (const part of chunks(await rowIds(tx, type))) {
    rows.push(...(await readWhere(tx, type, part, "id")));
    await pause?.();
  }
  return rows.sort((a, b) => (keyOf(type, a.record) < keyOf(type, b.record) ? -1 : 1));
}

/** Every row id of a type's published records: ids only, no relation read. */
async function rowIds(tx: Tx, type: EntityType): Promise<string[]> {
  const select = { select: { id: true } } as const;
  const rows = await (() => {
    switch (type) {
      case "actor":
        return tx.actor.findMany(select);
      case "topic":
        return tx.topic.findMany(select);
      case "source":
        return tx.source.findMany(select);
      case "stance":
        return tx.stance.findMany(select);
      case "reaction":
        return tx.reaction.findMany(select);
      case "event":
        return tx.event.findMany(select);
      case "gap":
        return tx.dataGap.findMany(select);
    }
  })();
  return rows.map((r) => r.id);
}

/**
 * Lets other requests be served between the parts of a long read or write: better-sqlite3 answers at once,
 * so a loop of awaited queries is a chain of microtasks that holds the event loop until it ends (a pinned
 * revision's snapshot of 300,000 records held the server for 90 s). Only where no other request can share
 * the connection's transaction: outside one, or inside a private one (a snapshot being built).
 */
export type Pause = () => Promise<void>;
export const breathe: Pause = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Records written one by one between pauses. */
const PAUSE_EVERY = 100;

/** Keys per query when reading many records by key: well under SQLite's and PostgreSQL's parameter limits. */
export const KEY_CHUNK = 500;

export function chunks<T>(list: readonly T[], size = KEY_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The published records of one type with these keys, by key: one query per 500 keys, not one per key. */
export async function readMany(tx: Tx, type: EntityType, keys: Iterable<string>): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>();
  for (const part of chunks([...new Set(keys)])) {
    for (const s of await readWhere(tx, type, part)) out.set(keyOf(type, s.record), s);
  }
  return out;
}

/** Which of these keys have a published record of this type: ids only, one query per 500 keys. */
export async function existingKeys(tx: Tx, type: EntityType, keys: Iterable<string>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(keys)])) {
    const found: string[] = await (async () => {
      const where = { id: { in: part } };
      const bySlug = { slug: { in: part } };
      switch (type) {
        case "actor":
          return (await tx.actor.findMany({ where: bySlug, select: { slug: true } })).map((r) => r.slug);
        case "topic":
          return (await tx.topic.findMany({ where: bySlug, select: { slug: true } })).map((r) => r.slug);
        case "event":
          return (await tx.event.findMany({ where: bySlug, select: { slug: true } })).map((r) => r.slug);
        case "source":
          return (await tx.source.findMany({ where, select: { id: true } })).map((r) => r.id);
        case "stance":
          return (await tx.stance.findMany({ where, select: { id: true } })).map((r) => r.id);
        case "reaction":
          return (await tx.reaction.findMany({ where, select: { id: true } })).map((r) => r.id);
        case "gap":
          return [...(await readMany(tx, "gap", part)).keys()];
      }
    })();
    for (const k of found) out.add(k);
  }
  return out;
}

/**
 * Writes records that do not exist yet with a few multi-row inserts instead of several statements
 * each: sources, stances and reactions (what large imports bring); other types go through writeRecords.
 */
export async function createRecords(
  tx: Tx,
  type: EntityType,
  records: readonly { record: AnyRecord; version: number }[],
  pause?: Pause,
): Promise<void> {
  if (records.length === 0) return;
  switch (type) {
    case "source": {
      await insertRows(
        tx,
        "Source",
        records.map(({ record, version }) => ({
          id: (record as RecordOf<"source">).id,
          ...sourceRow(record as RecordOf<"source">, version),
        })),
        ["createdAt", "updatedAt"],
        pause,
      );
      // A source may cite another one of the same batch: linked once all exist.
      for (const { record } of records) {
        const s = record as RecordOf<"source">;
        if (s.citedIn)
          await tx.source.update({ where: { id: s.id }, data: { citedInId: s.citedIn.source, citedInLocator: s.citedIn.locator ?? null } });
      }
      return;
    }
    case "stance": {
      await insertRows(
        tx,
        "Stance",
        records.map(({ record, version }) => ({
          id: (record as RecordOf<"stance">).id,
          ...stanceRow(record as RecordOf<"stance">, version),
        })),
        ["createdAt", "updatedAt"],
        pause,
      );
      await insertRows(
        tx,
        "Evidence",
        records.flatMap(({ record }) => {
          const s = record as RecordOf<"stance">;
          return evidenceRows({ stanceId: s.id }, `stance:${s.id}`, s.evidence);
        }),
        [],
        pause,
      );
      return;
    }
    case "reaction": {
      await insertRows(
        tx,
        "Reaction",
        records.map(({ record, version }) => ({
          id: (record as RecordOf<"reaction">).id,
          ...reactionRow(record as RecordOf<"reaction">, version),
        })),
        ["createdAt", "updatedAt"],
        pause,
      );
      await insertRows(
        tx,
        "Evidence",
        records.flatMap(({ record }) => {
          const r = record as RecordOf<"reaction">;
          return evidenceRows({ reactionId: r.id }, `reaction:${r.id}`, r.evidence);
        }),
        [],
        pause,
      );
      return;
    }
    default:
      await writeRecords(tx, type, records, pause);
  }
}

/** The published records of a type with these keys (ids or slugs as the type is keyed; a gap's
 * "actor~topic"), or with these row ids (`by` "id"). */
async function readWhere(tx: Tx, type: EntityType, keys: string[], by: "key" | "id" = "key"): Promise<Stored[]> {
  const byId = { where: { id: { in: keys } } };
  const bySlug: { where: { id?: { in: string[] }; slug?: { in: string[] } } } = by === "id" ? byId : { where: { slug: { in: keys } } };
  switch (type) {
    case "actor":
      return (await tx.actor.findMany({ ...bySlug, include: actorInclude })).map((r) => ({ record: toActor(r), version: r.version }));
    case "topic":
      return (await tx.topic.findMany({ ...bySlug, include: topicInclude })).map((r) => ({ record: toTopic(r), version: r.version }));
    case "source":
      return (await tx.source.findMany({ ...byId, include: sourceInclude })).map((r) => ({ record: toSource(r), version: r.version }));
    case "stance":
      return (await tx.stance.findMany({ ...byId, include: stanceInclude })).map((r) => ({ record: toStance(r), version: r.version }));
    case "reaction":
      return (await tx.reaction.findMany({ ...byId, include: reactionInclude })).map((r) => ({
        record: toReaction(r),
        version: r.version,
      }));
    case "event":
      return (await tx.event.findMany({ ...bySlug, include: eventInclude })).map((r) => ({ record: toEvent(r), version: r.version }));
    case "gap": {
      if (by === "id")
        return (await tx.dataGap.findMany({ ...byId, include: gapInclude })).map((r) => ({ record: toGap(r), version: r.version }));
      const pairs = keys.map(splitGapKey);
      const where = { actor: { slug: { in: pairs.map((p) => p[0]) } }, topic: { slug: { in: pairs.map((p) => p[1]) } } };
      const wanted = new Set(keys);
      return (await tx.dataGap.findMany({ where, include: gapInclude }))
        .filter((r) => !wanted || wanted.has(`${r.actor.slug}~${r.topic.slug}`))
        .map((r) => ({ record: toGap(r), version: r.version }));
    }
  }
}

function evidenceRows(owner: { stanceId?: string; reactionId?: string; eventId?: string }, ownerKey: string, evidence: Evidence[]) {
  return evidence.map((e, position) => ({
    id: `${ownerKey}:${position}`,
    position,
    sourceId: e.source,
    locator: e.locator ?? null,
    ...owner,
    quoteText: e.quote?.text ?? null,
    quoteSpeakerName: e.quote?.speaker.name ?? null,
    quoteSpeakerTitle: e.quote?.speaker.title ?? null,
    quoteSpeakerId: e.quote?.speaker.actor ?? null,
    quoteLanguage: e.quote?.language ?? null,
    quoteTranslation: e.quote?.translation ?? null,
  }));
}

/**
 * Writes records of one type as their published state, at the given versions. Actors and sources refer
 * to their own kind (affiliation, citedIn), so those links are set in a second pass once all exist.
 * Keys are ids: actors, topics and events are stored under their slugs.
 */
export async function writeRecords(
  tx: Tx,
  type: EntityType,
  records: readonly { record: AnyRecord; version: number }[],
  pause?: Pause,
): Promise<void> {
  let n = 0;
  for (const { record, version } of records) {
    await writeOne(tx, type, record, version);
    if (pause && ++n % PAUSE_EVERY === 0) await pause();
  }
  if (type === "actor") {
    for (const { record } of records) {
      const a = record as RecordOf<"actor">;
      await tx.actor.update({ where: { id: a.slug }, data: { affiliationId: a.affiliation ?? null } });
      if (pause && ++n % PAUSE_EVERY === 0) await pause();
    }
  }
  if (type === "source") {
    for (const { record } of records) {
      const s = record as RecordOf<"source">;
      await tx.source.update({
        where: { id: s.id },
        data: { citedInId: s.citedIn?.source ?? null, citedInLocator: s.citedIn?.locator ?? null },
      });
    }
  }
}

/** The stored columns of a source, stance or reaction (without its id), for updates and inserts alike. */
function sourceRow(s: RecordOf<"source">, version: number) {
  return {
    publisher: s.publisher,
    title: s.title,
    author: s.author ?? null,
    publishedOn: s.publishedOn ?? null,
    accessedOn: s.accessedOn ?? null,
    dateNote: s.dateNote ?? null,
    url: s.url ?? null,
    reliability: s.reliability,
    textFile: s.textFile ?? null,
    textSha256: s.text?.sha256 ?? null,
    textLength: s.text?.length ?? null,
    version,
  };
}

function stanceRow(s: RecordOf<"stance">, version: number) {
  return {
    actorId: s.actor,
    topicId: s.topic,
    categoryId: `${s.topic}:${s.category}`,
    validFrom: s.validFrom ?? null,
    attested: s.attested,
    validUntil: s.validUntil ?? null,
    qualifiers: JSON.stringify(s.qualifiers ?? []),
    // The sort key SQL picks "the latest at or before a day" by: core's, never computed twice.
    countsFrom: countsFrom(s),
    confidence: s.confidence,
    summary: s.summary,
    note: s.note ?? null,
    version,
  };
}

function reactionRow(r: RecordOf<"reaction">, version: number) {
  return {
    actorId: r.actor,
    targetActorId: "actor" in r.target ? r.target.actor : null,
    targetEventId: "event" in r.target ? r.target.event : null,
    date: r.date ?? null,
    attested: r.attested,
    // The sort key: the first day it counts from, as core computes it.
    sortDate: reactionCountsFrom(r),
    sentiment: r.sentiment,
    summary: r.summary,
    confidence: r.confidence,
    version,
  };
}

async function writeOne(tx: Tx, type: EntityType, record: AnyRecord, version: number): Promise<void> {
  switch (type) {
    case "source": {
      const s = record as RecordOf<"source">;
      const data = sourceRow(s, version);
      await tx.source.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: data });
      return;
    }
    case "actor": {
      const a = record as RecordOf<"actor">;
      const data = {
        slug: a.slug,
        name: a.name,
        kind: a.kind,
        iso3: a.iso3 ?? null,
        isoNumeric: a.isoNumeric ?? null,
        role: a.role ?? null,
        region: a.region ?? null,
        description: a.description ?? null,
        version,
      };
      await tx.actor.upsert({ where: { id: a.slug }, create: { id: a.slug, ...data }, update: data });
      await tx.actorName.deleteMany({ where: { actorId: a.slug } });
      if (a.names.length > 0) {
        await tx.actorName.createMany({
          data: a.names.map((n) => ({ id: `${a.slug}:${n.lang}`, actorId: a.slug, name: n.name, lang: n.lang, dir: n.dir })),
        });
      }
      await tx.actorAlias.deleteMany({ where: { actorId: a.slug } });
      if (a.aliases.length > 0) {
        await tx.actorAlias.createMany({
          data: a.aliases.map((x, i) => ({
            id: `${a.slug}:${i}`,
            actorId: a.slug,
            position: i,
            name: x.name,
            kind: x.kind,
            lang: x.lang ?? null,
            sourceId: x.source ?? null,
          })),
        });
      }
      return;
    }
    case "topic": {
      const t = record as RecordOf<"topic">;
      const data = {
        slug: t.slug,
        title: t.title,
        question: t.question,
        description: t.description ?? null,
        qualifiers: JSON.stringify(t.qualifiers ?? []),
        version,
      };
      await tx.topic.upsert({ where: { id: t.slug }, create: { id: t.slug, ...data }, update: data });
      for (const c of t.categories) {
        // Free the order slot first: reordering a scale must not trip the (topic, order) unique index.
        await tx.category.updateMany({ where: { topicId: t.slug, order: c.order, NOT: { key: c.key } }, data: { order: -c.order - 1000 } });
        const cdata = { key: c.key, label: c.label, order: c.order, colour: c.colour, description: c.description ?? null };
        await tx.category.upsert({
          where: { topicId_key: { topicId: t.slug, key: c.key } },
          create: { id: `${t.slug}:${c.key}`, topicId: t.slug, ...cdata },
          update: cdata,
        });
      }
      // Categories no longer on the scale go, unless a stance still uses one (then the write fails loudly).
      await tx.category.deleteMany({ where: { topicId: t.slug, key: { notIn: t.categories.map((c) => c.key) } } });
      return;
    }
    case "event": {
      const e = record as RecordOf<"event">;
      const data = {
        slug: e.slug,
        date: e.date,
        sortDate: edtfFirstDay(e.date),
        title: e.title,
        description: e.description ?? null,
        series: e.series ?? null,
        version,
      };
      await tx.event.upsert({ where: { id: e.slug }, create: { id: e.slug, ...data }, update: data });
      await tx.eventActor.deleteMany({ where: { eventId: e.slug } });
      await tx.eventActor.createMany({ data: e.actors.map((a) => ({ eventId: e.slug, actorId: a })) });
      await tx.evidence.deleteMany({ where: { eventId: e.slug } });
      await tx.evidence.createMany({ data: evidenceRows({ eventId: e.slug }, `event:${e.slug}`, e.evidence) });
      return;
    }
    case "stance": {
      const s = record as RecordOf<"stance">;
      const data = stanceRow(s, version);
      await tx.stance.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: data });
      await tx.evidence.deleteMany({ where: { stanceId: s.id } });
      await tx.evidence.createMany({ data: evidenceRows({ stanceId: s.id }, `stance:${s.id}`, s.evidence) });
      return;
    }
    case "gap": {
      const g = record as RecordOf<"gap">;
      const data = { note: g.note, validFrom: g.validFrom ?? null, validUntil: g.validUntil ?? null, version };
      await tx.dataGap.upsert({
        where: { actorId_topicId: { actorId: g.actor, topicId: g.topic } },
        create: { id: `${g.actor}:${g.topic}`, actorId: g.actor, topicId: g.topic, ...data },
        update: data,
      });
      return;
    }
    case "reaction": {
      const r = record as RecordOf<"reaction">;
      const data = reactionRow(r, version);
      await tx.reaction.upsert({ where: { id: r.id }, create: { id: r.id, ...data }, update: data });
      await tx.evidence.deleteMany({ where: { reactionId: r.id } });
      await tx.evidence.createMany({ data: evidenceRows({ reactionId: r.id }, `reaction:${r.id}`, r.evidence) });
      return;
    }
  }
}

/** Deletes a published record; children (names, categories, evidence) go with it. Dependants are checked first by the caller. */
export async function removeRecord(tx: Tx, type: EntityType, key: string): Promise<void> {
  switch (type) {
    case "actor":
      await tx.actor.delete({ where: { slug: key } });
      return;
    case "topic":
      await tx.topic.delete({ where: { slug: key } });
      return;
    case "source":
      await tx.source.delete({ where: { id: key } });
      return;
    case "stance":
      await tx.stance.delete({ where: { id: key } });
      return;
    case "reaction":
      await tx.reaction.delete({ where: { id: key } });
      return;
    case "event":
      await tx.event.delete({ where: { slug: key } });
      return;
    case "gap": {
      const [actor, topic] = splitGapKey(key);
      await tx.dataGap.delete({ where: { actorId_topicId: { actorId: actor, topicId: topic } } });
      return;
    }
  }
}

export interface Ref {
  type: EntityType;
  key: string;
  /** Where the record holds the reference, as a body path (`evidence.0.source`), so a refusal names the field. */
  path?: string;
}

export interface Dependant extends Ref {
  label: string;
}

/** The records a record points at, which must exist when it is published. */
export function referencesOf(type: EntityType, record: AnyRecord): Ref[] {
  const refs: Ref[] = [];
  const evidence = (list: Evidence[]) => {
    list.forEach((e, i) => {
      refs.push({ type: "source", key: e.source, path: `evidence.${i}.source` });
      const speaker = e.quote?.speaker.actor;
      if (speaker) refs.push({ type: "actor", key: speaker, path: `evidence.${i}.quote.speaker.actor` });
    });
  };
  switch (type) {
    case "actor": {
      const a = record as RecordOf<"actor">;
      if (a.affiliation) refs.push({ type: "actor", key: a.affiliation, path: "affiliation" });
      a.aliases.forEach((x, i) => {
        if (x.source) refs.push({ type: "source", key: x.source, path: `aliases.${i}.source` });
      });
      break;
    }
    case "source": {
      const s = record as RecordOf<"source">;
      if (s.citedIn) refs.push({ type: "source", key: s.citedIn.source, path: "citedIn.source" });
      break;
    }
    case "stance": {
      const s = record as RecordOf<"stance">;
      refs.push({ type: "actor", key: s.actor, path: "actor" }, { type: "topic", key: s.topic, path: "topic" });
      evidence(s.evidence);
      break;
    }
    case "gap": {
      const g = record as RecordOf<"gap">;
      refs.push({ type: "actor", key: g.actor, path: "actor" }, { type: "topic", key: g.topic, path: "topic" });
      break;
    }
    case "reaction": {
      const r = record as RecordOf<"reaction">;
      refs.push({ type: "actor", key: r.actor, path: "actor" });
      refs.push(
        "actor" in r.target
          ? { type: "actor", key: r.target.actor, path: "target.actor" }
          : { type: "event", key: r.target.event, path: "target.event" },
      );
      evidence(r.evidence);
      break;
    }
    case "event": {
      const e = record as RecordOf<"event">;
      e.actors.forEach((a, i) => {
        refs.push({ type: "actor", key: a, path: `actors.${i}` });
      });
      evidence(e.evidence);
      break;
    }
    case "topic":
      break;
  }
  return refs;
}

/** The published records that point at this one: deleting it is refused while any remain. */
export async function dependantsOf(tx: Tx, type: EntityType, key: string): Promise<Dependant[]> {
  const out: Dependant[] = [];
  // Their ids first, then the records KEY_CHUNK at a time: a topic's 100,000 stances read with their
  // evidence in one findMany made an IN over every row, which SQLite refuses past 32,766 (a 500).
  const inParts = async <R>(ids: { id: string }[], read: (part: string[]) => Promise<R[]>): Promise<R[]> => {
    const rows: R[] = [];
    for (const part of chunks(ids.map((r) => r.id))) rows.push(...(await read(part)));
    return rows;
  };
  const stances = async (where: Prisma.StanceWhereInput) =>
    (
      await inParts(await tx.stance.findMany({ where, select: { id: true }, orderBy: { id: "asc" } }), (part) =>
        tx.stance.findMany({ where: { id: { in: part } }, include: stanceInclude, orderBy: { id: "asc" } }),
      )
    ).map((r) => ({ type: "stance" as const, key: r.id, label: labelOf("stance", toStance(r)) }));
  const reactions = async (where: Prisma.ReactionWhereInput) =>
    (
      await inParts(await tx.reaction.findMany({ where, select: { id: true }, orderBy: { id: "asc" } }), (part) =>
        tx.reaction.findMany({ where: { id: { in: part } }, include: reactionInclude, orderBy: { id: "asc" } }),
      )
    ).map((r) => ({ type: "reaction" as const, key: r.id, label: labelOf("reaction", toReaction(r)) }));
  const gapsWhere = async (where: Prisma.DataGapWhereInput) =>
    (
      await inParts(await tx.dataGap.findMany({ where, select: { id: true } }), (part) =>
        tx.dataGap.findMany({ where: { id: { in: part } }, include: gapInclude }),
      )
    ).map((g) => ({ type: "gap" as const, key: `${g.actor.slug}~${g.topic.slug}`, label: labelOf("gap", toGap(g)) }));
  const events = (where: Prisma.EventWhereInput) =>
    tx.event
      .findMany({ where, orderBy: { slug: "asc" } })
      .then((rows) => rows.map((r) => ({ type: "event" as const, key: r.slug, label: r.title })));
  switch (type) {
    case "actor": {
      out.push(...(await stances({ actorId: key })));
      out.push(...(await reactions({ OR: [{ actorId: key }, { targetActorId: key }] })));
      out.push(...(await stances({ evidence: { some: { quoteSpeakerId: key } }, NOT: { actorId: key } })));
      out.push(
        ...(await reactions({ evidence: { some: { quoteSpeakerId: key } }, NOT: { OR: [{ actorId: key }, { targetActorId: key }] } })),
      );
      out.push(...(await events({ OR: [{ actors: { some: { actorId: key } } }, { evidence: { some: { quoteSpeakerId: key } } }] })));
      out.push(...(await gapsWhere({ actorId: key })));
      const members = await tx.actor.findMany({ where: { affiliationId: key }, orderBy: { slug: "asc" } });
      out.push(...members.map((m) => ({ type: "actor" as const, key: m.slug, label: m.name })));
      break;
    }
    case "topic": {
      out.push(...(await stances({ topicId: key })));
      out.push(...(await gapsWhere({ topicId: key })));
      break;
    }
    case "source": {
      out.push(...(await stances({ evidence: { some: { sourceId: key } } })));
      out.push(...(await reactions({ evidence: { some: { sourceId: key } } })));
      out.push(...(await events({ evidence: { some: { sourceId: key } } })));
      const named = await tx.actor.findMany({ where: { aliases: { some: { sourceId: key } } }, orderBy: { slug: "asc" } });
      out.push(...named.map((a) => ({ type: "actor" as const, key: a.slug, label: a.name })));
      const cites = await tx.source.findMany({ where: { citedInId: key }, orderBy: { id: "asc" } });
      out.push(...cites.map((s) => ({ type: "source" as const, key: s.id, label: `${s.publisher}: ${s.title}` })));
      break;
    }
    case "event":
      out.push(...(await reactions({ targetEventId: key })));
      break;
    case "stance":
    case "reaction":
    case "gap":
      break;
  }
  return out;
}
