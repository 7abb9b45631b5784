// One large write transaction in a worker thread, on a connection of its own that may wait for the write
// lock inside this thread without holding up the server (see off-thread.ts).
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../client";
import type { WriteJob, WriteJobResult } from "./off-thread";
import { serialiseError } from "./off-thread";
import { publishInTx } from "./publish";
import { type Accepted, saveImport } from "./transfer";
import { curationTx, draftLock } from "./tx";

const { url, job } = workerData as { url: string; job: WriteJob };

async function run(): Promise<WriteJobResult> {
  const db = createDb(url, { blocking: true });
  try {
    if (job.kind === "import")
      return await curationTx(
        db,
        async (tx) => {
          const draftId = await saveImport(tx, job.principal, job.rows as Accepted[], job.title);
          if (job.publish) await publishInTx(tx, job.principal, draftId, "imported");
          return { draftId };
        },
        [],
      );
    return await curationTx(db, (tx) => publishInTx(tx, job.principal, job.draftId, job.comment, job.expectedVersion), [
      draftLock(job.draftId),
    ]);
  } finally {
    await db.close();
  }
}

try {
  parentPort?.postMessage({ ok: true, value: await run() });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: serialiseError(error) });
}
