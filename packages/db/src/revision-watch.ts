// PostgreSQL only: the dataset revision kept in process, told by the database. Every public read starts by
// reading the revision (read-model.ts's readRevision), one round trip to PostgreSQL per request: at one
// connection that round trip was a fifth of a cached answer's time. A trigger on "DatasetRevision"
// (migration 20261207070000_revision_notify) sends the new revision on channel `stancemap_revision` when a
// write that bumps it commits; one connection per instance LISTENs and keeps the last value.
//
// The kept value is trusted only while it is known to be current:
// - the listening connection answered a heartbeat (which also reads the row) within the last TRUST_MS, so
//   a connection lost silently, or a notification lost, costs at most that long before reads go back to
//   the database;
// - no transaction of this process has bumped the revision past it (`localBumps`): the request that
//   published answers after its commit, and the next read on this instance must see that publish even if
//   the notification is still on its way. A bump that was rolled back stops counting after the longest
//   transaction;
// - the trigger is there (a database migrated before it would never notify).
// When not trusted, readRevision reads the row as before. Another instance's publish is seen when
// PostgreSQL delivers the notification, at its commit. STANCEMAP_PG_REVISION_LISTEN=0 turns this off (for a
// pooler in transaction mode, where LISTEN does not work).
import pg from "pg";

export const REVISION_CHANNEL = "stancemap_revision";
const HEARTBEAT_MS = 1_000;
const TRUST_MS = 2_500;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Revisions this process's transactions bumped to, with when (read-model's trust check; revision.ts). */
const localBumps: { revision: number; at: number }[] = [];
let bumpLifetimeMs = 65_000;

/** Called by bumpRevision inside its transaction: until this process reads `revision`, kept values are not trusted. */
export function noteLocalBump(revision: number): void {
  localBumps.push({ revision, at: Date.now() });
  if (localBumps.length > 64) localBumps.shift();
}

/** How long a bump that never committed still counts (the longest transaction, and a margin). */
export function setBumpLifetime(ms: number): void {
  bumpLifetimeMs = ms;
}

function pendingBumpAbove(revision: number, now: number): boolean {
  while (localBumps.length > 0 && now - (localBumps[0]?.at ?? now) > bumpLifetimeMs) localBumps.shift();
  return localBumps.some((b) => b.revision > revision);
}

export interface RevisionWatchState {
  /** Listening, heartbeat current, and the trigger present. */
  live: boolean;
  known: number | null;
  notifications: number;
  reconnects: number;
  /** Why it is not live, when it is not. */
  reason: string | null;
}

export class RevisionWatch {
  #client: pg.Client | null = null;
  #known: number | null = null;
  #confirmedAt = 0;
  #notifications = 0;
  #reconnects = 0;
  #reason: string | null = "not started";
  #heartbeat: NodeJS.Timeout | null = null;
  #retry: NodeJS.Timeout | null = null;
  #attempt = 0;
  #stopped = false;
  #started = false;

  constructor(
    private readonly url: string,
    private readonly opts: { heartbeatMs?: number; trustMs?: number } = {},
  ) {}

  /** The revision, when it can be trusted without reading the row; null otherwise. Starts listening on first use. */
  current(): number | null {
    if (!this.#started) this.start();
    const known = this.#known;
    if (known === null || this.#reason !== null) return null;
    const now = Date.now();
    if (now - this.#confirmedAt > (this.opts.trustMs ?? TRUST_MS)) return null;
    if (pendingBumpAbove(known, now)) return null;
    return known;
  }

  /** A value read from the row by a request: newer than the kept one when a local bump has committed. */
  saw(revision: number): void {
    if (this.#known !== null && revision > this.#known) this.#known = revision;
  }

  get state(): RevisionWatchState {
    return {
      live: this.#reason === null && Date.now() - this.#confirmedAt <= (this.opts.trustMs ?? TRUST_MS),
      known: this.#known,
      notifications: this.#notifications,
      reconnects: this.#reconnects,
      reason: this.#reason,
    };
  }

  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    void this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    if (this.#retry) clearTimeout(this.#retry);
    this.#heartbeat = this.#retry = null;
    const client = this.#client;
    this.#client = null;
    this.#reason = "stopped";
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: "stancemap-revision",
      query_timeout: 2 * (this.opts.heartbeatMs ?? HEARTBEAT_MS) + 1_000,
    });
    this.#client = client;
    client.on("error", (error) => this.#lost(client, error.message));
    client.on("end", () => this.#lost(client, "the connection ended"));
    client.on("notification", (message) => {
      if (message.channel !== REVISION_CHANNEL || client !== this.#client) return;
      const revision = Number(message.payload);
      if (!Number.isSafeInteger(revision) || revision < 0) return;
      this.#notifications++;
      // Notifications arrive in commit order on this one connection: the last one is the current value.
      this.#known = revision;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REVISION_CHANNEL}`);
      const trigger = await client.query(
        `SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname = 'DatasetRevision' AND t.tgname = 'DatasetRevision_notify'`,
      );
      if (trigger.rowCount === 0) {
        // Not a failure to retry: this database was migrated before the trigger. Reads go to the row.
        this.#reason = "the database has no revision trigger (run the migrations)";
        this.#client = null;
        await client.end().catch(() => {});
        return;
      }
      if (client !== this.#client) return;
      // Read after LISTEN: nothing committed from here on is missed.
      await this.#beat(client);
      if (client !== this.#client) return;
      this.#attempt = 0;
      this.#reason = null;
      this.#heartbeat = setInterval(() => void this.#beat(client).catch(() => {}), this.opts.heartbeatMs ?? HEARTBEAT_MS);
      this.#heartbeat.unref();
    } catch (error) {
      this.#lost(client, error instanceof Error ? error.message : String(error));
    }
  }

  /** Reads the row on the listening connection: confirms it is alive and corrects the kept value. */
  async #beat(client: pg.Client): Promise<void> {
    const before = this.#notifications;
    try {
      const result = await client.query<{ revision: number }>(`SELECT "revision" FROM "DatasetRevision" WHERE "id" = 1`);
      if (client !== this.#client) return;
      // A notification that arrived while the row was read is newer than (or as new as) what was read.
      if (this.#notifications === before) this.#known = Number(result.rows[0]?.revision ?? 0);
      this.#confirmedAt = Date.now();
    } catch (error) {
      this.#lost(client, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  #lost(client: pg.Client, why: string): void {
    if (client !== this.#client) return;
    this.#client = null;
    this.#reason = `listening connection lost: ${why}`;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
    void client.end().catch(() => {});
    if (this.#stopped) return;
    const wait = RETRY_MS[Math.min(this.#attempt++, RETRY_MS.length - 1)] ?? 30_000;
    this.#reconnects++;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.#connect();
    }, wait);
    this.#retry.unref();
  }
}
