// Import and publish cost by size, on a fresh seeded database: `npx tsx bench/import-scale.ts [sqlite|postgresql] 1000 3000`.
// Prints seconds and milliseconds per row for a dry run, an import into a draft, and its publish.
import { performance } from "node:perf_hooks";
import { createDb } from "../src/client";
import { createUserRecord, importInputFromJson, importRecords, publishDraft } from "../src/curation";
import { loadDataset } from "../src/dataset";
import { migrate } from "../src/migrate";
import { seedDataset } from "../src/seed";
import { freshPostgres, freshSqlite } from "../src/testing/databases";
import { importBody } from "../src/testing/import-rows";

const [engine = "sqlite", ...sizes] = process.argv.slice(2);
const database = engine === "postgresql" ? await freshPostgres() : freshSqlite();
try {
  await migrate(database.url);
  const db = createDb(database.url);
  await seedDataset(db, loadDataset());
  const u = await createUserRecord(db, null, {
    email: "bench@example.org",
    name: "bench",
    role: "reviewer",
    password: "correct horse battery",
  });
  const who = { id: u.id, email: u.email, name: u.name, role: "reviewer" as const };
  for (const size of sizes.map(Number)) {
    const input = importInputFromJson(importBody(size, `n${size}`));
    const time = async <T>(work: () => Promise<T>) => {
      const t0 = performance.now();
      const out = await work();
      return { out, ms: performance.now() - t0 };
    };
    const dry = await time(() => importRecords(db, who, input, { dryRun: true, publish: false }));
    const real = await time(() => importRecords(db, who, input, { dryRun: false, publish: false }));
    const draftId = real.out.draftId ?? "";
    const pub = await time(() => publishDraft(db, who, draftId));
    const f = (ms: number) => `${(ms / 1000).toFixed(2)} s (${(ms / size).toFixed(2)} ms/row)`;
    console.log(
      `${engine} ${size} rows: dry run ${f(dry.ms)}; import ${f(real.ms)}; publish ${f(pub.ms)}; created ${real.out.counts.created}`,
    );
  }
  await db.close();
} finally {
  await database.drop();
}
