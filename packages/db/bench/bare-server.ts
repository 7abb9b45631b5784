// The benchmark's baseline: a minimal node:http + better-sqlite3 server answering the two measured
// requests from the same file with the same JSON as the app. It skips everything the app does
// (routing, validation, ETags, Prisma); the ratio between the two is the cost of those.
import { createServer } from "node:http";
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
// The same query as the app's read model (selectStancesAsOf): one index seek per actor.
const asOf = db.prepare(`
  SELECT st."id", a."slug" AS actor, t."slug" AS topic, c."key" AS category, st."validFrom", st."validFromPrecision",
         st."validUntil", st."confidence", st."summary", st."note"
  FROM (
    SELECT a0."slug" AS "slug", (
      SELECT s."id" FROM "Stance" s WHERE s."actorId" = a0."id" AND s."topicId" = @topic AND s."validFrom" <= @at
      ORDER BY s."validFrom" DESC, s."id" DESC LIMIT 1
    ) AS "stanceId"
    FROM "Actor" a0
  ) picked
  JOIN "Stance" st ON st."id" = picked."stanceId" JOIN "Actor" a ON a."id" = st."actorId"
  JOIN "Topic" t ON t."id" = st."topicId" JOIN "Category" c ON c."id" = st."categoryId"
  WHERE st."validUntil" IS NULL OR st."validUntil" > @at
  ORDER BY picked."slug" LIMIT @limit`);
const gaps = db.prepare(`SELECT a."slug" AS actor, t."slug" AS topic, g."note" FROM "DataGap" g
  JOIN "Actor" a ON a."id" = g."actorId" JOIN "Topic" t ON t."id" = g."topicId" WHERE g."topicId" = ? ORDER BY g."actorId"`);
const reactions = db.prepare(`SELECT r."id", a."slug" AS actor, ta."slug" AS targetActor, te."slug" AS targetEvent, r."date",
  r."datePrecision", r."sentiment", r."summary", r."confidence"
  FROM "Reaction" r JOIN "Actor" a ON a."id" = r."actorId" LEFT JOIN "Actor" ta ON ta."id" = r."targetActorId"
  LEFT JOIN "Event" te ON te."id" = r."targetEventId" ORDER BY r."date", r."id" LIMIT ?`);

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
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
    const rows = asOf.all({ topic: id, at, limit: limit + 1 }) as Record<string, string | null>[];
    const page = rows.slice(0, limit);
    const ev = evidenceBy(
      stanceEvidence,
      page.map((r) => r.id as string),
    );
    body = {
      data: page.map((r) => ({ ...compact(r), evidence: ev.get(r.id as string) ?? [], ageDays: days(r.validFrom as string, at) })),
      gaps: gaps.all(id),
      at,
      topic,
      page: { limit, nextCursor: rows.length > limit ? cursor([page.at(-1)?.actor as string]) : null },
    };
  } else if (url.pathname === "/api/v1/reactions") {
    const rows = reactions.all(limit + 1) as Record<string, string | null>[];
    const page = rows.slice(0, limit);
    const ev = evidenceBy(
      reactionEvidence,
      page.map((r) => r.id as string),
    );
    body = {
      data: page.map(({ targetActor, targetEvent, ...r }) => ({
        ...r,
        target: targetActor ? { actor: targetActor } : { event: targetEvent },
        evidence: ev.get(r.id as string) ?? [],
      })),
      page: { limit, nextCursor: rows.length > limit ? cursor([page.at(-1)?.date as string, page.at(-1)?.id as string]) : null },
    };
  } else {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}).listen(Number(portArg), "127.0.0.1", () => console.log(`bare server on ${portArg}`));
