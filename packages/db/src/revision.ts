// The dataset revision: one counter, bumped inside every write transaction.
import type { Prisma } from "./generated/sqlite/client";
import { noteLocalBump } from "./revision-watch";

export async function bumpRevision(tx: Prisma.TransactionClient): Promise<number> {
  const row = await tx.datasetRevision.upsert({
    where: { id: 1 },
    create: { id: 1, revision: 1 },
    update: { revision: { increment: 1 } },
  });
  // Until this process reads it, a revision kept from PostgreSQL's notifications is not trusted (revision-watch.ts).
  noteLocalBump(row.revision);
  return row.revision;
}
