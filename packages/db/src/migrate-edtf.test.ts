// The EDTF migration on a database as the previous release left it: old-form rows of every precision,
// with evidence, event links, a no-data note, audit history and an open draft holding old JSON. After
// the migration every row is there, in the new form, and history and drafts still read.
import { countsFrom, Event, edtfFirstDay, Reaction, reactionCountsFrom, Stance } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { getHead, type Principal, recordHistory } from "./curation";
import { readRecord } from "./curation/records";
import { migrate } from "./migrate";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "./testing/databases";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[migration tests] PostgreSQL run skipped: ${pg.reason}`);
const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];

const BEFORE_EDTF = "20261206053155_client_quota";
const editor: Principal = { id: "u-editor", email: "editor@example.org", name: "Editor", role: "editor" };

const q = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`);
const now = "CURRENT_TIMESTAMP";

/** Old-form stances: [id, actor, validFrom, validFromPrecision, validUntil]. */
const OLD_STANCES = [
  ["st-day", "russia", "2025-07-03", "day", null],
  ["st-month", "china", "2024-03-01", "month", "2025-01-15"],
  ["st-year", "china", "2023-01-01", "year", "2024-03-01"],
  ["st-circa", "pakistan", "2025-07-03", "circa", null],
] as const;
/** What each becomes: [id, validFrom, attested, countsFrom, validUntil]. */
const NEW_STANCES = [
  ["st-circa", null, "2025-07-03", "2025-07-03", null],
  ["st-day", "2025-07-03", "2025-07-03", "2025-07-03", null],
  ["st-month", "2024-03", "2024-03", "2024-03-01", "2025-01-15"],
  ["st-year", "2023", "2023", "2023-01-01", "2024-03-01"],
];
/** Old-form events and reactions: [id, date, datePrecision]; the new events [id, date, sortDate]. */
const OLD_DATED = [
  ["day", "2025-07-03", "day"],
  ["month", "2024-03-01", "month"],
  ["year", "2022-01-01", "year"],
  ["circa", "2021-08-15", "circa"],
] as const;
const NEW_EVENTS = [
  ["circa", "2021-08-15~", "2021-08-15"],
  ["day", "2025-07-03", "2025-07-03"],
  ["month", "2024-03", "2024-03-01"],
  ["year", "2022", "2022-01-01"],
];
/** The new reactions [id, date, attested, sortDate]: one dated only by its report has no date, as a stance has no start. */
const NEW_REACTIONS = [
  ["circa", null, "2021-08-15", "2021-08-15"],
  ["day", "2025-07-03", "2025-07-03", "2025-07-03"],
  ["month", "2024-03", "2024-03", "2024-03-01"],
  ["year", "2022", "2022", "2022-01-01"],
];

function oldStanceJson(id: string, version: number) {
  const [, actor, validFrom, validFromPrecision, validUntil] = OLD_STANCES.find((s) => s[0] === id) ?? [];
  return {
    id,
    actor,
    topic: "posture",
    category: "engaged",
    validFrom,
    validFromPrecision,
    ...(validUntil ? { validUntil } : {}),
    confidence: "medium",
    summary: `Stance ${id}, version ${version}.`,
    evidence: [{ source: "src-a", locator: "p. 1" }],
  };
}

function oldReactionJson(kind: string) {
  const [, date, datePrecision] = OLD_DATED.find((d) => d[0] === kind) ?? [];
  return {
    id: `re-${kind}`,
    actor: "china",
    target: { event: `ev-${kind}` },
    date,
    datePrecision,
    sentiment: "neutral",
    summary: `Reaction ${kind}.`,
    confidence: "high",
    evidence: [{ source: "src-a" }],
  };
}

