// Planner statistics after bulk writes. PostgreSQL plans the stance and reaction reads from table
// statistics, which autovacuum refreshes only some time after a large load: until then it guessed
// sequential scans and served stances-at-date at a twentieth of SQLite's rate. SQLite is left alone: its
// hot reads are planned from their indexes alone (one seek per actor), and statistics could only move them.
import type { Db } from "./client";

/** Refreshes PostgreSQL's planner statistics after a bulk write; returns the milliseconds it took (0 on SQLite). */
export async function refreshStatistics(db: Db): Promise<number> {
  if (db.provider !== "postgresql") return 0;
  const started = performance.now();
  await db.prisma.$executeRawUnsafe("ANALYZE");
  return performance.now() - started;
}
