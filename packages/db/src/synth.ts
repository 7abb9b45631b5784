// A deterministic synthetic dataset of any size for scale work: same seed, same rows.
// Topics are the curated ones (their scales are data); actors, stances, reactions are generated.
import { type Dataset, edtfFirstDay } from "@stancemap/core";
import type { Db } from "./client";
import { bumpRevision } from "./revision";
import { refreshStatistics } from "./statistics";

export interface SynthOptions {
  /** ISO numeric codes to give the synthetic states, so they land on the map (the rest get unused codes). */
  stateCodes?: readonly string[];
  seed: number;
  states: number;
  actors: number;
  reactions: number;
  stances: number;
  events: number;
  sources: number;
}

export const SYNTH_DEFAULTS: SynthOptions = {
  seed: 42,
  states: 250,
  actors: 5000,
  reactions: 100_000,
  stances: 50_000,
  events: 500,
  sources: 200,
};

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ["organisation", "group", "civil-society", "institution", "person", "person", "person"] as const;
const SENTIMENTS = ["supportive", "neutral", "concerned", "critical"] as const;
const START = Date.UTC(2021, 7, 15);
const SPAN_DAYS = 1600;

function isoCode(i: number): string {
  const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return `${a[Math.floor(i / 676) % 26]}${a[Math.floor(i / 26) % 26]}${a[i % 26]}`;
}

const dayToIso = (day: number) => new Date(START + day * 86_400_000).toISOString().slice(0, 10);
/**
 * An EDTF date and its stored sort key (core's first day), as records.ts would write them: mostly days,
 * one in ten to the month and one in ten to the year, like the sources' dates.
 */
const dated = (iso: string) => {
  const tenth = Number(iso.slice(8, 10)) % 10;
  const date = tenth === 0 ? iso.slice(0, 4) : tenth === 1 ? iso.slice(0, 7) : iso;
  return { date, sortDate: edtfFirstDay(date) };
};
/** A reaction's date, reported the same day (its attestation). */
const reported = (iso: string) => ({ ...dated(iso), attested: dated(iso).date });

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Writes a synthetic dataset into an empty, migrated database. Returns the row counts. */
export async function writeSynthetic(db: Db, topics: Dataset["topics"], options: Partial<SynthOptions> = {}) {
  const o = { ...SYNTH_DEFAULTS, ...options };
  const rand = prng(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const p = db.prisma;
  const chunk = db.provider === "sqlite" ? 5000 : 2000;

  const sources = Array.from({ length: o.sources }, (_, i) => ({
    id: `synth-source-${i}`,
    publisher: `Synthetic Publisher ${i % 40}`,
    title: `Synthetic report ${i}`,
    publishedOn: dayToIso(Math.floor(rand() * SPAN_DAYS)),
    reliability: "Synthetic data for scale tests; not a real source.",
  }));
  const actors = Array.from({ length: o.actors }, (_, i) => {
    const state = i < o.states;
    const slug = state ? `synth-state-${i}` : `synth-actor-${i}`;
    return {
      id: slug,
      slug,
      name: state ? `Synthetic State ${i}` : `Synthetic Actor ${i}`,
      kind: state ? "state" : pick(KINDS),
      iso3: state ? isoCode(i) : null,
      isoNumeric: state ? (o.stateCodes?.[i] ?? `9${String(i % 100).padStart(2, "0")}`) : null,
      region: state ? `Region ${i % 12}` : null,
    };
  });
  await p.source.createMany({ data: sources });
  await inChunks(actors, chunk, (data) => p.actor.createMany({ data }));

  for (const t of topics) {
    await p.topic.create({
      data: {
        id: t.slug,
        slug: t.slug,
        title: t.title,
        question: t.question,
        categories: {
          create: t.categories.map((c) => ({ id: `${t.slug}:${c.key}`, key: c.key, label: c.label, order: c.order, colour: c.colour })),
        },
      },
    });
  }

  const events = Array.from({ length: o.events }, (_, i) => ({
    id: `synth-event-${i}`,
    slug: `synth-event-${i}`,
    ...dated(dayToIso(Math.floor(rand() * SPAN_DAYS))),
    title: `Synthetic event ${i}`,
  }));
  await inChunks(events, chunk, (data) => p.event.createMany({ data }));

  // Stances: each actor gets a run of dated changes per topic, until the budget is spent.
  const stances: {
    id: string;
    actorId: string;
    topicId: string;
    categoryId: string;
    validFrom: string;
    attested: string;
    countsFrom: string;
    confidence: string;
    summary: string;
  }[] = [];
  let n = 0;
  while (n < o.stances) {
    const actor = actors[n % actors.length] as (typeof actors)[number];
    const topic = topics[Math.floor(n / actors.length) % topics.length] as Dataset["topics"][number];
    const changes = 1 + Math.floor(rand() * 6);
    let day = Math.floor(rand() * 200);
    for (let k = 0; k < changes && n < o.stances; k++, n++) {
      stances.push({
        id: `synth-stance-${n}`,
        actorId: actor.id,
        topicId: topic.slug,
        categoryId: `${topic.slug}:${pick(topic.categories).key}`,
        validFrom: dayToIso(day),
        attested: dayToIso(day),
        countsFrom: dayToIso(day),
        confidence: "low",
        summary: `Synthetic stance ${n}`,
      });
      day += 1 + Math.floor(rand() * 300);
    }
  }
  await inChunks(stances, chunk, (data) => p.stance.createMany({ data }));

  const reactions = Array.from({ length: o.reactions }, (_, i) => {
    const toEvent = rand() < 0.3;
    return {
      id: `synth-reaction-${String(i).padStart(6, "0")}`,
      actorId: (pick(actors) as (typeof actors)[number]).id,
      targetActorId: toEvent ? null : (pick(actors) as (typeof actors)[number]).id,
      targetEventId: toEvent ? (pick(events) as (typeof events)[number]).id : null,
      ...reported(dayToIso(Math.floor(rand() * SPAN_DAYS))),
      sentiment: pick(SENTIMENTS),
      summary: `Synthetic reaction ${i}`,
      confidence: "low",
    };
  });
  await inChunks(reactions, chunk, (data) => p.reaction.createMany({ data }));

  const evidence = [
    ...stances.map((s, i) => ({ id: `stance:${s.id}:0`, position: 0, sourceId: `synth-source-${i % o.sources}`, stanceId: s.id })),
    ...reactions.map((r, i) => ({ id: `reaction:${r.id}:0`, position: 0, sourceId: `synth-source-${i % o.sources}`, reactionId: r.id })),
    ...events.map((e, i) => ({ id: `event:${e.id}:0`, position: 0, sourceId: `synth-source-${i % o.sources}`, eventId: e.id })),
  ];
  await inChunks(evidence, chunk, (data) => p.evidence.createMany({ data }));
  // Written past the audit log: no revision before this one can be rebuilt from it.
  await p.$transaction(async (tx) => {
    const revision = await bumpRevision(tx);
    await tx.datasetRevision.update({ where: { id: 1 }, data: { historyFrom: revision } });
  });
  await refreshStatistics(db);
  return {
    sources: sources.length,
    actors: actors.length,
    events: events.length,
    stances: stances.length,
    reactions: reactions.length,
    evidence: evidence.length,
  };
}
