"use server";
// Import (check, then commit all or nothing) and CSV export from the admin pages. The file is checked
// again when committed, and must be the one that was checked: its checksum travels with the form.
import { COLLECTIONS, EntityType, recordsToCsv } from "@stancemap/core";
import {
  clearImportProgress,
  exportDataset,
  getDb,
  IMPORT_JOB,
  type ImportResult,
  importRecords,
  readImportInput,
  throttledProgress,
} from "@stancemap/db";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Refusal } from "@/components/admin/review/action-result";
import { refusalOf } from "@/components/admin/review/refusal";
import { FormArg } from "@/lib/server/action-args";
import { runAction } from "@/lib/server/run-action";

type ImportRefusal = Refusal & { field?: "file" | "type" };
export type ImportState = { ok: true; checksum: string; result: ImportResult } | ImportRefusal;

const fail = (message: string, field?: "file" | "type", status = 400): ImportRefusal => ({ ok: false, status, message, field });

async function readInput(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("Choose a CSV or JSON file.", "file");
  const read = await readImportInput({
    field: "file",
    size: file.size,
    read: () => file.text(),
    name: file.name,
    type: String(form.get("type") ?? ""),
  });
  if (read.ok) return read;
  const issue = read.error.issues[0];
  return fail(issue?.message ?? read.error.message, issue?.field === "type" ? "type" : "file");
}

/** `intent=check` is a dry run; `intent=commit` writes one draft (published at once if a reviewer asks). */
export async function importAction(raw: FormData): Promise<ImportState> {
  return runAction<typeof FormArg, ImportState>(FormArg, raw, refusalOf, async (who, form) => {
    const read = await readInput(form);
    if (!read.ok) return read;
    const commit = form.get("intent") === "commit";
    if (commit && form.get("checksum") !== read.checksum)
      return fail("The file or record type changed after it was checked. Check it again before importing.", "file", 409);
    // The form polls /api/v1/import/progress with the job id it made up, for a progress bar.
    const job = String(form.get("job") ?? "");
    const progress = IMPORT_JOB.test(job) ? throttledProgress(getDb(), who, job) : undefined;
    try {
      const result = await importRecords(getDb(), who, read.input, {
        dryRun: !commit,
        publish: commit && form.get("publish") === "on",
        progress,
      });
      if (result.committed) revalidatePath("/admin", "layout");
      return { ok: true, checksum: read.checksum, result };
    } finally {
      if (progress) await clearImportProgress(getDb(), job).catch(() => undefined);
    }
  });
}

/** One record type of the published dataset as CSV, in the dotted columns the importer reads back. */
type CsvResult = { ok: true; filename: string; csv: string } | Refusal;

export async function exportCsvAction(type: string): Promise<CsvResult> {
  return runAction<z.ZodString, CsvResult>(z.string(), type, refusalOf, async (who, raw) => {
    const parsed = EntityType.safeParse(raw);
    if (!parsed.success) return { ok: false, status: 400, message: "Choose a record type." };
    const collection = COLLECTIONS[parsed.data];
    const dataset = (await exportDataset(getDb(), who)) as unknown as Record<string, unknown[]>;
    const date = new Date().toISOString().slice(0, 10);
    return { ok: true, filename: `stancemap-${collection}-${date}.csv`, csv: recordsToCsv(dataset[collection] ?? []) };
  });
}
