// The review queue: every pending draft (and those sent back) for editors and reviewers alike;
// only reviewers get the buttons, and @stancemap/db checks the role again when they are pressed.
import { roleAtLeast } from "@stancemap/core";
import { type DraftQuoteCheck, type DraftView, draftQuoteChecks, getDb, listDrafts, userNames } from "@stancemap/db";
import type { Metadata } from "next";
import { DraftActions } from "@/components/admin/review/DraftActions";
import { QuoteChecksCell } from "@/components/admin/review/DraftQuoteChecks";
import { age, plural, utc } from "@/components/admin/review/format";
import { draftHref } from "@/components/admin/review/links";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/review/review.css";

export const metadata: Metadata = { title: "Review queue" };

function DraftTable({
  drafts,
  caption,
  reviewer,
  returned,
  names,
  quotes,
}: {
  names: ReadonlyMap<string, string>;
  quotes: ReadonlyMap<string, DraftQuoteCheck[]>;
  drafts: DraftView[];
  caption: string;
  reviewer: boolean;
  returned: boolean;
}) {
  const now = Date.now();
  return (
    <div className="review-table-wrap">
      <table className="review-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Draft</th>
            <th scope="col">Author</th>
            <th scope="col">Age</th>
            <th scope="col" className="num">
              Changes
            </th>
            <th scope="col">Quotes</th>
            <th scope="col">{returned ? "Reviewer's comment" : "Status"}</th>
            {reviewer && !returned && <th scope="col">Review</th>}
          </tr>
        </thead>
        <tbody>
          {drafts.map((d) => {
            const stale = d.items.filter((i) => i.stale).length;
            return (
              <tr key={d.id}>
                <td data-label="Draft">
                  <a href={draftHref(d.id)} dir="auto">
                    {d.title}
                  </a>
                </td>
                <td data-label="Author">{names.get(d.authorId) ?? d.authorEmail}</td>
                <td data-label="Age" className="review-nowrap">
                  <time dateTime={d.createdAt} title={`Opened ${utc(d.createdAt)}; last change ${utc(d.updatedAt)}`}>
                    {age(d.createdAt, now)}
                  </time>
                </td>
                <td data-label="Changes" className="num">
                  {d.items.length}
                </td>
                <td data-label="Quotes">
                  <QuoteChecksCell checks={quotes.get(d.id) ?? []} />
                </td>
                <td data-label={returned ? "Reviewer's comment" : "Status"}>
                  {stale > 0 && (
                    <span
                      className="review-tag review-tag-warn"
                      title="The published record moved since this draft began: publishing is refused until it is merged"
                    >
                      Stale: {plural(stale, "record")} changed since
                    </span>
                  )}
                  {stale === 0 && !returned && <span className="muted">ready</span>}
                  {returned && d.comment && (
                    <q className="review-quote" dir="auto">
                      {d.comment}
                    </q>
                  )}
                </td>
                {reviewer && !returned && (
                  <td data-label="Review">
                    <DraftActions
                      draftId={d.id}
                      version={d.version}
                      title={d.title}
                      status={d.status}
                      changes={d.items.length}
                      canReview
                      canWithdraw={false}
                      compact
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default async function ReviewQueue() {
  const who = await currentPrincipal();
  if (!who) return null;
  const reviewer = roleAtLeast(who.role, "reviewer");
  const db = getDb();
  const [pending, returned] = await Promise.all([
    listDrafts(db, who, { status: ["pending"] }),
    listDrafts(db, who, { status: ["returned"] }),
  ]);
  const names = await userNames(
    db,
    who,
    [...pending, ...returned].map((d) => d.authorId),
  );
  const quotes = await draftQuoteChecks(db, who, [...pending, ...returned]);
  return (
    <>
      <h1>{reviewer ? "Review queue" : "Drafts"}</h1>
      <p className="review-meta">
        {reviewer
          ? "Open a draft to read its changes before publishing. Publishing applies all of a draft's changes at once, or none."
          : "Your drafts and everyone else's. A reviewer publishes them or sends them back with a comment."}{" "}
        <a href="/admin/preview">Preview the dashboard with drafts</a>
      </p>
      <h2>Waiting for review ({pending.length})</h2>
      {pending.length === 0 ? (
        <p className="muted">Nothing is waiting.</p>
      ) : (
        <DraftTable
          drafts={pending}
          caption="Drafts waiting for review"
          reviewer={reviewer}
          returned={false}
          names={names}
          quotes={quotes}
        />
      )}
      <h2>Sent back ({returned.length})</h2>
      {returned.length === 0 ? (
        <p className="muted">No draft has been sent back.</p>
      ) : (
        <>
          <p className="muted">The author edits the records again; saving a change puts the draft back in the queue.</p>
          <DraftTable
            drafts={returned}
            caption="Drafts sent back to their authors"
            reviewer={reviewer}
            returned
            names={names}
            quotes={quotes}
          />
        </>
      )}
    </>
  );
}
