// How many requests the server works on at once; the rest wait in line, doing nothing, and writes, token
// calls and health probes go first. The event loop does one slice of every request in progress per turn,
// and Node accepts a new connection about once a turn: with 200 readers in progress a turn took seconds,
// and a writer's new connection waited a minute to be read at all. With a bounded number in progress a
// turn stays short, a request whose client has gone is dropped before any work is done for it, and a write
// waits only for those already running.

export interface Ticket {
  /** Writes, token calls and probes: served before the reads waiting. */
  first: boolean;
  /** The client is still there (a request it abandoned while waiting is never started). */
  wanted(): boolean;
  start(): void;
}

export class Admission {
  #running = 0;
  readonly #first: Ticket[] = [];
  readonly #rest: Ticket[] = [];

  constructor(readonly limit: number) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#first.length + this.#rest.length;
  }

  /** Starts the request now or when a place frees; `done` must be called once when it has finished. */
  enter(ticket: Ticket): void {
    if (this.#running < this.limit) this.#start(ticket);
    else (ticket.first ? this.#first : this.#rest).push(ticket);
  }

  done(): void {
    this.#running--;
    while (this.#running < this.limit) {
      const next = this.#first.shift() ?? this.#rest.shift();
      if (!next) return;
      if (next.wanted()) this.#start(next);
    }
  }

  #start(ticket: Ticket): void {
    this.#running++;
    ticket.start();
  }
}

/** Writes (any method but GET and HEAD), calls with an API token, and health probes. */
export function goesFirst(method: string | undefined, path: string, authorization: string | undefined): boolean {
  return (method !== "GET" && method !== "HEAD") || authorization !== undefined || path.startsWith("/api/health");
}
