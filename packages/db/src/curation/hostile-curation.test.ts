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
import {
  addressBucket,
  beginSignInAttempt,
  createToken,
  createUserRecord,
  passwordChanged,
  principalForToken,
  settleSignInAttempt,
} from "./accounts";
import { getHead, returnDraft, saveChange } from "./drafts";
import type { Principal } from "./errors";
import { auditLog, recordHistory, revertRecord } from "./history";

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

  it.skipIf(!enabled)("an editor reading a record's history sees other people by name, not by email or id", async () => {
    const history = JSON.stringify(await recordHistory(db, alice, "actor", "alice-group"));
    expect(history).toContain("alice@example.org");
    expect(history).not.toContain("rev@example.org");
    expect(history).not.toContain(reviewer.id);
    expect(JSON.stringify(await recordHistory(db, { ...reviewer, role: "admin" }, "actor", "alice-group"))).toContain("rev@example.org");
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

  it.skipIf(!enabled)("a guesser from one address cannot lock the owner out from another, and waits grow with each failure", async () => {
    const email = `backoff-${Date.now()}@example.org`;
    for (let i = 0; i < 5; i++) {
      const a = await beginSignInAttempt(db, email, "198.51.100.1");
      expect(a.blocked, `guess ${i + 1}`).toBe(false);
      await settleSignInAttempt(db, a.id as string, true);
    }
    const held = await beginSignInAttempt(db, email, "198.51.100.1");
    expect(held).toMatchObject({ blocked: true });
    expect(held.retryAfterSeconds).toBeGreaterThanOrEqual(9);
    // The owner, elsewhere, is not held back by the guesser's failures.
    const owner = await beginSignInAttempt(db, email, "203.0.113.5");
    expect(owner.blocked).toBe(false);
    await settleSignInAttempt(db, owner.id as string, false);
    // Two more failures recorded (as if the first wait passed): the wait doubles each time.
    await db.prisma.signInFailure.createMany({
      data: [1, 2].map((n) => ({ id: `f-extra-${n}-${Date.now()}`, email, address: "198.51.100.1", at: new Date() })),
    });
    const longer = await beginSignInAttempt(db, email, "198.51.100.1");
    expect(longer.retryAfterSeconds).toBeGreaterThanOrEqual(39);
  });

  it.skipIf(!enabled)("addresses in one IPv6 /64 share a bucket; failures older than an hour are purged", async () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe(addressBucket("2001:0db8:0001:0002:ffff:1:2:3"));
    expect(addressBucket("2001:db8:1:3::1")).not.toBe(addressBucket("2001:db8:1:2::1"));
    expect(addressBucket("192.0.2.7")).toBe("192.0.2.7");
    const old = `old-${Date.now()}`;
    await db.prisma.signInFailure.create({
      data: { id: old, email: "old@example.org", address: "192.0.2.1", at: new Date(Date.now() - 2 * 3600_000) },
    });
    const a = await beginSignInAttempt(db, "someone@example.org", "192.0.2.9");
    await settleSignInAttempt(db, a.id as string, false);
    expect(await db.prisma.signInFailure.count({ where: { id: old } })).toBe(0);
  });

  it.skipIf(!enabled)(
    "a password change revokes the user's API tokens and is audited; editors' audit log shows no accounts or emails",
    async () => {
      const admin = await createUserRecord(db, null, {
        email: "adm@example.org",
        name: "Adm",
        role: "admin",
        password: "correct horse battery",
      });
      const who = { id: admin.id, email: admin.email, name: admin.name, role: "admin" as const };
      const { token } = await createToken(db, who, bob.id, "secret-token-name");
      expect(await principalForToken(db, token)).toMatchObject({ id: bob.id });
      expect(await passwordChanged(db, bob.id)).toEqual({ revokedTokens: 1 });
      expect(await principalForToken(db, token)).toBeNull();
      const full = JSON.stringify((await auditLog(db, who, { limit: 500 })).data);
      expect(full).toContain("secret-token-name");
      expect(full).toContain("user.password");
      const seen = JSON.stringify((await auditLog(db, alice, { limit: 500 })).data);
      expect(seen).not.toContain("secret-token-name");
      expect(seen).not.toContain("bob@example.org");
      expect(seen).not.toContain(bob.id);
      expect(seen).not.toContain("rev@example.org");
      expect(seen).toContain("alice@example.org");
    },
  );

  it.skipIf(!enabled)("the audit log filtered to the last storable day answers, not fails", async () => {
    const page = await auditLog(db, alice, { to: "9999-12-31", from: "0001-01-01", limit: 10 });
    expect(page.data.length).toBeGreaterThan(0);
  });
});
