// A record's history: every recorded change, newest first, and its published revisions compared two
// at a time (A and B in the URL, so a comparison can be shared). Reviewers restore a revision here.
import { type AnyRecord, type EntityType, labelOf, roleAtLeast, typeOfCollection } from "@stancemap/core";
import { getDb, NotFound, type RecordHistory, type Revision, recordHistory } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChangesTable } from "@/components/admin/review/ChangesTable";
import { actionText, plural, utc } from "@/components/admin/review/format";
import { draftHref, editHref, historyHref } from "@/components/admin/review/links";
import { loadDiffLabels } from "@/components/admin/review/load-labels";
import { RecordDiff } from "@/components/admin/review/RecordDiff";
import { RestoreRevision } from "@/components/admin/review/RestoreRevision";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/review/review.css";

type Params = Promise<{ collection: string; key: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const load = cache(async (collection: string, rawKey: string): Promise<RecordHistory | null> => {
  const type = typeOfCollection(collection);
  const who = await currentPrincipal();
  if (!type || !who) return null;
  try {
    return await recordHistory(getDb(), who, type, rawKey);
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
});

function labelFor(h: RecordHistory): string {
  // The published name first: the history is of what is published; a draft may be renaming it.
  const record = h.head.published?.record ?? h.revisions.findLast((r) => r.record)?.record ?? h.head.draft?.record ?? null;
  return record ? labelOf(h.type, record as AnyRecord) : h.key;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { collection, key } = await params;
  const h = await load(collection, key);
  return { title: h ? `History: ${labelFor(h)}` : "History" };
}

function revisionName(r: Revision): string {
  const when = r.at ? `, ${utc(r.at)}` : "";
  const by = r.by ? ` by ${r.by}` : "";
  return `Revision ${r.version}${r.record ? "" : " (no record)"}: ${actionText(r.action)}${when}${by}`;
}

function pick(search: Record<string, string | string[] | undefined>, name: string, versions: number[]): number | null {
  const raw = search[name];
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw !== undefined && Number.isInteger(n) && versions.includes(n) ? n : null;
}

export default async function HistoryPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const who = await currentPrincipal();
  if (!who) return null;
  const { collection, key: rawKey } = await params;
  const h = await load(collection, rawKey);
  if (!h) notFound();
  const labels = await loadDiffLabels(getDb(), who);
  const search = await searchParams;
  const type: EntityType = h.type;
  const label = labelFor(h);
  const reviewer = roleAtLeast(who.role, "reviewer");
  const revisions = h.revisions;
  const versions = revisions.map((r) => r.version);
  const latest = revisions.at(-1);
  const current = h.head.published?.version ?? latest?.version ?? 0;
  const b = pick(search, "b", versions) ?? latest?.version ?? null;
  const a = pick(search, "a", versions) ?? versions.filter((v) => b === null || v < b).at(-1) ?? b;
  const revA = revisions.find((r) => r.version === a);
  const revB = revisions.find((r) => r.version === b);
  const restored = typeof search.restored === "string" ? search.restored : null;
  const restoredAs = typeof search.as === "string" ? search.as : null;
  const here = historyHref(type, h.key);

  return (
    <>
      <p>
        <a href={editHref(type, h.key)}>← Back to the {type}</a>
      </p>
      <h1>
        History: <span dir="auto">{label}</span>
      </h1>
      <p className="review-meta">
        {type} <code>{h.key}</code> · {h.head.published ? `published revision ${h.head.published.version}` : "not published now"} ·{" "}
        {plural(h.changes.length, "recorded change")}
      </p>
      {restored !== null && (
        <p className="form-ok" role="status">
          Restored revision {restored}
          {restoredAs ? ` as revision ${restoredAs}` : ""}. It is published now.
        </p>
      )}
      {h.head.draft && (h.head.draft.status === "pending" || h.head.draft.status === "returned") && (
        <p className="review-warn">
          An open draft changes this record: <a href={draftHref(h.head.draft.draftId)}>see the draft</a>. Restoring a revision here does not
          touch the draft, which then has to be merged before it is published.
        </p>
      )}

      <h2 id="compare">Compare revisions</h2>
      {revisions.length === 0 ? (
        <p className="muted">Nothing has been published yet.</p>
      ) : (
        <>
          <form method="get" action={`${here}#compare`} className="review-filters" aria-label="Choose two revisions">
            <div>
              <label htmlFor="rev-a">A (from)</label>
              <select id="rev-a" name="a" defaultValue={a ?? undefined}>
                {[...revisions].reverse().map((r) => (
                  <option key={r.version} value={r.version}>
                    {revisionName(r)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="rev-b">B (to)</label>
              <select id="rev-b" name="b" defaultValue={b ?? undefined}>
                {[...revisions].reverse().map((r) => (
                  <option key={r.version} value={r.version}>
                    {revisionName(r)}
                  </option>
                ))}
              </select>
            </div>
            <div className="review-filters-submit">
              <button type="submit" className="btn btn-secondary">
                Compare
              </button>
            </div>
          </form>
          {revA && revB && (
            <RecordDiff
              before={revA.record}
              after={revB.record}
              beforeLabel={`revision ${revA.version}`}
              afterLabel={`revision ${revB.version}${revB.version === current ? " (current)" : ""}`}
              labels={labels}
            />
          )}
        </>
      )}

      <h2>Published revisions</h2>
      <div className="review-table-wrap">
        <table className="review-table">
          <caption className="visually-hidden">Published revisions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">How</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {[...revisions].reverse().map((r) => (
              <tr key={r.version}>
                <td data-label="Revision">
                  {r.version}
                  {r.version === current && (
                    <>
                      {" "}
                      <span className="review-tag review-tag-good">current</span>
                    </>
                  )}
                  {!r.record && (
                    <>
                      {" "}
                      <span className="review-tag">no record</span>
                    </>
                  )}
                </td>
                <td data-label="When" className="review-nowrap">
                  {r.at ? <time dateTime={r.at}>{utc(r.at)}</time> : <span className="muted">unknown</span>}
                </td>
                <td data-label="By">{r.by ?? <span className="muted">seed</span>}</td>
                <td data-label="How">{actionText(r.action)}</td>
                <td data-label="Actions">
                  {r.version !== current && (
                    <p style={{ margin: "0 0 0.2rem" }}>
                      <a href={`${here}?a=${r.version}&b=${current}#compare`}>Compare with current</a>
                    </p>
                  )}
                  {reviewer && r.version !== current && (
                    <RestoreRevision type={type} recordKey={h.key} revision={r.version} current={current} deletes={!r.record} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Every recorded change</h2>
      {h.changes.length === 0 ? (
        <p className="muted">No change has been recorded since the dataset was loaded.</p>
      ) : (
        <ChangesTable changes={h.changes} diffs labels={labels} />
      )}
    </>
  );
}
