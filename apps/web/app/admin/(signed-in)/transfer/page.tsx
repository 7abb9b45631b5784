// Import and export: a file of records checked row by row and imported as one draft (all or nothing),
// and the dataset as JSON (published, or with drafts for reviewers) or one record type as CSV.
import { roleAtLeast } from "@stancemap/core";
import type { Metadata } from "next";
import { CsvExport } from "@/components/admin/review/CsvExport";
import { ImportForm } from "@/components/admin/review/ImportForm";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/review/review.css";

export const metadata: Metadata = { title: "Import and export" };

export default async function TransferPage() {
  const who = await currentPrincipal();
  if (!who) return null;
  const reviewer = roleAtLeast(who.role, "reviewer");
  return (
    <>
      <h1>Import and export</h1>
      <h2>Import</h2>
      <p className="review-meta">
        Check a file first: every row is validated against the same schema as the editing forms, and nothing is written. Then import its
        changes as one draft{reviewer ? ", or publish them at once" : " for a reviewer to publish"}.
      </p>
      <ImportForm canPublish={reviewer} />

      <h2>Export</h2>
      <ul>
        <li>
          <a href="/api/v1/dataset" download>
            Published dataset (JSON)
          </a>{" "}
          <span className="muted">— the shape the importer takes back</span>
        </li>
        {reviewer && (
          <li>
            <a href="/api/v1/dataset?drafts=true" download>
              Dataset with open drafts applied (JSON)
            </a>{" "}
            <span className="muted">— not public; for checking before publishing</span>
          </li>
        )}
      </ul>
      <h3>One record type as CSV (published)</h3>
      <CsvExport />
    </>
  );
}
