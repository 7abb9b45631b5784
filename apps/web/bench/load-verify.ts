// After the load: every acknowledged save is in the drafts and the audit log exactly once, and every
// acknowledged publish is in the audit log, the published table and every instance's read API, once.
import { createDb } from "@stancemap/db";
import { markerOf, type Outcomes } from "./load-traffic";

export interface Tally {
  acknowledged: number;
  found: number;
  lost: number;
  duplicated: number;
}

export interface Verdict {
  saves: Tally;
  /** Saves whose answer was lost (timeout, 5xx) that are in the audit log all the same. */
  unknownLanded: number;
  /** The last acknowledged save of each record in a draft is what its draft item holds now. */
  itemsCurrent: { checked: number; wrong: number };
  publishes: Tally;
  /** Per instance: records whose last acknowledged publish it does not show, and slugs listed twice. */
  readApi: { base: string; checked: number; wrong: number; duplicated: number }[];
  tableWrong: number;
  problems: string[];
}

const tally = (counts: number[]): Tally => ({
  acknowledged: counts.length,
  found: counts.filter((c) => c === 1).length,
  lost: counts.filter((c) => c === 0).length,
  duplicated: counts.filter((c) => c > 1).length,
});

const afterRecord = (after: string | null): { description?: string } | null => {
  if (!after) return null;
  const parsed = JSON.parse(after) as { record?: { description?: string } | null };
  return parsed.record ?? null;
};

async function readAllActors(base: string): Promise<string[]> {
  const slugs: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const res = await fetch(`${base}/api/v1/actors?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    const body = (await res.json()) as { data: { slug: string }[]; page: { nextCursor: string | null } };
    slugs.push(...body.data.map((a) => a.slug));
    cursor = body.page.nextCursor;
    if (!cursor) break;
  }
  return slugs;
}

export async function verify(url: string, instances: string[], out: Outcomes): Promise<Verdict> {
  const problems: string[] = [];
  const db = createDb(url);
  try {
    const changes = await db.prisma.change.findMany({
      where: { action: { in: ["draft.save", "publish", "draft.publish"] } },
      select: { action: true, entityId: true, draftId: true, after: true },
    });
    const savesByMarker = new Map<string, number>();
    const publishRows = new Map<string, number>();
    for (const c of changes) {
      if (c.action === "draft.save") {
        const marker = markerOf(afterRecord(c.after)?.description);
        if (marker) savesByMarker.set(marker, (savesByMarker.get(marker) ?? 0) + 1);
      } else {
        const key = c.action === "draft.publish" ? `draft|${c.entityId}` : `${c.draftId}|${c.entityId}`;
        publishRows.set(key, (publishRows.get(key) ?? 0) + 1);
      }
    }
    const saves = tally(out.saves.map((s) => savesByMarker.get(s.marker) ?? 0));
    for (const s of out.saves)
      if ((savesByMarker.get(s.marker) ?? 0) !== 1)
        problems.push(`save ${s.marker} on ${s.key}: ${savesByMarker.get(s.marker) ?? 0} audit rows`);

    // Draft items: one per (draft, record), holding the last acknowledged save (or a later one whose answer was lost).
    const items = await db.prisma.draftItem.findMany({
      where: { entityType: "actor" },
      select: { draftId: true, entityId: true, payload: true },
    });
    const itemsBy = new Map<string, (string | null)[]>();
    for (const it of items) {
      const key = `${it.draftId}|${it.entityId}`;
      itemsBy.set(key, [...(itemsBy.get(key) ?? []), it.payload]);
    }
    const lastSave = new Map<string, string>();
    for (const s of out.saves) lastSave.set(`${s.draftId}|${s.key}`, s.marker);
    const laterUnknown = (key: string, marker: string) => {
      const n = Number(marker.split(":")[3]?.replace("]", ""));
      return out.unknownSaves.filter((u) => u.key === key && Number(u.marker.split(":")[3]?.replace("]", "")) > n).map((u) => u.marker);
    };
    let itemsWrong = 0;
    for (const [key, marker] of lastSave) {
      const rows = itemsBy.get(key) ?? [];
      const held = rows.length === 1 ? markerOf((JSON.parse(rows[0] ?? "null") as { description?: string } | null)?.description) : null;
      const accepted = [marker, ...laterUnknown(key.split("|")[1] ?? "", marker)];
      if (rows.length !== 1 || !held || !accepted.includes(held)) {
        itemsWrong++;
        problems.push(`draft item ${key}: ${rows.length} rows, holds ${held}, expected ${marker}`);
      }
    }

    const publishes = tally(
      out.publishes.map((p) => {
        const counts = [publishRows.get(`draft|${p.draftId}`) ?? 0, ...p.items.map((it) => publishRows.get(`${p.draftId}|${it.key}`) ?? 0)];
        return counts.some((c) => c === 0) ? 0 : Math.max(...counts);
      }),
    );
    // The publisher is one sequential loop: the last acknowledged publish of a record is what is published now.
    const lastPublished = new Map<string, string | null>();
    for (const p of out.publishes) for (const it of p.items) lastPublished.set(it.key, it.marker);
    const drafts = await db.prisma.draft.findMany({
      where: { id: { in: out.publishes.map((p) => p.draftId) } },
      select: { id: true, status: true },
    });
    for (const d of drafts) if (d.status !== "published") problems.push(`draft ${d.id} acknowledged as published is ${d.status}`);
    const actors = await db.prisma.actor.findMany({
      where: { slug: { in: [...lastPublished.keys()] } },
      select: { slug: true, description: true },
    });
    const table = new Map(actors.map((a) => [a.slug, markerOf(a.description)]));
    let tableWrong = 0;
    for (const [slug, marker] of lastPublished) {
      if (table.get(slug) !== marker) {
        tableWrong++;
        problems.push(`published actor ${slug} holds ${table.get(slug)}, the last acknowledged publish ${marker}`);
      }
    }

    const readApi: Verdict["readApi"] = [];
    for (const base of instances) {
      let wrong = 0;
      for (const [slug, marker] of lastPublished) {
        const res = await fetch(`${base}/api/v1/actors/${slug}`);
        const body = (await res.json()) as { description?: string; data?: { description?: string } };
        const shown = markerOf(body.description ?? body.data?.description);
        if (res.status !== 200 || shown !== marker) {
          wrong++;
          problems.push(`${base} shows ${slug} as ${res.status} ${shown}, published ${marker}`);
        }
      }
      const listed = await readAllActors(base);
      const duplicated = listed.length - new Set(listed).size;
      if (duplicated) problems.push(`${base} lists ${duplicated} actors twice`);
      readApi.push({ base, checked: lastPublished.size, wrong, duplicated });
    }
    const unknownLanded = out.unknownSaves.filter((u) => savesByMarker.has(u.marker)).length;
    return { saves, unknownLanded, itemsCurrent: { checked: lastSave.size, wrong: itemsWrong }, publishes, readApi, tableWrong, problems };
  } finally {
    await db.close();
  }
}
