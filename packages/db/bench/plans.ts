// The query plans of the hot reads: runs each read once against a database (`tsx packages/db/bench/plans.ts
// <DATABASE_URL>`), records the statements it sent with their parameters, and prints SQLite's EXPLAIN QUERY
// PLAN or PostgreSQL's EXPLAIN of each, so a change to the SQL can be checked to keep its index seeks.
import Database from "better-sqlite3";
import pg from "pg";
import { createDb } from "../src/client";
import { selectCompactActors, selectCompactEvents, selectStanceTimeline } from "../src/dashboard";
import { listReactions, stancesAsOf } from "../src/queries";
import { selectGapsBySlug } from "../src/read-model";

const url = process.argv[2];
if (!url) throw new Error("usage: plans.ts <DATABASE_URL>");
const sent: { text: string; params: unknown[] }[] = [];

// Every statement either engine's driver is given passes here: better-sqlite3's prepare, pg's query.
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, text: string) {
  const statement = prepare.call(this, text);
  const all = statement.all;
  // biome-ignore lint/suspicious/noExplicitAny: better-sqlite3 binds arrays, objects or spread values alike
  statement.all = function (...args: any[]) {
    sent.push({ text, params: args });
    return all.apply(this, args);
  } as typeof all;
  return statement;
} as typeof prepare;
const query = pg.Client.prototype.query;
// biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads
pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
  if (typeof args[0] === "string") sent.push({ text: args[0], params: args[1] ?? [] });
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const db = createDb(url);
const [topic] = await db.sql.all<{ slug: string }>(`SELECT "slug" FROM "Topic" ORDER BY "slug" LIMIT 1`);
const [actor] = await db.sql.all<{ slug: string }>(`SELECT "slug" FROM "Actor" ORDER BY "slug" LIMIT 1 OFFSET 10`);
if (!topic || !actor) throw new Error("the database holds no topic or actor");
const reads: Record<string, () => Promise<unknown>> = {
  "stances at a date (API)": () => stancesAsOf(db, { topic: topic.slug, at: "2024-01-01", limit: 100 }),
  selectStanceTimeline: () => selectStanceTimeline(db, topic.slug),
  "selectStanceTimeline (one actor)": () => selectStanceTimeline(db, topic.slug, actor.slug),
  selectCompactActors: () => selectCompactActors(db),
  selectGapsBySlug: () => selectGapsBySlug(db, topic.slug),
  selectCompactEvents: () => selectCompactEvents(db),
  "reactions list (API)": () => listReactions(db, { limit: 100 }),
  "reactions of an actor (API)": () => listReactions(db, { limit: 100, actor: actor.slug }),
};
try {
  for (const [name, read] of Object.entries(reads)) {
    sent.length = 0;
    await read();
    const statements = sent.filter((s) => /^\s*SELECT/i.test(s.text) && !/"DatasetRevision"/.test(s.text));
    console.log(`\n### ${name}: ${statements.length} statement(s)`);
    for (const s of [...new Map(statements.map((s) => [s.text, s])).values()]) {
      console.log(`\n${s.text.replace(/\s+/g, " ").slice(0, 160)}…`);
      sent.length = 0;
      if (db.provider === "sqlite") {
        const raw = new Database(url.replace(/^file:/, ""), { readonly: true });
        const rows = raw.prepare(`EXPLAIN QUERY PLAN ${s.text}`).all(...(s.params as [])) as {
          detail: string;
          id: number;
          parent: number;
        }[];
        const depth = new Map<number, number>([[0, 0]]);
        for (const r of rows) {
          depth.set(r.id, (depth.get(r.parent) ?? 0) + 1);
          console.log(`${"  ".repeat(depth.get(r.id) ?? 1)}${r.detail}`);
        }
        raw.close();
      } else {
        const pool = db.pool as pg.Pool;
        const { rows } = await pool.query(`EXPLAIN ${s.text}`, s.params);
        for (const r of rows as { "QUERY PLAN": string }[]) console.log(`  ${r["QUERY PLAN"]}`);
      }
    }
  }
} finally {
  await db.close();
}
