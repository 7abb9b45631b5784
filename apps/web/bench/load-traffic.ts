// The load bench's traffic: readers, writers and one publisher as closed loops of real HTTP requests,
// each timed and classified, each stopping at the deadline. Writers and the publisher keep what was
// acknowledged (and what has an unknown outcome) for the checks that follow.
import { randomUUID } from "node:crypto";

export interface ClassStats {
  latencies: number[];
  statuses: Map<string, number>;
  timeouts: number;
}

export class Recorder {
  readonly classes = new Map<string, ClassStats>();
  /** Each request's id (sent as x-request-id, logged by the server), class, start (epoch ms) and outcome. */
  readonly sent = new Map<string, { cls: string; start: number; timedOut: boolean }>();

  record(cls: string, ms: number, outcome: number | "timeout" | "network"): void {
    let s = this.classes.get(cls);
    if (!s) {
      s = { latencies: [], statuses: new Map(), timeouts: 0 };
      this.classes.set(cls, s);
    }
    s.latencies.push(ms);
    if (outcome === "timeout") s.timeouts++;
    const key = String(outcome);
    s.statuses.set(key, (s.statuses.get(key) ?? 0) + 1);
  }
}

export interface Answer {
  status: number;
  json: unknown;
}

export interface Traffic {
  instances: string[];
  editors: string[];
  reviewer: string;
  run: string;
  seededActors: string[];
  topics: string[];
  readers: number;
  until: number;
  timeoutMs: number;
  recorder: Recorder;
}

class Timeout extends Error {
  override name = "TimeoutError";
}

/** One timed request; null when it timed out or the connection failed (the outcome is then unknown). */
export async function call(t: Traffic, cls: string, url: string, init: RequestInit = {}): Promise<Answer | null> {
  const started = performance.now();
  // The server logs this id with its own timing: the report tells a wait before the server read the
  // request (a connection not yet taken in) from one in its line or its work.
  const id = randomUUID();
  const sent = { cls, start: Date.now(), timedOut: false };
  t.recorder.sent.set(id, sent);
  init = { ...init, headers: { ...(init.headers as Record<string, string> | undefined), "x-request-id": id } };
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The deadline is ours, not only the fetch's: a request whose abort is never delivered still ends the wait.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort(new Timeout());
      setTimeout(() => reject(new Timeout()), 1000).unref();
    }, t.timeoutMs);
  });
  const request = (async () => {
    const res = await fetch(url, { ...init, signal: abort.signal });
    const text = await res.text();
    return { res, text };
  })();
  try {
    const { res, text } = await Promise.race([request, deadline]);
    t.recorder.record(cls, performance.now() - started, res.status);
    let json: unknown = null;
    if ((res.headers.get("content-type") ?? "").includes("json") && text) json = JSON.parse(text);
    return { status: res.status, json };
  } catch (error) {
    const name = (error as Error).name;
    sent.timedOut = name === "TimeoutError" || name === "AbortError";
    t.recorder.record(cls, performance.now() - started, sent.timedOut ? "timeout" : "network");
    request.catch(() => {});
    return null;
  } finally {
    clearTimeout(timer);
  }
}

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;
const randomDate = () => new Date(Date.UTC(2021, 7, 15) + Math.random() * 4.3 * 365 * 86_400_000).toISOString().slice(0, 10);

/** A reader: the dashboard, stances as of a date, the actor list, actor pages, health, in turn. */
async function reader(t: Traffic, id: number): Promise<void> {
  const base = pick(t.instances, id);
  for (let n = id; Date.now() < t.until; n++) {
    const topic = pick(t.topics, n);
    switch (n % 5) {
      case 0:
        await call(t, "read: dashboard page", `${base}/?topic=${topic}&date=${randomDate()}`);
        break;
      case 1:
        await call(t, "read: stances at a date", `${base}/api/v1/stances?topic=${topic}&at=${randomDate()}`);
        break;
      case 2:
        await call(t, "read: actors list", `${base}/api/v1/actors`);
        break;
      case 3:
        await call(t, "read: actor page", `${base}/actors/${pick(t.seededActors, n * 7)}`);
        break;
      default:
        await call(t, "read: health", `${base}/api/health`);
    }
  }
}

/** A marker unique to one save, kept in the record's description: `[bm:<run>:<writer>:<n>]`. */
export const MARKER = /\[bm:[a-z0-9]+:\d+:\d+\]/;
export const markerOf = (text: unknown): string | null => (typeof text === "string" ? (MARKER.exec(text)?.[0] ?? null) : null);

export interface SaveAck {
  marker: string;
  key: string;
  draftId: string;
}

export interface PublishAck {
  draftId: string;
  items: { key: string; marker: string | null }[];
}

export interface Outcomes {
  saves: SaveAck[];
  /** Saves whose answer never came or was a 5xx: they may or may not be in the database. */
  unknownSaves: { marker: string; key: string }[];
  conflicts: number;
  publishes: PublishAck[];
  unknownPublishes: string[];
}

