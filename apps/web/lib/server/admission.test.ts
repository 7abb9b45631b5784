import { describe, expect, it } from "vitest";
import { Admission, goesFirst, isProbe, type Ticket } from "./admission";

/** A ticket that notes when it started; `gone` makes its client leave before it starts. */
function ticket(log: string[], name: string, first: boolean, probe = false): Ticket & { gone: boolean } {
  const t: Ticket & { gone: boolean } = {
    first,
    probe,
    gone: false,
    wanted: () => !t.gone,
    start: () => {
      log.push(name);
    },
  };
  return t;
}

describe("admission", () => {
  it("lets writes go first, but only up to their share of the places while reads wait", () => {
    const log: string[] = [];
    const a = new Admission(4);
    const reads = [1, 2, 3, 4, 5, 6].map((i) => ticket(log, `read ${i}`, false));
    const writes = [1, 2, 3, 4, 5, 6].map((i) => ticket(log, `write ${i}`, true));
    for (const t of reads) a.enter(t);
    expect(log).toEqual(["read 1", "read 2", "read 3", "read 4"]);
    for (const t of writes) a.enter(t);
    // Four reads finish: two places go to writes (their share), two to the reads in line.
    for (const t of reads.slice(0, 4)) a.done(t);
    expect(log.slice(4)).toEqual(["write 1", "write 2", "read 5", "read 6"]);
    // With no read waiting, writes take every place that frees.
    a.done(reads[4] as Ticket);
    a.done(reads[5] as Ticket);
    expect(log.slice(8)).toEqual(["write 3", "write 4"]);
    expect(a.running).toBe(4);
    expect(a.waiting).toBe(2);
  });

  it("a write waits only for a place within its share, not behind every read in line", () => {
    const log: string[] = [];
    const a = new Admission(2);
    const running = [ticket(log, "read 1", false), ticket(log, "read 2", false)];
    for (const t of running) a.enter(t);
    for (let i = 3; i <= 50; i++) a.enter(ticket(log, `read ${i}`, false));
    a.enter(ticket(log, "write", true));
    a.done(running[0] as Ticket);
    expect(log.at(-1)).toBe("write");
  });

  it("never starts a request whose client has gone", () => {
    const log: string[] = [];
    const a = new Admission(1);
    const first = ticket(log, "first", false);
    const gone = ticket(log, "gone", false);
    const last = ticket(log, "last", false);
    for (const t of [first, gone, last]) a.enter(t);
    gone.gone = true;
    a.done(first);
    expect(log).toEqual(["first", "last"]);
    expect(a.waiting).toBe(0);
  });

  it("keeps a share of at least one place, and at most all of them", () => {
    const log: string[] = [];
    const a = new Admission(1, 0);
    const read = ticket(log, "read", false);
    a.enter(read);
    a.enter(ticket(log, "read 2", false));
    a.enter(ticket(log, "write", true));
    a.done(read);
    expect(log).toEqual(["read", "write"]);
  });

  it("frees a write's place in the share when it finishes, so the next write goes before waiting reads", () => {
    const log: string[] = [];
    const a = new Admission(4);
    const writes = [1, 2, 3].map((i) => ticket(log, `write ${i}`, true));
    const reads = [1, 2, 3, 4].map((i) => ticket(log, `read ${i}`, false));
    a.enter(writes[0] as Ticket);
    a.enter(writes[1] as Ticket);
    for (const r of reads) a.enter(r);
    a.enter(writes[2] as Ticket);
    // Two writes (the share) and two reads run; write 3 and two reads wait.
    expect(log).toEqual(["write 1", "write 2", "read 1", "read 2"]);
    a.done(writes[0] as Ticket);
    expect(log.at(-1)).toBe("write 3");
    // A read's place goes to a read: the writes' share is full again.
    a.done(reads[0] as Ticket);
    expect(log.at(-1)).toBe("read 3");
  });

  it("starts a health probe before everything else, outside the writes' share", () => {
    const log: string[] = [];
    const a = new Admission(2);
    const running = [ticket(log, "write 1", true), ticket(log, "read 1", false)];
    for (const t of running) a.enter(t);
    a.enter(ticket(log, "read 2", false));
    a.enter(ticket(log, "write 2", true));
    a.enter(ticket(log, "probe", true, true));
    a.done(running[1] as Ticket);
    expect(log.at(-1)).toBe("probe");
  });

  it("knows a health probe by its path, not by a prefix anyone can send", () => {
    for (const path of ["/api/health", "/api/health/live", "/api/health/ready"]) expect(isProbe(path), path).toBe(true);
    for (const path of ["/api/health/live/", "/api/health/./ready"]) expect(isProbe(path), path).toBe(true);
    for (const path of [
      "/api/healthz",
      "/api/health-check",
      "/api/healthy/x",
      "/",
      "/api/v1/actors",
      "/api/health/../../",
      "/api/health/%2e%2e/%2e%2e/actors/russia",
      "/api/health/live/../../v1/stances",
      "/api/health/anything",
    ]) {
      expect(isProbe(path), path).toBe(false);
      expect(goesFirst("GET", path, undefined), path).toBe(false);
    }
    expect(goesFirst("POST", "/api/v1/actors", undefined)).toBe(true);
    expect(goesFirst("GET", "/api/v1/drafts", "Bearer x")).toBe(true);
  });
});
