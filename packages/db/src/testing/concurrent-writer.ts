// A separate process that writes to the database: used by the concurrency test.
// Each transaction inserts a row and bumps the revision (on SQLite by reading it and writing it
// back plus one), so a lost update or a busy failure would show up in the totals.
import { createDb } from "../client";

const [url, writer, countArg] = process.argv.slice(2) as [string, string, string];
const db = createDb(url);
const count = Number(countArg);
for (let i = 0; i < count; i++) {
  await db.prisma
    .$transaction(
      async (tx) => {
        await tx.source.create({
          data: { id: `w${writer}-${i}`, publisher: "test", title: `writer ${writer} #${i}`, reliability: "test" },
        });
        if (db.provider === "sqlite") {
          // Read, then write what was read plus one: only safe if the write lock was taken at BEGIN.
          const current = (await tx.datasetRevision.findUniqueOrThrow({ where: { id: 1 } })).revision;
          await tx.datasetRevision.update({ where: { id: 1 }, data: { revision: current + 1 } });
        } else {
          await tx.datasetRevision.update({ where: { id: 1 }, data: { revision: { increment: 1 } } });
        }
      },
      { maxWait: 60_000, timeout: 60_000 },
    )
    .catch(async (error: unknown) => {
      console.error(`writer ${writer} transaction ${i} failed: ${(error as Error).message}`);
      process.exitCode = 1;
    });
}
await db.close();
