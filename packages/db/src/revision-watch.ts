// PostgreSQL only: the dataset revision kept in process, told by the database. Every public read starts by
// reading the revision (read-model.ts's readRevision), one round trip to PostgreSQL per request: at one
// connection that round trip was a fifth of a cached answer's time. A trigger on "DatasetRevision"
// (migration 20261207070000_revision_notify) sends the new revision on channel `stancemap_revision` when a
// write that bumps it commits; one connection per instance LISTENs and keeps the last value.
//
// The kept value is trusted only while it is known to be current:
// - the trigger is there and enabled (a database migrated before it, or restored with triggers disabled,
//   would never notify);
// - the last heartbeat came back within TRUST_MS: each reads the row (correcting a lost notification)
//   and then sends itself a notification on a ping channel, and only that ping's arrival confirms the
//   connection, so a connection lost silently, or one through a pooler that drops LISTEN, stops being
//   trusted within that time;
// - no transaction of this process has bumped the revision past it (`noteLocalBump`): the request that
//   published answers after its commit, and the next read on this instance must see that publish even if
//   the notification is still on its way. A bump that was rolled back stops counting after the longest
//   transaction any writer allows.
// When not trusted, readRevision reads the row as before: slower, never stale. Another instance's publish
// is seen when PostgreSQL delivers the notification, at its commit. Checks that a read was not mixed with a
// publish (read-cache.ts, the stance index) read the row itself (readRevisionRow). STANCEMAP_PG_REVISION_LISTEN=0
// turns this off. A process holding a watching handle must close() it to exit (the listening socket).
import pg from "pg";

export const REVISION_CHANNEL = "stancemap_revision";
const PING_CHANNEL = "stancemap_revision_ping";
const HEARTBEAT_MS = 1_000;
const TRUST_MS = 2_500;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
const CONNECT_TIMEOUT_MS = 10_000;
/** The longest transaction any writer allows (seed's is 120 s), and a margin. */
const MIN_BUMP_LIFETIME_MS = 125_000;

// Kept on globalThis: a module reloaded in development must see the bumps the old one noted.
const shared = globalThis as unknown as { stancemapRevisionBumps?: { revision: number; at: number }[]; stancemapBumpLifetimeMs?: number };
shared.stancemapRevisionBumps ??= [];
const localBumps = shared.stancemapRevisionBumps;

/**
 * Called by bumpRevision inside its transaction: until this process reads `revision`, kept values below it
 * are not trusted. One list per process, not per database: a bump on another database only sends this
 * one's reads to the row for a while.
 */
export function noteLocalBump(revision: number): void {
  localBumps.push({ revision, at: Date.now() });
  if (localBumps.length > 256) localBumps.shift();
}

/** How long a bump that never committed still counts: at least the longest transaction, and a margin. */
export function setBumpLifetime(ms: number): void {
  shared.stancemapBumpLifetimeMs = Math.max(ms, MIN_BUMP_LIFETIME_MS);
}

function pendingBumpAbove(revision: number, now: number): boolean {
  const lifetime = shared.stancemapBumpLifetimeMs ?? MIN_BUMP_LIFETIME_MS;
  while (localBumps.length > 0 && now - (localBumps[0]?.at ?? now) > lifetime) localBumps.shift();
  return localBumps.some((b) => b.revision > revision);
}

export interface RevisionWatchState {
  /** Listening, the trigger enabled, and a heartbeat's ping back within the trust window. */
  live: boolean;
  known: number | null;
  notifications: number;
  reconnects: number;
  /** Why it is not listening, when it is not. */
  reason: string | null;
}

export interface RevisionWatchOptions {
  heartbeatMs?: number;
  trustMs?: number;
  /** Waits before each attempt to listen again, the last repeated. */
  retryMs?: number[];
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
  #pingSeq = 0;
  /** Pings sent and not yet back: each is settled true when it arrives, false when it times out or the connection goes. */
  #pings = new Map<string, (arrived: boolean) => void>();

  constructor(
    private readonly url: string,
    private readonly opts: RevisionWatchOptions = {},
  ) {}

