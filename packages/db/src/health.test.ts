// Readiness tells the truth: a read-only SQLite file fails the write probe (reads still work), and a
// PostgreSQL pool whose every connection is held shows as saturated within the deadline.
import { execFileSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { createToken, createUserRecord, principalForToken } from "./curation";
import { largeWriteMarkers, MARKER_STALE_MS } from "./curation/off-thread";
import { sqlitePath } from "./env";
import { probeDatabase } from "./health";
import { migrate } from "./migrate";
import { freshPostgres, freshSqlite, postgresAvailable } from "./testing/databases";

/** Makes a file unwritable for this process: chmod, and for root (whom chmod does not stop) the immutable flag. */
function makeReadOnly(path: string): { undo: () => void } | { skip: string } {
  chmodSync(path, 0o444);
  try {
    closeSync(openSync(path, "r+"));
  } catch {
    return { undo: () => chmodSync(path, 0o644) };
  }
  try {
    execFileSync("chattr", ["+i", path]);
    return { undo: () => execFileSync("chattr", ["-i", path]) };
  } catch (error) {
    chmodSync(path, 0o644);
    return { skip: `cannot make ${path} read-only as this user (${(error as Error).message.split("\n")[0]})` };
  }
}

describe("readiness of a SQLite database", () => {
  it("reports a read-only database file: reads answer, the write probe fails with the reason", async () => {
    const database = freshSqlite();
    await migrate(database.url);
    const path = sqlitePath(database.url);
    // Fold the WAL into the file, then close, so the read-only file holds everything.
    const setup = createDb(database.url);
    const u = await createUserRecord(setup, null, {
      email: "ro@example.org",
      name: "ro",
      role: "admin",
      password: "correct horse battery",
    });
    const { token } = await createToken(setup, { id: u.id, email: u.email, name: u.name, role: "admin" }, u.id, "reader");
    await setup.prisma.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await setup.close();
    const lock = makeReadOnly(path);
    if ("skip" in lock) {
      console.warn(`[health tests] read-only SQLite case skipped: ${lock.skip}`);
      await database.drop();
      return;
    }
    const db = createDb(database.url);
    try {
      const health = await probeDatabase(db, 2_000, 0);
      console.log(
        `[health tests] read-only SQLite: read ${health.read.ok} (${health.read.ms} ms), write ${health.write.ok}: ${health.write.reason}`,
      );
      expect(health.read.ok).toBe(true);
      expect(health.write.ok).toBe(false);
      expect(health.write.reason).toMatch(/readonly|read-only/i);
      // A token-authenticated caller is still recognised: its "last used" write is best effort.
      expect((await principalForToken(db, token))?.id).toBe(u.id);
    } finally {
      await db.close();
      lock.undo();
      await database.drop();
    }
  }, 60_000);

  it("does not wait behind another process's large write on the same file, and does once its marker is stale", async () => {
    const database = freshSqlite();
    await migrate(database.url);
    const db = createDb(database.url);
    // The other process's write: its connection holds the write lock.
    const holder = new BetterSqlite3(sqlitePath(database.url));
    holder.exec("BEGIN IMMEDIATE");
    const markers = largeWriteMarkers(db);
    try {
      // Without a marker the probe waits for the lock and says so.
      let health = await probeDatabase(db, 1_000, 0);
      expect(health.read.ok).toBe(true);
      expect(health.write.reason).toMatch(/did not answer/);
      // A marker touched just now, as a running write's is every few seconds.
      mkdirSync(markers, { recursive: true });
      const marker = join(markers, "4242-write");
      writeFileSync(marker, "");
      health = await probeDatabase(db, 1_000, 0);
      expect(health.read.ok && health.write.ok).toBe(true);
      // Its writer is gone (killed mid-write, whatever became of its pid): no longer touched, it no longer
      // counts, and is removed.
      const then = (Date.now() - MARKER_STALE_MS - 1_000) / 1000;
      utimesSync(marker, then, then);
      health = await probeDatabase(db, 1_000, 0);
      expect(health.write.ok).toBe(false);
      expect(readdirSync(markers)).toEqual([]);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
      await db.close();
      await database.drop();
    }
  }, 60_000);

  it("reports a writable database as ready", async () => {
    const database = freshSqlite();
    await migrate(database.url);
    const db = createDb(database.url);
    try {
      const health = await probeDatabase(db, 2_000, 0);
      expect(health.read.ok && health.write.ok).toBe(true);
    } finally {
      await db.close();
      await database.drop();
    }
  }, 60_000);
});

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[health tests] PostgreSQL case skipped: ${pg.reason}`);

describe.skipIf(!pg.ok)("readiness of a PostgreSQL pool", () => {
  let db: Db | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it("answers within the deadline that the pool is saturated and reads time out, while every connection is held", async () => {
    const database = await freshPostgres();
    drop = database.drop;
    await migrate(database.url);
    db = createDb(database.url);
    const pool = db.pool;
    if (!pool) throw new Error("a PostgreSQL Db has a pool");
    const max = pool.options.max ?? 10;
    // Hold every connection: a stuck pool, as when each request waits on a lock that never comes.
    const held = await Promise.all(Array.from({ length: max }, () => pool.connect()));
    const waiting = Array.from({ length: max }, () => pool.query("SELECT 1").catch(() => undefined));
    const started = performance.now();
    const health = await probeDatabase(db, 1_000, 0);
    const ms = Math.round(performance.now() - started);
    console.log(`[health tests] stuck pool: answered in ${ms} ms; read: ${health.read.reason}; pool ${JSON.stringify(health.pool)}`);
    expect(health.read.ok).toBe(false);
    expect(health.read.reason).toMatch(/within 1000 ms/);
    expect(health.pool?.saturated).toBe(true);
    for (const client of held) client.release();
    await Promise.all(waiting);
    // Once the connections are back, readiness recovers by itself (waited for, not timed).
    let after = await probeDatabase(db, 5_000, 0);
    for (let i = 0; i < 20 && !(after.read.ok && after.write.ok); i++) after = await probeDatabase(db, 5_000, 0);
    console.log(`[health tests] after release: read ${after.read.ok}, write ${after.write.ok} ${after.write.reason ?? ""}`);
    expect(after.read.ok && after.write.ok && !after.pool?.saturated).toBe(true);
  }, 180_000);
});
