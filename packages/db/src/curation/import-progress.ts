// Progress of a running import, kept in the database (Setting rows) so that whichever instance answers
// the admin form's polling can report it; written outside the import's transaction, removed at the end.
import type { Db } from "../client";
import { InvalidInput, NotFound, type Principal, requireRole } from "./errors";

export interface ImportProgress {
  phase: "checking" | "writing";
  /** Rows checked so far (all of them once writing). */
  done: number;
  total: number;
}

/** A job id the form makes up (a UUID): letters, digits, `-` and `_`. */
export const IMPORT_JOB = /^[A-Za-z0-9_-]{8,64}$/;
const key = (job: string) => `import.progress:${job}`;

function checkJob(job: string): void {
  if (!IMPORT_JOB.test(job))
    throw new InvalidInput([{ field: "job", code: "invalid_format", message: "must be 8 to 64 letters, digits, - or _" }]);
}

export async function saveImportProgress(db: Db, who: Principal, job: string, progress: ImportProgress): Promise<void> {
  checkJob(job);
  const value = JSON.stringify({ ...progress, userId: who.id });
  await db.prisma.setting.upsert({ where: { key: key(job) }, create: { key: key(job), value }, update: { value } });
}

export async function clearImportProgress(db: Db, job: string): Promise<void> {
  checkJob(job);
  await db.prisma.setting.deleteMany({ where: { key: key(job) } });
}

/** The progress of one of the caller's own imports; 404 when it is unknown or finished. */
export async function readImportProgress(db: Db, who: Principal | null, job: string): Promise<ImportProgress> {
  const principal = requireRole(who, "editor");
  checkJob(job);
  const row = await db.prisma.setting.findUnique({ where: { key: key(job) } });
  const value = row ? (JSON.parse(row.value) as ImportProgress & { userId: string }) : null;
  if (!value || value.userId !== principal.id) throw new NotFound(`no running import "${job}"`);
  return { phase: value.phase, done: value.done, total: value.total };
}

/** A progress callback that writes at most every `everyMs`, never two writes at once. */
export function throttledProgress(db: Db, who: Principal, job: string, everyMs = 500): (p: ImportProgress) => Promise<void> {
  let last = 0;
  return async (p) => {
    const now = Date.now();
    if (now - last < everyMs && p.phase === "checking") return;
    last = now;
    await saveImportProgress(db, who, job, p).catch(() => undefined);
  };
}
