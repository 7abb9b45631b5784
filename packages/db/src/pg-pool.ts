// A pg pool that heals: a connection that failed is destroyed at once instead of waiting for a release
// that may never come, and every wait is bounded. Needed because @prisma/adapter-pg 6.19 releases a
// transaction's connection only after its COMMIT/ROLLBACK query succeeds: when the backend is killed
// mid-transaction, or the COMMIT itself is refused (a deferred constraint), that query throws, the
// release is skipped, and the slot is lost for good.
import pg from "pg";
import type { PgPoolSettings } from "./env";

interface CheckoutState {
  broken: Error | null;
  released: boolean;
  release: (error?: Error | boolean) => void;
}

const checkouts = new WeakMap<pg.PoolClient, CheckoutState>();

/** Whether an error means the connection itself is gone or out of step (not just a refused statement). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true; // socket errors, "Connection terminated", query_timeout
  const code = error.code ?? "";
  // 08: connection exception; 57P01-57P03: the server terminated or is shutting down the session.
  return code.startsWith("08") || /^57P0[1-3]$/.test(code);
}

/** A query that ends a transaction: Prisma sends COMMIT and ROLLBACK as plain text. */
function endsTransaction(query: unknown): boolean {
  const text = typeof query === "string" ? query : (query as { text?: unknown } | null)?.text;
  return typeof text === "string" && /^\s*(COMMIT|ROLLBACK)\b/i.test(text);
}

function markBroken(client: pg.PoolClient, error: Error): void {
  const state = checkouts.get(client);
  if (!state || state.released) return;
  state.broken ??= error;
  // Free the slot now: the owner may never call release() (see the header).
  client.release(state.broken);
}

/** Once per client: watch its errors and failed queries for the whole of its life. */
function watch(client: pg.PoolClient): void {
  if (checkouts.has(client)) return;
  client.on("error", (error) => markBroken(client, error));
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((error: Error) => {
        // A refused COMMIT (or ROLLBACK) has ended the transaction, and nothing will release the client.
        if (isConnectionError(error) || endsTransaction(args[0])) markBroken(client, error);
      });
    }
    return result;
  };
}

function guard(client: pg.PoolClient): pg.PoolClient {
  watch(client);
  const state: CheckoutState = { broken: null, released: false, release: client.release };
  checkouts.set(client, state);
  client.release = (error?: Error | boolean) => {
    if (state.released) return; // a second release (ours, then the owner's) is harmless
    state.released = true;
    // A client that failed is destroyed (release with an error), never handed to the next request.
    state.release(error || state.broken || undefined);
  };
  return client;
}

export function createPool(connectionString: string, settings: PgPoolSettings): pg.Pool {
  const off = (ms: number) => (ms > 0 ? ms : undefined);
  const pool = new pg.Pool({
    connectionString,
    max: settings.STANCEMAP_PG_POOL_MAX,
    connectionTimeoutMillis: settings.STANCEMAP_PG_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: settings.STANCEMAP_PG_IDLE_TIMEOUT_MS,
    statement_timeout: off(settings.STANCEMAP_PG_STATEMENT_TIMEOUT_MS),
    idle_in_transaction_session_timeout: off(settings.STANCEMAP_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS),
    query_timeout: off(settings.STANCEMAP_PG_QUERY_TIMEOUT_MS),
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: "stancemap",
  });
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | undefined;
  // Promise form: Prisma's transactions. The callback form is pool.query's, which releases with the error itself.
  pool.connect = ((callback?: unknown) => (callback ? connect(callback) : connect()?.then(guard))) as typeof pool.connect;
  // An idle connection the server drops (a restart, a terminated backend) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.warn(`[db] an idle PostgreSQL connection was lost: ${error.message}`));
  // A connection can report its loss twice (the server's FATAL message, then the closed socket), after
  // pg-pool's one-shot listener is gone: without a listener of its own that would crash the process.
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}
