// The benchmark's baseline: a minimal node:http + better-sqlite3 server answering the two measured
// requests from the same file with the same JSON as the app. It skips everything the app does
// (routing, validation, ETags, Prisma); the ratio between the two is the cost of those.
import { createServer } from "node:http";
import { gapReason, stanceAt } from "@stancemap/core";
import Database from "better-sqlite3";

const [file, portArg] = process.argv.slice(2) as [string, string];
const db = new Database(file, { readonly: true });
db.pragma("busy_timeout = 5000");

const evidenceSql = `SELECT e."sourceId" AS source, e."locator" AS locator, e."quoteText" AS qt, sp."slug" AS qs,
  e."quoteLanguage" AS ql, e."quoteTranslation" AS qtr, e.%OWNER% AS owner
  FROM "Evidence" e LEFT JOIN "Actor" sp ON sp."id" = e."quoteSpeakerId" WHERE e.%OWNER% IN (SELECT value FROM json_each(?)) ORDER BY e."position"`;
const stanceEvidence = db.prepare(evidenceSql.replaceAll("%OWNER%", `"stanceId"`));
const reactionEvidence = db.prepare(evidenceSql.replaceAll("%OWNER%", `"reactionId"`));
type EvidenceRow = {
  source: string;
  locator: string | null;
  qt: string | null;
  qs: string | null;
  ql: string | null;
  qtr: string | null;
  owner: string;
};

function evidenceBy(stmt: typeof stanceEvidence, ids: string[]) {
  const out = new Map<string, object[]>();
  for (const r of stmt.all(JSON.stringify(ids)) as EvidenceRow[]) {
    const item: Record<string, unknown> = { source: r.source };
    if (r.locator) item.locator = r.locator;
    if (r.qt && r.qs) item.quote = { text: r.qt, speaker: r.qs, language: r.ql ?? "en", ...(r.qtr ? { translation: r.qtr } : {}) };
    out.set(r.owner, [...(out.get(r.owner) ?? []), item]);
  }
  return out;
}

const topicId = db.prepare(`SELECT "id" FROM "Topic" WHERE "slug" = ?`);
// The same query as the app's read model (selectActorsAt): a page of actors, each with the stances that
// count from its latest sort key at or before the date (or its earliest, for the reason it has none).
const atDate = db.prepare(`
  SELECT picked."slug" AS "slug", picked."latest" AS "latest", st."id" AS "id", c."key" AS "category",
         st."validFrom" AS "validFrom", st."attested" AS "attested", st."validUntil" AS "validUntil", st."qualifiers" AS "qualifiers",
         st."confidence" AS "confidence", st."summary" AS "summary", st."note" AS "note"
  FROM (
    SELECT a0."id" AS "actorId", a0."slug" AS "slug",
      (SELECT MAX(s."countsFrom") FROM "Stance" s WHERE s."actorId" = a0."id" AND s."topicId" = @topic AND s."countsFrom" <= @at) AS "latest",
      (SELECT MIN(s."countsFrom") FROM "Stance" s WHERE s."actorId" = a0."id" AND s."topicId" = @topic) AS "first"
    FROM "Actor" a0 ORDER BY a0."slug" LIMIT @limit
  ) picked
  LEFT JOIN "Stance" st ON st."actorId" = picked."actorId" AND st."topicId" = @topic AND st."countsFrom" = COALESCE(picked."latest", picked."first")
  LEFT JOIN "Category" c ON c."id" = st."categoryId"
  ORDER BY picked."slug", st."id"`);
const gaps = db.prepare(`SELECT a."slug" AS actor, t."slug" AS topic, g."note", g."validFrom", g."validUntil" FROM "DataGap" g
  JOIN "Actor" a ON a."id" = g."actorId" JOIN "Topic" t ON t."id" = g."topicId" WHERE g."topicId" = ? ORDER BY g."actorId"`);
const reactions = db.prepare(`SELECT r."id", a."slug" AS actor, ta."slug" AS targetActor, te."slug" AS targetEvent, r."date",
  r."attested", r."sortDate", r."sentiment", r."summary", r."confidence"
  FROM "Reaction" r JOIN "Actor" a ON a."id" = r."actorId" LEFT JOIN "Actor" ta ON ta."id" = r."targetActorId"
  LEFT JOIN "Event" te ON te."id" = r."targetEventId" ORDER BY r."sortDate", r."id" LIMIT ?`);

type Picked = Record<string, string | null> & { slug: string; latest: string | null; id: string | null; attested: string };

const cursor = (key: string[]) => Buffer.from(JSON.stringify(key)).toString("base64url");
const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null));

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const limit = Number(url.searchParams.get("limit") ?? 100);
  let body: unknown;
  if (url.pathname === "/api/v1/stances") {
    const topic = url.searchParams.get("topic") ?? "";
    const at = url.searchParams.get("at") ?? "";
    const id = (topicId.get(topic) as { id: string } | undefined)?.id;
    const rows = atDate.all({ topic: id, at, limit: limit + 1 }) as Picked[];
    const byActor = new Map<string, { latest: string | null; stances: Picked[] }>();
    for (const r of rows) {
      const entry = byActor.get(r.slug) ?? { latest: r.latest, stances: [] };
      if (r.id !== null) entry.stances.push(r);
      byActor.set(r.slug, entry);
    }
    const actors = [...byActor].slice(0, limit);
    const notes = new Map((gaps.all(id) as { actor: string; note: string }[]).map((g) => [g.actor, g]));
    const data: object[] = [];
    const gapList: object[] = [];
    const held: { actor: string; h: NonNullable<ReturnType<typeof stanceAt>> }[] = [];
    for (const [actor, { latest, stances }] of actors) {
      const timed = stances.map((s) => ({ ...s, actor, topic, attested: s.attested, validFrom: s.validFrom, validUntil: s.validUntil }));
      const h = latest === null ? null : stanceAt(timed, actor, topic, at);
      if (h) held.push({ actor, h });
      else gapList.push({ actor, topic, ...gapReason({ actor, topic, date: at, stances: timed, gap: notes.get(actor) }) });
    }
    const ev = evidenceBy(
      stanceEvidence,
      held.map((x) => x.h.stance.id as string),
    );
    for (const { actor, h } of held) {
      const { slug: _s, latest: _l, qualifiers, ...stance } = h.stance as unknown as Picked;
      data.push({
        ...compact({ ...stance, actor, topic }),
        qualifiers: JSON.parse(qualifiers ?? "[]"),
        evidence: ev.get(stance.id as string) ?? [],
        basis: h.basis,
        uncertain: h.uncertain,
        since: h.since,
        ageDays: h.ageDays,
      });
    }
    body = {
      data,
      gaps: gapList,
      at,
      topic,
      page: { limit, nextCursor: byActor.size > limit ? cursor([actors.at(-1)?.[0] as string]) : null },
    };
  } else if (url.pathname === "/api/v1/reactions") {
    const rows = reactions.all(limit + 1) as Record<string, string | null>[];
    const page = rows.slice(0, limit);
    const ev = evidenceBy(
      reactionEvidence,
      page.map((r) => r.id as string),
    );
    body = {
      data: page.map(({ targetActor, targetEvent, sortDate: _, ...r }) => ({
        ...compact(r),
        target: targetActor ? { actor: targetActor } : { event: targetEvent },
        evidence: ev.get(r.id as string) ?? [],
      })),
      page: { limit, nextCursor: rows.length > limit ? cursor([page.at(-1)?.sortDate as string, page.at(-1)?.id as string]) : null },
    };
  } else {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}).listen(Number(portArg), "127.0.0.1", () => console.log(`bare server on ${portArg}`));