/** The database as the previous release wrote it, with the previous release's raw SQL. */
function oldRows(): string[] {
  const rows: string[] = [];
  for (const [id, kind] of [
    ["russia", "state"],
    ["china", "state"],
    ["pakistan", "state"],
    ["fawzia-koofi", "person"],
  ] as const)
    rows.push(
      `INSERT INTO "Actor" ("id","slug","name","kind","version","createdAt","updatedAt") VALUES (${q(id)},${q(id)},${q(id)},${q(kind)},1,${now},${now})`,
    );
  rows.push(`INSERT INTO "Topic" ("id","slug","title","question","version","createdAt","updatedAt")
    VALUES ('posture','posture','Posture','Which posture?',1,${now},${now})`);
  rows.push(
    `INSERT INTO "Category" ("id","topicId","key","label","order","colour") VALUES ('posture:engaged','posture','engaged','Engaged',1,'#112233')`,
  );
  rows.push(`INSERT INTO "Source" ("id","publisher","title","reliability","version","createdAt","updatedAt")
    VALUES ('src-a','Publisher','A source','high',1,${now},${now})`);
  for (const [id, actor, validFrom, precision, validUntil] of OLD_STANCES) {
    rows.push(`INSERT INTO "Stance" ("id","actorId","topicId","categoryId","validFrom","validFromPrecision","validUntil","confidence","summary","version","createdAt","updatedAt")
      VALUES (${q(id)},${q(actor)},'posture','posture:engaged',${q(validFrom)},${q(precision)},${q(validUntil)},'medium',${q(`Stance ${id}, version 2.`)},2,${now},${now})`);
    rows.push(`INSERT INTO "Evidence" ("id","position","sourceId","locator","stanceId","quoteText","quoteSpeakerId","quoteLanguage")
      VALUES (${q(`stance:${id}:0`)},0,'src-a','p. 1',${q(id)},'We engage.',${q(actor)},'en')`);
  }
  for (const [kind, date, precision] of OLD_DATED) {
    rows.push(`INSERT INTO "Event" ("id","slug","date","datePrecision","title","version","createdAt","updatedAt")
      VALUES (${q(`ev-${kind}`)},${q(`ev-${kind}`)},${q(date)},${q(precision)},${q(`Event ${kind}`)},1,${now},${now})`);
    rows.push(`INSERT INTO "EventActor" ("eventId","actorId") VALUES (${q(`ev-${kind}`)},'russia')`);
    rows.push(
      `INSERT INTO "Evidence" ("id","position","sourceId","eventId") VALUES (${q(`event:ev-${kind}:0`)},0,'src-a',${q(`ev-${kind}`)})`,
    );
    rows.push(`INSERT INTO "Reaction" ("id","actorId","targetEventId","date","datePrecision","sentiment","summary","confidence","version","createdAt","updatedAt")
      VALUES (${q(`re-${kind}`)},'china',${q(`ev-${kind}`)},${q(date)},${q(precision)},'neutral',${q(`Reaction ${kind}.`)},'high',1,${now},${now})`);
    rows.push(
      `INSERT INTO "Evidence" ("id","position","sourceId","reactionId") VALUES (${q(`reaction:re-${kind}:0`)},0,'src-a',${q(`re-${kind}`)})`,
    );
  }
  rows.push(
    `INSERT INTO "DataGap" ("id","actorId","topicId","note","version") VALUES ('fawzia-koofi:posture','fawzia-koofi','posture','The sources state none.',1)`,
  );
  // The audit trail: two published revisions of a stance of unknown start, one of a month-precise reaction.
  const change = (action: string, type: string, key: string, version: number | null, before: unknown, after: unknown) =>
    `INSERT INTO "Change" ("at","userId","userEmail","action","entityType","entityId","recordVersion","before","after")
     VALUES (${now},'u-reviewer','reviewer@example.org',${q(action)},${q(type)},${q(key)},${version === null ? "NULL" : version},
       ${before === null ? "NULL" : q(JSON.stringify(before))},${after === null ? "NULL" : q(JSON.stringify(after))})`;
  rows.push(change("publish", "stance", "st-circa", 1, null, { version: 1, record: oldStanceJson("st-circa", 1) }));
  rows.push(
    change(
      "publish",
      "stance",
      "st-circa",
      2,
      { version: 1, record: oldStanceJson("st-circa", 1) },
      { version: 2, record: oldStanceJson("st-circa", 2) },
    ),
  );
  rows.push(change("publish", "reaction", "re-month", 1, null, { version: 1, record: oldReactionJson("month") }));
  // An open draft proposing a change to the month-precise stance, saved by the old release.
  const drafted = { ...oldStanceJson("st-month", 3), summary: "Proposed in a draft." };
  rows.push(`INSERT INTO "Draft" ("id","title","status","authorId","authorEmail","version","createdAt","updatedAt")
    VALUES ('d-old','Old draft','pending','u-editor','editor@example.org',1,${now},${now})`);
  rows.push(`INSERT INTO "DraftItem" ("id","draftId","entityType","entityId","op","payload","baseVersion","pendingKey","version","position","updatedAt")
    VALUES ('i-old','d-old','stance','st-month','upsert',${q(JSON.stringify(drafted))},2,'stance:st-month',1,0,${now})`);
  rows.push(change("draft.save", "stance", "st-month", null, { record: oldStanceJson("st-month", 2) }, { record: drafted }));
  return rows;
}

const TABLES = [
  "Actor",
  "Topic",
  "Category",
  "Source",
  "Stance",
  "Evidence",
  "Event",
  "EventActor",
  "Reaction",
  "DataGap",
  "Change",
  "Draft",
  "DraftItem",
];

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await db.sql.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${t}"`))[0]?.n);
  return out;
}

