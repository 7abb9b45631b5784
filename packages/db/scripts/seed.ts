// `npm run db:seed` (run by `npm start`): the first load only. An empty database gets the curated dataset
// (prisma/dataset) and, unless STANCEMAP_NO_DEMO_ADMIN=1, a demo admin with a random password printed
// once here. A database that has been loaded is never written: if the files changed since, one line says
// so and names the command that brings them in as a draft for review.
import { randomBytes } from "node:crypto";
import { createDb } from "../src/client";
import { createUserRecord, userCount } from "../src/curation";
import { datasetDateForms, loadDataset } from "../src/dataset";
import { databaseUrl } from "../src/env";
import { seedDataset } from "../src/seed";

const PROPOSE = "npm run db:dataset:propose";
const db = createDb(databaseUrl());
try {
  const forms = datasetDateForms();
  if (forms.legacy > 0)
    console.log(`db:seed: prisma/dataset has ${forms.legacy} dated records in the previous form (a day and a precision); read as EDTF`);
  const result = await seedDataset(db, loadDataset());
  if (result.outcome === "loaded") {
    const counts = Object.entries(result.changed).map(([k, n]) => `${n} ${k}`);
    console.log(`db:seed: first load: wrote ${counts.join(", ")}; dataset revision ${result.revision}`);
  } else if (result.filesDiffer) {
    const since = result.loadedAt ? `what this database took in on ${result.loadedAt.slice(0, 10)}` : "what this database publishes";
    console.log(`db:seed: prisma/dataset differs from ${since}; nothing applied. Review it as a draft with: ${PROPOSE}`);
  } else {
    console.log(`db:seed: the dataset is loaded; nothing written (dataset revision ${result.revision})`);
  }
  if (result.outcome === "loaded" && process.env.STANCEMAP_NO_DEMO_ADMIN !== "1" && (await userCount(db)) === 0) {
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
