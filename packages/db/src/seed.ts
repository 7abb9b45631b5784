// Loads a dataset into the database idempotently: records equal to what is stored are left alone,
// changed ones are rewritten with their children (through the same writer publishing uses), nothing
// is deleted, and the revision is bumped only when something changed. All in one transaction.
import { COLLECTIONS, type Dataset, type EntityType, keyOf } from "@stancemap/core";
import type { Db } from "./client";
import { readAll, type Tx, WRITE_ORDER, writeRecords } from "./curation/records";
import { bumpRevision } from "./revision";
import { stableJson } from "./stable-json";

export interface SeedResult {
  changed: Record<string, number>;
  revision: number;
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sets are stored without order; compare them in the order the database returns them. */
export function normaliseDataset(d: Dataset): Dataset {
  return {
    ...d,
    actors: d.actors.map((a) => ({ ...a, names: [...a.names].sort((x, y) => byText(x.lang, y.lang)) })),
    events: d.events.map((e) => ({ ...e, actors: [...e.actors].sort(byText) })),
  };
}

function recordsOf(d: Dataset, type: EntityType) {
  return (d as unknown as Record<string, { [k: string]: unknown }[]>)[COLLECTIONS[type]] ?? [];
}

async function seedInTx(tx: Tx, input: Dataset): Promise<Record<string, number>> {
  const d = normaliseDataset(input);
  const changed: Record<string, number> = {};
  for (const type of WRITE_ORDER) {
    const stored = new Map((await readAll(tx, type)).map((s) => [keyOf(type, s.record), s]));
    const writes = recordsOf(d, type).flatMap((record) => {
      const before = stored.get(keyOf(type, record as never));
      return same(before?.record, record) ? [] : [{ record: record as never, version: (before?.version ?? 0) + 1 }];
    });
    await writeRecords(tx, type, writes);
    changed[COLLECTIONS[type]] = writes.length;
  }
  return changed;
}

export async function seedDataset(db: Db, dataset: Dataset): Promise<SeedResult> {
  return db.prisma.$transaction(
    async (tx) => {
      const changed = await seedInTx(tx, dataset);
      const any = Object.values(changed).some((n) => n > 0);
      const revision = any ? await bumpRevision(tx) : ((await tx.datasetRevision.findUnique({ where: { id: 1 } }))?.revision ?? 0);
      return { changed, revision };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
