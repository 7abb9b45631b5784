// `npm run db:seed`: load the curated dataset (prisma/dataset) into the configured database. Idempotent.
// On a database with no users yet (the demo that `npm start` brings up), it also creates a demo admin
// with a random password, printed once here and stored only as a hash.
import { randomBytes } from "node:crypto";
import { createDb } from "../src/client";
import { createUserRecord, userCount } from "../src/curation";
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
  if (process.env.STANCEMAP_NO_DEMO_ADMIN !== "1" && (await userCount(db)) === 0) {
    const password = randomBytes(12).toString("base64url");
    const email = "admin@stancemap.local";
    await createUserRecord(db, null, { email, name: "Demo admin", role: "admin", password });
    console.log(
      `\n  Demo admin created (shown once): ${email} / ${password}\n  Sign in at /admin. Make your own with: npm run admin:create -- --email you@example.org\n`,
    );
  }
} finally {
  await db.close();
}
