// The stance index of a topic at a revision (lib/stance-index.ts), read from the published tables, or
// from the snapshot of an earlier revision; the route /data/stance-index/[topic] answers with it.
import "server-only";
import {
  type Db,
  getDb,
  listTopics,
  readRevision,
  readRevisionRow,
  selectCompactActors,
  selectGapsBySlug,
  selectStanceTimeline,
  withPublishedAt,
} from "@stancemap/db";
import { type EncodedStanceIndex, encodeStanceIndex } from "@/lib/stance-index";
import { compactGap } from "./dashboard";

/** A topic the revision does not have. */
export class NoSuchTopic extends Error {}

async function readIndex(db: Db, topic: string, revision: number): Promise<EncodedStanceIndex> {
  const { data: topics } = await listTopics(db);
  if (!topics.some((t) => t.slug === topic)) throw new NoSuchTopic(topic);
  const [actors, stances, gaps] = await Promise.all([
    selectCompactActors(db),
    selectStanceTimeline(db, topic),
    selectGapsBySlug(db, topic),
  ]);
  return encodeStanceIndex({
    topic,
    revision,
    actors,
    stances,
    gaps: gaps.map(compactGap),
  });
}

/** The last few indexes made, as JSON, by topic and revision: an index never changes once made. */
const made = new Map<string, Promise<string>>();
const KEPT = 4;

/**
 * The index of `topic` as published in `revision` (the current one when null). The current revision is
 * read from the live tables, and read again after: when a publish came between, the read is made from
 * that revision's snapshot instead, so an index labelled N always holds N's data.
 */
export function stanceIndexJson(topic: string, revision: number | null): Promise<{ revision: number; json: string }> {
  return (async () => {
    const db = getDb();
    const current = await readRevision(db);
    const n = revision ?? current;
    const key = `${n}\u0000${topic}`;
    let pending = made.get(key);
    if (!pending) {
      pending = (async () => {
        if (n === current) {
          const index = await readIndex(db, topic, n);
          // The row itself: a kept revision (revision-watch.ts) may not yet know of a publish this read saw.
          if ((await readRevisionRow(db)) === n) return JSON.stringify(index);
        }
        return JSON.stringify(await withPublishedAt(db, n, (snapshot) => readIndex(snapshot, topic, n)));
      })();
      made.set(key, pending);
      pending.catch(() => made.delete(key));
      while (made.size > KEPT) {
        const oldest = made.keys().next().value;
        if (oldest === undefined) break;
        made.delete(oldest);
      }
    }
    return { revision: n, json: await pending };
  })();
}
