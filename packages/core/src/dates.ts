// Date arithmetic on ISO calendar dates (YYYY-MM-DD), free of time zones.
const DAY_MS = 86_400_000;

export function toUtcMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
