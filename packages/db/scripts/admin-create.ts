// `npm run admin:create -- --email you@example.org [--name "Your Name"] [--role admin|reviewer|editor]`:
// creates a user with a random password, printed once. The only way to make the first admin.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb } from "../src/client";
import { createUserRecord, InvalidInput } from "../src/curation";
import { databaseUrl } from "../src/env";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } },
});
if (!values.email) {
  console.error('usage: npm run admin:create -- --email you@example.org [--name "Your Name"] [--role admin|reviewer|editor]');
  process.exit(2);
}
const db = createDb(databaseUrl());
try {
  const password = randomBytes(12).toString("base64url");
  const user = await createUserRecord(db, null, {
    email: values.email,
    name: values.name ?? values.email.split("@")[0],
    role: values.role,
    password,
  });
  console.log(`Created ${user.role} ${user.email}. Password (shown once, change it after signing in): ${password}`);
} catch (error) {
  if (error instanceof InvalidInput) {
    for (const issue of error.issues) console.error(`${issue.field}: ${issue.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.close();
}
