// `npm run db:dataset:propose -- [--as admin@example.org] [--apply-unedited] [--include-conflicts] [--dry-run]`:
// takes a new version of prisma/dataset in as a draft for review (see src/dataset-propose.ts); prints what
// it drafted, applied, and left alone.
import { parseArgs } from "node:util";
import { createDb } from "../src/client";
import type { Principal } from "../src/curation";
import { loadDataset } from "../src/dataset";
import { type ProposeItem, proposeDataset } from "../src/dataset-propose";
import { databaseUrl } from "../src/env";

const { values } = parseArgs({
  options: {
    as: { type: "string" },
    "apply-unedited": { type: "boolean", default: false },
    "include-conflicts": { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
});

const list = (title: string, items: ProposeItem[]) => {
  if (items.length === 0) return;
  console.log(`  ${title} (${items.length}):`);
  for (const i of items.slice(0, 50)) console.log(`    ${i.type} ${i.key}: ${i.reason}`);
  if (items.length > 50) console.log(`    … and ${items.length - 50} more`);
};

const db = createDb(databaseUrl());
try {
  let who: Principal | undefined;
  if (values.as) {
    const user = await db.prisma.user.findUnique({ where: { email: values.as.toLowerCase() } });
    if (!user || user.disabled) {
      console.error(`db:dataset:propose: no active user ${values.as}`);
      process.exit(2);
    }
    who = { id: user.id, email: user.email, name: user.name, role: user.role as Principal["role"] };
  }
  const r = await proposeDataset(db, loadDataset(), {
    who,
    applyUnedited: values["apply-unedited"],
    includeConflicts: values["include-conflicts"],
    dryRun: values["dry-run"],
  });
  const mode = values["dry-run"] ? " (dry run: nothing written)" : "";
  if (r.rejected.length > 0) {
    console.error(`db:dataset:propose: the importer refused ${r.rejected.length} record(s); nothing written:`);
    for (const row of r.rejected) console.error(`  ${row.row}: ${row.reason}`);
    process.exitCode = 1;
  } else {
    console.log(
      `db:dataset:propose: dataset files ${r.hash.slice(0, 12)}${mode}: ${r.drafted.length} change(s) ${r.draftId ? `in draft ${r.draftId} for review at /admin/review` : "to draft"}, ${r.applied.length} applied directly`,
    );
    list(values["dry-run"] ? "would draft" : "drafted", r.drafted);
    list(values["dry-run"] ? "would apply (nobody edited them)" : "applied (nobody edited them)", r.applied);
    list("left alone: changed by the files and in the database (--include-conflicts drafts them)", r.conflicts);
    list("not re-created", r.notRecreated);
    list("kept: changed in the database only, or waiting in an open draft", r.kept);
    list("in the database, not in the files: never deleted by this command", r.notInFiles);
  }
} finally {
  await db.close();
}
