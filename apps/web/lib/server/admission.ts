// How many requests the server works on at once; the rest wait in line, doing nothing. Writes, token calls
// and health probes go first, up to half the places while reads wait. The event loop does one slice of
// every request in progress per turn, and Node accepts a new connection about once a turn: with 200 readers
// in progress a turn took seconds, and a writer's new connection waited a minute to be read at all. With a
// bounded number in progress a turn stays short, a request whose client has gone is dropped before any
// work is done for it, and a write waits only for those already running.

export interface Ticket {
  /** Writes, token calls and probes: served before the reads waiting. */
  first: boolean;
  /** Health probes: before everything else, outside the writes' share (an orchestrator's probe must not
   * wait for a slow write). */
  probe?: boolean;
  /** The client is still there (a request it abandoned while waiting is never started). */
  wanted(): boolean;
  start(): void;
}

export class Admission {
  #running = 0;
  #runningFirst = 0;
  readonly #probes: Ticket[] = [];
  readonly #first: Ticket[] = [];
  readonly #rest: Ticket[] = [];
  readonly #firstShare: number;

  /**
   * `limit` requests in progress at most. Those that go first take at most `firstShare` of the places
   * while reads wait (half, by default): ten editors saving in a loop would otherwise hold every place,
   * and the readers in line would wait until their clients gave up. With no read waiting they take any.
   */
  constructor(
    readonly limit: number,
    firstShare = Math.ceil(limit / 2),
  ) {
    this.#firstShare = Math.max(1, Math.min(limit, firstShare));
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#probes.length + this.#first.length + this.#rest.length;
  }

  /** Starts the request now or when a place frees; `done` must be called once when it has finished. */
  enter(ticket: Ticket): void {
    (ticket.probe ? this.#probes : ticket.first ? this.#first : this.#rest).push(ticket);
    this.#fill();
  }

  done(ticket: Ticket): void {
    this.#running--;
    if (ticket.first && !ticket.probe) this.#runningFirst--;
    this.#fill();
  }

  /** Starts waiting requests while there are places: probes, then those that go first while under their
   * share (or while no read waits), then reads in the order they came; requests whose client has gone are
   * dropped. */
  #fill(): void {
    while (this.#running < this.limit) {
      const first = this.#first.length > 0 && (this.#runningFirst < this.#firstShare || this.#rest.length === 0);
      const next = this.#probes.shift() ?? (first ? this.#first.shift() : (this.#rest.shift() ?? this.#first.shift()));
      if (!next) return;
      if (!next.wanted()) continue;
      this.#running++;
      if (next.first && !next.probe) this.#runningFirst++;
      next.start();
    }
  }
}

/** Writes (any method but GET and HEAD), calls with an API token, and health probes. */
export function goesFirst(method: string | undefined, path: string, authorization: string | undefined): boolean {
  return (method !== "GET" && method !== "HEAD") || authorization !== undefined || isProbe(path);
}

const PROBES = new Set(["/api/health", "/api/health/live", "/api/health/ready"]);

/**
 * `/api/health` and its probes (`/live`, `/ready`), exactly: not any path that merely starts with those
 * letters, nor one that leads elsewhere once its dot segments are resolved (`/api/health/../../` is the
 * dashboard, which a flood of could otherwise send ahead of every reader).
 */
export function isProbe(path: string): boolean {
  if (PROBES.has(path)) return true;
  if (!path.startsWith("/api/health/")) return false;
  try {
    return PROBES.has(new URL(path, "http://probe.invalid").pathname.replace(/\/$/, ""));
  } catch {
    return false;
  }
}