  get #trustMs(): number {
    return this.opts.trustMs ?? TRUST_MS;
  }

  /** The revision, when it can be trusted without reading the row; null otherwise. Starts listening on first use. */
  current(): number | null {
    if (!this.#started) this.start();
    const known = this.#known;
    if (known === null || this.#reason !== null) return null;
    const now = Date.now();
    if (now - this.#confirmedAt > this.#trustMs) return null;
    if (pendingBumpAbove(known, now)) return null;
    return known;
  }

  /** A value a request read from the row: newer than the kept one once a local bump has committed. */
  saw(revision: number): void {
    if (this.#known !== null && revision > this.#known) this.#known = revision;
  }

  get state(): RevisionWatchState {
    return {
      live: this.#reason === null && Date.now() - this.#confirmedAt <= this.#trustMs,
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
    this.#settlePings();
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    const beat = this.opts.heartbeatMs ?? HEARTBEAT_MS;
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: "stancemap-revision",
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: 2 * beat + 1_000,
    });
    this.#client = client;
    client.on("error", (error) => this.#lost(client, `listening connection lost: ${error.message}`));
    client.on("end", () => this.#lost(client, "listening connection lost: the connection ended"));
    client.on("notification", (message) => {
      if (client !== this.#client) return;
      if (message.channel === PING_CHANNEL) {
        this.#pings.get(message.payload ?? "")?.(true);
        return;
      }
      if (message.channel !== REVISION_CHANNEL) return;
      const revision = Number(message.payload);
      if (!Number.isSafeInteger(revision) || revision < 0) return;
      this.#notifications++;
      // Notifications arrive in commit order on this one connection: the last one is the current value.
      this.#known = revision;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REVISION_CHANNEL}`);
      await client.query(`LISTEN ${PING_CHANNEL}`);
      const trigger = await client.query(
        `SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE c.relname = 'DatasetRevision' AND t.tgname = 'DatasetRevision_notify' AND t.tgenabled <> 'D'`,
      );
      if (trigger.rowCount === 0) {
        // Reads go to the row meanwhile; looked for again later (a database being restored or migrated).
        this.#lost(client, "the database has no enabled revision trigger (run the migrations)");
        return;
      }
      if (client !== this.#client) return;
      // Read after LISTEN: nothing committed from here on is missed.
      await this.#beat(client);
      if (client !== this.#client) return;
      this.#attempt = 0;
      this.#reason = null;
      this.#heartbeat = setInterval(() => void this.#beat(client).catch(() => {}), beat);
      this.#heartbeat.unref();
    } catch (error) {
      this.#lost(client, `listening connection lost: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Reads the row on the listening connection (correcting the kept value), then pings itself through
   * PostgreSQL: the ping's return is what confirms that notifications reach this connection now.
   */
  async #beat(client: pg.Client): Promise<void> {
    const sentAt = Date.now();
    const before = this.#notifications;
    try {
      const result = await client.query<{ revision: number }>(`SELECT "revision" FROM "DatasetRevision" WHERE "id" = 1`);
      if (client !== this.#client) return;
      // A notification that arrived while the row was read is newer than (or as new as) what was read.
      if (this.#notifications === before) this.#known = Number(result.rows[0]?.revision ?? 0);
      const token = String(++this.#pingSeq);
      const arrived = new Promise<boolean>((resolve) => this.#pings.set(token, resolve));
      const timer = setTimeout(() => this.#pings.get(token)?.(false), 2 * (this.opts.heartbeatMs ?? HEARTBEAT_MS) + 1_000);
      timer.unref();
      await client.query("SELECT pg_notify($1, $2)", [PING_CHANNEL, token]);
      const back = await arrived;
      clearTimeout(timer);
      this.#pings.delete(token);
      // Trusted from when the beat began: the row was read, and notifications reached this connection, after it.
      if (back && client === this.#client) this.#confirmedAt = Math.max(this.#confirmedAt, sentAt);
    } catch (error) {
      this.#lost(client, `listening connection lost: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  #settlePings(): void {
    for (const settle of this.#pings.values()) settle(false);
    this.#pings.clear();
  }

  #lost(client: pg.Client, why: string): void {
    if (client !== this.#client) return;
    this.#client = null;
    this.#reason = why;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
    this.#settlePings();
    void client.end().catch(() => {});
    if (this.#stopped) return;
    const retry = this.opts.retryMs ?? RETRY_MS;
    const wait = retry[Math.min(this.#attempt++, retry.length - 1)] ?? 30_000;
    this.#reconnects++;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.#connect();
    }, wait);
    this.#retry.unref();
  }
}
