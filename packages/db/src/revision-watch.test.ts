// The revision kept from PostgreSQL's notifications: another instance's publish reaches it, this process's
// own publish is read at once, a lost listening connection sends reads back to the row until it is back,
// and a database without the trigger is never trusted. PostgreSQL only (SQLite reads its row in-process).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "./client";
import { migrate } from "./migrate";
import { readRevision } from "./read-model";
import { bumpRevision } from "./revision";
import { RevisionWatch } from "./revision-watch";
import { freshPostgres, postgresAvailable, type TestDatabase } from "./testing/databases";

const up = await postgresAvailable();
if (!up.ok) console.warn(`[revision watch tests] skipped: ${up.reason}`);

/** Another instance (or a script) bumping the revision: its own connection, nothing of this process's bookkeeping. */
async function bumpElsewhere(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ revision: number }>(
      `INSERT INTO "DatasetRevision" ("id", "revision") VALUES (1, 1)
       ON CONFLICT ("id") DO UPDATE SET "revision" = "DatasetRevision"."revision" + 1 RETURNING "revision"`,
    );
    return Number(r.rows[0]?.revision);
  } finally {
    await client.end();
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const wait = { timeout: 20_000, interval: 20 };

describe.runIf(up.ok)("the dataset revision kept from PostgreSQL's notifications", () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await freshPostgres();
    await migrate(database.url);
    db = createDb(database.url, { watchRevision: true });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it("starts listening on the first read and then answers from the kept value", async () => {
    expect(db.revisions).toBeDefined();
    const first = await readRevision(db);
    await vi.waitFor(() => expect(db.revisions?.state.live).toBe(true), wait);
    expect(db.revisions?.current()).toBe(first);
  });

  it("sees another instance's bump through the notification", async () => {
    const bumped = await bumpElsewhere(database.url);
    await vi.waitFor(() => expect(db.revisions?.current()).toBe(bumped), wait);
    expect(await readRevision(db)).toBe(bumped);
    expect(db.revisions?.state.notifications).toBeGreaterThan(0);
  });

  it("reads this process's own bump at once, before its notification could be relied on", async () => {
    const before = await readRevision(db);
    const after = await db.prisma.$transaction((tx) => bumpRevision(tx));
    expect(after).toBe(before + 1);
    // No wait: the request after a publish must show it.
    expect(await readRevision(db)).toBe(after);
  });

  it("goes back to the row while the listening connection is lost, and listens again", async () => {
    // Its own handle, listening again only after 3 s: long enough for the checks made while it is down.
    const other = createDb(database.url, { watchRevision: true });
    (other as { revisions?: RevisionWatch }).revisions = new RevisionWatch(database.url, { retryMs: [3_000] });
    try {
      await readRevision(other);
      await vi.waitFor(() => expect(other.revisions?.state.live).toBe(true), wait);
      await adminQuery(
        database.url,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'stancemap-revision' AND datname = current_database()`,
      );
      await vi.waitFor(() => expect(other.revisions?.state.reason).toMatch(/listening connection lost/), wait);
      // While it is down, a bump elsewhere is read from the row at once.
      const bumped = await bumpElsewhere(database.url);
      expect(await readRevision(other)).toBe(bumped);
      await vi.waitFor(() => expect(other.revisions?.state.live).toBe(true), { ...wait, timeout: 30_000 });
      expect(other.revisions?.state.reconnects).toBeGreaterThan(0);
      const again = await bumpElsewhere(database.url);
      await vi.waitFor(() => expect(other.revisions?.current()).toBe(again), wait);
    } finally {
      await other.close();
    }
  }, 60_000);

  it("stops trusting the kept value when heartbeats stop coming back", async () => {
    // One heartbeat only (the next is an hour away), trusted for 300 ms.
    const watch = new RevisionWatch(database.url, { heartbeatMs: 3_600_000, trustMs: 300 });
    try {
      watch.start();
      await vi.waitFor(() => expect(watch.current()).not.toBeNull(), wait);
      await vi.waitFor(() => expect(watch.current()).toBeNull(), wait);
      expect(watch.state.live).toBe(false);
      expect(watch.state.reason).toBeNull(); // still listening: only its confirmation is old
    } finally {
      await watch.stop();
    }
  });

  it("answers without a query while live: the pool closed, the revision still read", async () => {
    const other = createDb(database.url, { watchRevision: true });
    // Trusted for a minute, so that a busy machine's pause between the two reads cannot end the trust.
    (other as { revisions?: RevisionWatch }).revisions = new RevisionWatch(database.url, { trustMs: 60_000 });
    try {
      const value = await readRevision(other);
      await vi.waitFor(() => expect(other.revisions?.state.live).toBe(true), wait);
      await other.pool?.end();
      expect(await readRevision(other)).toBe(value);
    } finally {
      await other.revisions?.stop();
    }
  });

  for (const [what, sql] of [
    ["has no trigger", `DROP TRIGGER "DatasetRevision_notify" ON "DatasetRevision"`],
    ["has its trigger disabled", `ALTER TABLE "DatasetRevision" DISABLE TRIGGER "DatasetRevision_notify"`],
  ] as const) {
    it(`never trusts a database that ${what}: every read goes to the row`, async () => {
      const bare = await freshPostgres();
      const other = createDb(bare.url, { watchRevision: true });
      try {
        await migrate(bare.url);
        await adminQuery(bare.url, sql);
        await readRevision(other);
        await vi.waitFor(() => expect(other.revisions?.state.reason).toMatch(/no enabled revision trigger/), wait);
        const bumped = await bumpElsewhere(bare.url);
        expect(other.revisions?.current()).toBeNull();
        expect(await readRevision(other)).toBe(bumped);
      } finally {
        await other.close();
        await bare.drop();
      }
    });
  }

  it("is off with STANCEMAP_PG_REVISION_LISTEN=0, and never on without being asked for", () => {
    vi.stubEnv("STANCEMAP_PG_REVISION_LISTEN", "0");
    try {
      const off = createDb(database.url, { watchRevision: true });
      expect(off.revisions).toBeUndefined();
      void off.close();
    } finally {
      vi.unstubAllEnvs();
    }
    const plain = createDb(database.url);
    expect(plain.revisions).toBeUndefined();
    void plain.close();
  });
});
