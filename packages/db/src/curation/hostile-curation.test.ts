// Curation refusals an attacker or a careless editor runs into, on a real database (SQLite, and
// PostgreSQL when one answers): another editor's draft, a revert of nothing, account audit and redaction.
import type { RecordOf } from "@stancemap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../client";
import { loadDataset } from "../dataset";
import { migrate } from "../migrate";
import { readRevision } from "../read-model";
import { seedDataset } from "../seed";
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from "../testing/databases";
import { createUserRecord } from "./accounts";
import { getHead, returnDraft, saveChange } from "./drafts";
import type { Principal } from "./errors";
import { auditLog, revertRecord } from "./history";

const pg = await postgresAvailable();
if (!pg.ok) console.warn(`[hostile curation tests] PostgreSQL run skipped: ${pg.reason}`);
const engines = [
  { name: "SQLite", fresh: async () => freshSqlite(), enabled: true },
  { name: "PostgreSQL", fresh: freshPostgres, enabled: pg.ok },
];
const dataset = loadDataset();

describe.each(engines)("hostile curation on $name", ({ fresh, enabled }) => {
  let database: TestDatabase;
  let db: Db;
  let alice: Principal;
  let bob: Principal;
  let reviewer: Principal;

  beforeAll(async () => {
    if (!enabled) return;
    database = await fresh();
    await migrate(database.url);
    db = createDb(database.url);
    await seedDataset(db, dataset);
    const make = async (email: string, role: "editor" | "reviewer") => {
      const u = await createUserRecord(db, null, { email, name: email.split("@")[0], role, password: "correct horse battery" });
      return { id: u.id, email: u.email, name: u.name, role };
    };
    alice = await make("alice@example.org", "editor");
    bob = await make("bob@example.org", "editor");
    reviewer = await make("rev@example.org", "reviewer");
  }, 60_000);
  afterAll(async () => {
    if (!enabled) return;
    await db.close();
    await database.drop();
  });

  const actor = (slug: string, name: string): RecordOf<"actor"> => ({ slug, name, kind: "group" }) as RecordOf<"actor">;

  it.skipIf(!enabled)("an editor cannot change, discard or reopen another editor's draft; its author and reviewers can", async () => {
    const proposed = await saveChange(db, alice, {
      type: "actor",
      op: "upsert",
      record: actor("alice-group", "Alice's"),
      expectedVersion: null,
    });
    const head = await getHead(db, "actor", "alice-group");
    const edit = saveChange(db, bob, {
      type: "actor",
      op: "upsert",
      key: "alice-group",
      record: actor("alice-group", "Bob's"),
      expectedVersion: head.version,
    });
    await expect(edit).rejects.toMatchObject({ status: 403, message: expect.stringContaining("only its author or a reviewer") });
    const discard = saveChange(db, bob, { type: "actor", op: "delete", key: "alice-group", expectedVersion: head.version });
    await expect(discard).rejects.toMatchObject({ status: 403 });
    expect((await getHead(db, "actor", "alice-group")).draft?.record).toMatchObject({ name: "Alice's" });

    // Sent back by a reviewer, it stays returned when someone else tries to save into it.
    await returnDraft(db, reviewer, proposed.draftId, "add a source");
    await expect(
      saveChange(db, bob, {
        type: "actor",
        op: "upsert",
        key: "alice-group",
        record: actor("alice-group", "Bob's"),
        expectedVersion: head.version,
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await getHead(db, "actor", "alice-group")).draft?.status).toBe("returned");

    const own = await saveChange(db, alice, {
      type: "actor",
      op: "upsert",
      key: "alice-group",
      record: actor("alice-group", "Alice's, fixed"),
      expectedVersion: head.version,
    });
    expect(own.draftId).toBe(proposed.draftId);
    await saveChange(db, reviewer, {
      type: "actor",
      op: "upsert",
      key: "alice-group",
      record: actor("alice-group", "Reviewed"),
      expectedVersion: own.version,
    });
  });

  it.skipIf(!enabled)("a reviewer reverting a record that never existed gets 404 and nothing is written", async () => {
    const revision = await readRevision(db);
    const changes = (await auditLog(db, reviewer, { limit: 500 })).data.length;
    await expect(revertRecord(db, reviewer, "actor", "never-existed", { revision: 0, expectedVersion: 0 })).rejects.toMatchObject({
      status: 404,
    });
    expect(await readRevision(db)).toBe(revision);
    expect((await auditLog(db, reviewer, { limit: 500 })).data.length).toBe(changes);
  });

  it.skipIf(!enabled)("the audit log filtered to the last storable day answers, not fails", async () => {
    const page = await auditLog(db, alice, { to: "9999-12-31", from: "0001-01-01", limit: 10 });
    expect(page.data.length).toBeGreaterThan(0);
  });
});
