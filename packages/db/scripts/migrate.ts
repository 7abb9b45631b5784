// `npm run db:migrate`: bring the configured database (DATABASE_URL, or the embedded SQLite file) up to date.
import { databaseUrl } from "../src/env";
import { migrate } from "../src/migrate";

const url = databaseUrl();
const result = await migrate(url);
const where = result.provider === "sqlite" ? url.replace(/^file:/, "") : "PostgreSQL";
console.log(
  `db:migrate (${where}): ${result.applied.length} applied${result.applied.length ? ` (${result.applied.join(", ")})` : ""}, ` +
    `${result.alreadyApplied.length} already applied`,
);