const json = (token: string, body: unknown): RequestInit => ({
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** A writer: creates actors of its own and edits them and its share of the seeded actors, one at a time. */
async function writer(t: Traffic, i: number, out: Outcomes): Promise<void> {
  const base = pick(t.instances, i);
  const token = t.editors[i] as string;
  const owned = t.seededActors.filter((_, k) => k % t.editors.length === i);
  const created: string[] = [];
  for (let n = 1; Date.now() < t.until; n++) {
    const marker = `[bm:${t.run}:${i}:${n}]`;
    const description = `Edited by the load bench ${marker}`;
    let key: string;
    let res: Answer | null;
    if (created.length < 3 || n % 3 === 0) {
      key = `bench-${t.run}-w${i}-n${n}`;
      res = await call(t, "write: POST actor", `${base}/api/v1/actors`, {
        method: "POST",
        ...json(token, { slug: key, name: `Bench actor ${i}.${n}`, kind: "group", description }),
      });
      if (res?.status === 201) created.push(key);
    } else {
      key = pick([...owned, ...created], n);
      const head = await call(t, "write: GET head", `${base}/api/v1/actors/${key}/head`, { headers: { authorization: `Bearer ${token}` } });
      const version = (head?.json as { version?: string } | null)?.version;
      if (head?.status !== 200 || !version) continue;
      res = await call(t, "write: PATCH actor", `${base}/api/v1/actors/${key}`, {
        method: "PATCH",
        ...json(token, { description, expectedVersion: version }),
      });
    }
    if (res && (res.status === 200 || res.status === 201)) {
      out.saves.push({ marker, key, draftId: (res.json as { draftId: string }).draftId });
    } else if (res?.status === 409) {
      out.conflicts++;
    } else if (!res || res.status >= 500) {
      out.unknownSaves.push({ marker, key });
    }
  }
}

interface DraftListing {
  data: { id: string; version: number; items: { key: string; record: { description?: string } | null }[] }[];
}

/** The publisher: a reviewer publishing each pending draft as it was listed (expectedVersion), in a loop. */
async function publisher(t: Traffic, out: Outcomes): Promise<void> {
  const auth = { authorization: `Bearer ${t.reviewer}` };
  for (let round = 0; Date.now() < t.until; round++) {
    const base = pick(t.instances, round);
    const listed = await call(t, "publish: GET drafts", `${base}/api/v1/drafts?status=pending`, { headers: auth });
    const drafts = listed?.status === 200 ? (listed.json as DraftListing).data : [];
    for (const draft of drafts.slice(0, 20)) {
      if (Date.now() >= t.until) break;
      const res = await call(t, "publish: POST publish", `${base}/api/v1/drafts/${draft.id}/publish`, {
        method: "POST",
        ...json(t.reviewer, { expectedVersion: draft.version, comment: "load bench" }),
      });
      if (res?.status === 200) {
        out.publishes.push({
          draftId: draft.id,
          items: draft.items.map((it) => ({ key: it.key, marker: markerOf(it.record?.description) })),
        });
      } else if (res?.status === 409) {
        out.conflicts++;
      } else if (!res || res.status >= 500) {
        out.unknownPublishes.push(draft.id);
      }
    }
    if (drafts.length === 0) await new Promise((r) => setTimeout(r, 250));
  }
}

/** One request of each reader class and a writer's first read, before the clock starts: no cold start measured. */
export async function warmUp(t: Traffic): Promise<void> {
  const warm = { ...t, recorder: new Recorder() };
  for (const base of t.instances) {
    const topic = t.topics[0] ?? "";
    for (const path of [
      `/?topic=${topic}`,
      `/api/v1/stances?topic=${topic}&at=2024-01-01`,
      "/api/v1/actors",
      `/actors/${t.seededActors[0]}`,
      "/api/health",
    ])
      await call(warm, "warm", `${base}${path}`);
    await call(warm, "warm", `${base}/api/v1/actors/${t.seededActors[0]}/head`, { headers: { authorization: `Bearer ${t.editors[0]}` } });
  }
}

export async function runTraffic(t: Traffic): Promise<Outcomes & { stuck: number }> {
  const out: Outcomes = { saves: [], unknownSaves: [], conflicts: 0, publishes: [], unknownPublishes: [] };
  let running = 0;
  const counted = (loop: Promise<void>) => {
    running++;
    return loop.finally(() => running--);
  };
  const loops = Promise.all([
    ...Array.from({ length: t.readers }, (_, id) => counted(reader(t, id))),
    ...t.editors.map((_, i) => counted(writer(t, i, out))),
    counted(publisher(t, out)),
  ]);
  // Every request is bounded; this bounds the whole run too, whatever happens.
  let watchdog: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    watchdog = setTimeout(resolve, t.until - Date.now() + t.timeoutMs + 30_000);
  });
  await Promise.race([loops, late]);
  clearTimeout(watchdog);
  return { ...out, stuck: running };
}
