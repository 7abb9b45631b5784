// The load bench's table: per request class its count, errors by status, timeouts and latency
// quantiles; then what the checks found of the acknowledged writes and publishes, and the load average.

import { readFileSync } from "node:fs";
import type { Outcomes, Recorder } from "./load-traffic";
import type { Verdict } from "./load-verify";
import { quantile } from "./server";

const pad = (rows: string[][]): string => {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  ")).join("\n");
};
const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)}` : "-");

export function report(title: string, seconds: number, recorder: Recorder, out: Outcomes, verdict: Verdict, load: number[]): string {
  const rows = [["class", "requests", "req/s", "2xx", "errors by status", "timeouts", "p50 ms", "p95 ms", "p99 ms"]];
  const all: number[] = [];
  for (const [cls, s] of [...recorder.classes].sort(([a], [b]) => a.localeCompare(b))) {
    all.push(...s.latencies);
    const ok = [...s.statuses].filter(([k]) => /^2\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0);
    const errors = [...s.statuses]
      .filter(([k]) => !/^2\d\d$/.test(k) && k !== "timeout")
      .map(([k, v]) => `${k}:${v}`)
      .join(" ");
    rows.push([
      cls,
      String(s.latencies.length),
      (s.latencies.length / seconds).toFixed(1),
      String(ok),
      errors || "-",
      String(s.timeouts),
      ms(quantile(s.latencies, 0.5)),
      ms(quantile(s.latencies, 0.95)),
      ms(quantile(s.latencies, 0.99)),
    ]);
  }
  const t = (x: { acknowledged: number; found: number; lost: number; duplicated: number }) =>
    `acknowledged ${x.acknowledged}, found ${x.found}, lost ${x.lost}, duplicated ${x.duplicated}`;
  const lines = [
    `\n== ${title}: ${seconds} s, ${all.length} requests, load average ${load.map((l) => l.toFixed(2)).join(" / ")} (start / max / end, 1 min)`,
    pad(rows),
    "",
    `draft saves:  ${t(verdict.saves)}; conflicts (409) ${out.conflicts}; unknown outcome ${out.unknownSaves.length} (${verdict.unknownLanded} of them stored)`,
    `draft items:  ${verdict.itemsCurrent.checked - verdict.itemsCurrent.wrong} of ${verdict.itemsCurrent.checked} hold their last acknowledged save`,
    `publishes:    ${t(verdict.publishes)}; unknown outcome ${out.unknownPublishes.length}`,
    `published table: ${verdict.tableWrong} of ${verdict.readApi[0]?.checked ?? 0} records differ from their last acknowledged publish`,
    ...verdict.readApi.map(
      (r) => `read API ${r.base}: ${r.checked - r.wrong} of ${r.checked} show the last publish; ${r.duplicated} listed twice`,
    ),
  ];
  if (verdict.problems.length)
    lines.push(`problems (first 10 of ${verdict.problems.length}):`, ...verdict.problems.slice(0, 10).map((p) => `  ${p}`));
  return lines.join("\n");
}

/**
 * Where the time went, from the servers' logs (one line per request: its id, when it finished and how long
 * it took from the moment the server read it): per class, how long requests waited before any server read
 * them (a new connection waiting to be taken in), and how many timed-out ones a server never read at all.
 */
export function serverWaits(recorder: Recorder, logs: readonly string[]): string {
  const seen = new Map<string, number>();
  for (const log of logs) {
    for (const line of readFileSync(log, "utf8").split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        const l = JSON.parse(line) as { reqId?: string; time?: string; durationMs?: number };
        if (l.reqId && l.time && typeof l.durationMs === "number") seen.set(l.reqId, Date.parse(l.time) - l.durationMs);
      } catch {}
    }
  }
  const by = new Map<string, { waits: number[]; timedOut: number; timedOutUnread: number; timedOutWaits: number[] }>();
  for (const [id, r] of recorder.sent) {
    if (r.cls === "warm") continue;
    let s = by.get(r.cls);
    if (!s) {
      s = { waits: [], timedOut: 0, timedOutUnread: 0, timedOutWaits: [] };
      by.set(r.cls, s);
    }
    const read = seen.get(id);
    if (read !== undefined) s.waits.push(Math.max(0, read - r.start));
    if (r.timedOut) {
      s.timedOut++;
      if (read === undefined) s.timedOutUnread++;
      else s.timedOutWaits.push(Math.max(0, read - r.start));
    }
  }
  const rows = [["class", "wait before read p50 ms", "p95 ms", "max ms", "timed out: never read / read after (median ms)"]];
  for (const [cls, s] of [...by].sort(([a], [b]) => a.localeCompare(b)))
    rows.push([
      cls,
      ms(quantile(s.waits, 0.5)),
      ms(quantile(s.waits, 0.95)),
      ms(Math.max(...s.waits)),
      s.timedOut ? `${s.timedOutUnread} / ${s.timedOut - s.timedOutUnread} (${ms(quantile(s.timedOutWaits, 0.5))})` : "-",
    ]);
  return `\nbefore a server read the request (its log's start vs the client's), per class:\n${pad(rows)}`;
}
