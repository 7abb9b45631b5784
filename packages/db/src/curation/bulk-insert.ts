// Multi-row INSERTs for large imports and publishes. Prisma's createMany costs milliseconds per row
// (measured: 3,000 draft items took 3.8 s on SQLite); one plain statement per few hundred rows does not.
import type { Tx } from "./records";
import { providerOfTx } from "./tx";

type Value = string | number | null;

/**
 * Inserts rows (all with the same columns) into a table; `now` names timestamp columns set to the
 * current time, in the format Prisma writes them (ISO 8601 text on SQLite, a timestamp on PostgreSQL).
 */
export async function insertRows(
  tx: Tx,
  table: string,
  rows: readonly Record<string, Value>[],
  now: readonly string[] = [],
  /** Called between statements (curation/records.ts's Pause): only where no other request shares the transaction. */
  pause?: () => Promise<void>,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const postgres = providerOfTx(tx) === "postgresql";
  const columns = Object.keys(first);
  const quoted = [...columns, ...now].map((c) => `"${c}"`).join(", ");
  const stamp = new Date().toISOString().replace("Z", "+00:00");
  // SQLite allows 999 bound values per statement in Prisma's build; PostgreSQL 32,767.
  const perStatement = Math.max(1, Math.floor((postgres ? 30_000 : 990) / (columns.length + now.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const part = rows.slice(start, start + perStatement);
    const args: Value[] = [];
    const tuples = part.map((row) => {
      const marks = columns.map((c) => {
        args.push(row[c] ?? null);
        return postgres ? `$${args.length}` : "?";
      });
      for (const _ of now) {
        if (postgres) marks.push("CURRENT_TIMESTAMP");
        else {
          args.push(stamp);
          marks.push("?");
        }
      }
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${quoted}) VALUES ${tuples.join(", ")}`, ...args);
    await pause?.();
  }
}
