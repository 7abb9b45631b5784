// Who and which request the current work belongs to: the server entry (server.ts) opens a context per
// request; route handlers read its id for problem bodies and fill in the user once one is known.
// Kept on globalThis so the entry and Next's compiled route code share one store.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  id: string;
  userId?: string;
}

const KEY = Symbol.for("stancemap.requestContext");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
const storage: AsyncLocalStorage<RequestContext> = holder[KEY] ?? new AsyncLocalStorage<RequestContext>();
holder[KEY] = storage;

export function runWithRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The id of the request being served: from the context, else the header the entry set, else none. */
export function currentRequestId(headers?: Headers): string | undefined {
  return storage.getStore()?.id ?? headers?.get("x-request-id") ?? undefined;
}

/** Records the signed-in user for the request's log line. */
export function noteUser(userId: string): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}
