// `npm run db:seed`: load the curated dataset (prisma/dataset) into the configured database. Idempotent.
import { createDb } from "../src/client";
import { loadDataset } from "../src/dataset";
import { databaseUrl } from "../src/env";
import { seedDataset } from "../src/seed";

const db = createDb(databaseUrl());
try {
  const dataset = loadDataset();
  const result = await seedDataset(db, dataset);
  const changes = Object.entries(result.changed)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  console.log(`db:seed: ${changes.length ? `wrote ${changes.join(", ")}` : "nothing changed"}; dataset revision ${result.revision}`);
} finally {
  await db.close();
}