describe.each(engines)("the EDTF migration on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;
  let before: Record<string, number>;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    const old = await migrate(database.url, { through: BEFORE_EDTF });
    expect(old.applied.at(-1)).toBe(BEFORE_EDTF);
    db = createDb(database.url);
    for (const statement of oldRows()) await db.prisma.$executeRawUnsafe(statement);
    before = await counts(db);
    const result = await migrate(database.url);
    // The EDTF migration, then any later ones.
    expect(result.applied[0]).toBe("20261206082914_edtf_dates");
  }, 120_000);
  afterAll(async () => {
    if (!enabled) return;
    await db.close();
    await database.drop();
  });

  it.skipIf(!enabled)("keeps every row of every table, evidence and event links included", async () => {
    expect(before).toMatchObject({ Stance: 4, Event: 4, Reaction: 4, Evidence: 12, EventActor: 4, DataGap: 1, Change: 4, DraftItem: 1 });
    expect(await counts(db)).toEqual(before);
    const targets = await db.sql.all<{ id: string; target: string | null }>(
      `SELECT "id", "targetEventId" AS "target" FROM "Reaction" ORDER BY "id"`,
    );
    expect(targets.map((t) => t.target)).toEqual(["ev-circa", "ev-day", "ev-month", "ev-year"]);
  });

  it.skipIf(!enabled)("writes each stance's start, attestation and sort key at the precision it had", async () => {
    const rows = await db.sql.all<{
      id: string;
      validFrom: string | null;
      attested: string;
      countsFrom: string;
      validUntil: string | null;
      qualifiers: string;
    }>(`SELECT "id", "validFrom", "attested", "countsFrom", "validUntil", "qualifiers" FROM "Stance" ORDER BY "id"`);
    expect(rows.map((r) => [r.id, r.validFrom, r.attested, r.countsFrom, r.validUntil])).toEqual(NEW_STANCES);
    for (const r of rows) {
      expect(r.qualifiers).toBe("[]");
      // The stored sort key is what core computes from the stored dates.
      expect(r.countsFrom).toBe(countsFrom({ actor: "", topic: "", validFrom: r.validFrom, attested: r.attested }));
    }
  });

  it.skipIf(!enabled)("writes events' and reactions' dates as EDTF, sorted by the first day they count from", async () => {
    const events = await db.sql.all<{ id: string; date: string; sortDate: string }>(
      `SELECT "id", "date", "sortDate" FROM "Event" ORDER BY "id"`,
    );
    expect(events.map((r) => [r.id, r.date, r.sortDate])).toEqual(NEW_EVENTS.map(([k, d, s]) => [`ev-${k}`, d, s]));
    for (const r of events) expect(r.sortDate).toBe(edtfFirstDay(r.date));
    const reactions = await db.sql.all<{ id: string; date: string | null; attested: string; sortDate: string }>(
      `SELECT "id", "date", "attested", "sortDate" FROM "Reaction" ORDER BY "id"`,
    );
    expect(reactions.map((r) => [r.id, r.date, r.attested, r.sortDate])).toEqual(NEW_REACTIONS.map(([k, ...rest]) => [`re-${k}`, ...rest]));
    for (const r of reactions) expect(r.sortDate).toBe(reactionCountsFrom(r));
  });

  it.skipIf(!enabled)("reads every migrated record as a valid record of the new contract", async () => {
    for (const [id] of NEW_STANCES) {
      const stored = await readRecord(db.prisma, "stance", id as string);
      expect(Stance.safeParse(stored?.record).error?.issues).toBeUndefined();
    }
    const circa = (await readRecord(db.prisma, "stance", "st-circa"))?.record;
    expect(circa).toMatchObject({ attested: "2025-07-03", qualifiers: [] });
    expect(circa).not.toHaveProperty("validFrom");
    expect(circa).not.toHaveProperty("validFromPrecision");
    for (const [kind, date] of NEW_EVENTS) {
      const event = (await readRecord(db.prisma, "event", `ev-${kind}`))?.record;
      expect(Event.safeParse(event).error?.issues).toBeUndefined();
      expect((event as { date: string }).date).toBe(date);
      expect(event).not.toHaveProperty("datePrecision");
    }
    for (const [kind, date, attested] of NEW_REACTIONS) {
      const reaction = (await readRecord(db.prisma, "reaction", `re-${kind}`))?.record;
      expect(Reaction.safeParse(reaction).error?.issues).toBeUndefined();
      expect(reaction).toMatchObject({ attested });
      if (date === null) expect(reaction).not.toHaveProperty("date");
      else expect(reaction).toMatchObject({ date });
      expect(reaction).not.toHaveProperty("datePrecision");
    }
  });

  it.skipIf(!enabled)("still reads the history written in the old form, as the new form", async () => {
    const history = await recordHistory(db, editor, "stance", "st-circa");
    expect(history.revisions.map((r) => r.version)).toEqual([0, 1, 2]);
    for (const r of history.revisions.slice(1)) {
      expect(r.record).toMatchObject({ attested: "2025-07-03" });
      expect(r.record).not.toHaveProperty("validFromPrecision");
      expect(Stance.safeParse(r.record).error?.issues).toBeUndefined();
    }
    for (const c of history.changes) expect(c.after).not.toHaveProperty("validFromPrecision");
    const reaction = await recordHistory(db, editor, "reaction", "re-month");
    expect(reaction.revisions.at(-1)?.record).toMatchObject({ date: "2024-03", attested: "2024-03" });
  });

  it.skipIf(!enabled)("still reads an open draft saved in the old form, as the new form", async () => {
    const head = await getHead(db, "stance", "st-month");
    expect(head.draft?.record).toMatchObject({ validFrom: "2024-03", attested: "2024-03", summary: "Proposed in a draft." });
    expect(head.draft?.record).not.toHaveProperty("validFromPrecision");
    expect(head.published?.record).toMatchObject({ validFrom: "2024-03", validUntil: "2025-01-15" });
  });
});
