// One draft: each change beside what is published now, and the reviewer's buttons. Once published,
// each change is shown as it was published (from the audit trail), with links to the record's history.
import { roleAtLeast } from "@stancemap/core";
import {
  CurationError,
  type DraftItemView,
  type DraftView,
  draftQuoteChecks,
  getDb,
  type Principal,
  recordHistory,
  userNames,
} from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DraftActions } from "@/components/admin/review/DraftActions";
import { DraftTitleForm } from "@/components/admin/review/DraftTitleForm";
import { age, plural, utc } from "@/components/admin/review/format";
import { editHref, historyHref } from "@/components/admin/review/links";
import { loadDraft } from "@/components/admin/review/load-draft";
import { loadDiffLabels, namedLabel } from "@/components/admin/review/load-labels";
import { RecordDiff } from "@/components/admin/review/RecordDiff";
import type { DiffLabels } from "@/components/admin/review/record-diff-model";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/review/review.css";
import { DraftQuoteChecks } from "@/components/admin/review/DraftQuoteChecks";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const draft = await loadDraft((await params).id);
  return { title: draft ? `Draft: ${draft.title}` : "Draft" };
}

const STATUS_TEXT: Record<DraftView["status"], string> = {
  pending: "Waiting for review",
  returned: "Sent back",
  published: "Published",
  withdrawn: "Withdrawn",
};

function verb(item: DraftItemView, published: boolean): string {
  if (item.op === "delete") return published ? "Deleted" : "Delete";
  if (published) return item.baseVersion === null ? "Added" : "Edited";
  return item.published ? "Edit" : "Add";
}

/** What a published item changed: the publish step recorded in its history. */
async function publishedChange(who: Principal, draftId: string, item: DraftItemView) {
  try {
    const history = await recordHistory(getDb(), who, item.type, item.key);
    return history.changes.find((c) => c.action === "publish" && c.draftId === draftId) ?? null;
  } catch (error) {
    if (error instanceof CurationError) return null;
    throw error;
  }
}

async function Item({ who, draft, item, labels }: { who: Principal; draft: DraftView; item: DraftItemView; labels: DiffLabels }) {
  const done = draft.status === "published";
  const change = done ? await publishedChange(who, draft.id, item) : null;
  const exists = Boolean(item.published || (item.record && (draft.status === "pending" || draft.status === "returned")));
  return (
    <section className="draft-item" aria-labelledby={`item-${item.id}`}>
      <h3 id={`item-${item.id}`}>
        {verb(item, done)} {item.type}:{" "}
        <span dir="auto">{namedLabel(labels, item.type, item.record ?? item.published?.record ?? null, item.label)}</span>
      </h3>
      <p className="draft-item-links">
        <code>{item.key}</code>
        {item.stale && (
          <>
            {" "}
            <span className="review-tag review-tag-warn">Stale: published again after this draft began</span>
          </>
        )}{" "}
        {exists && <a href={editHref(item.type, item.key)}>Edit record</a>}
        {(item.published || done) && <a href={historyHref(item.type, item.key)}>History</a>}
      </p>
      {done ? (
        change ? (
          <RecordDiff
            before={change.before}
            after={change.after}
            beforeLabel="before publishing"
            afterLabel={`published revision ${change.recordVersion ?? ""}`.trim()}
            labels={labels}
          />
        ) : (
          <p className="muted">The published change is in the record's history.</p>
        )
      ) : (
        <RecordDiff
          before={item.published?.record ?? null}
          after={item.op === "delete" ? null : item.record}
          beforeLabel={item.published ? `published now (revision ${item.published.version})` : "published now"}
          afterLabel="this draft"
          labels={labels}
        />
      )}
    </section>
  );
}

export default async function DraftPage({ params }: { params: Params }) {
  const who = await currentPrincipal();
  if (!who) return null;
  const draft = await loadDraft((await params).id);
  if (!draft) notFound();
  const reviewer = roleAtLeast(who.role, "reviewer");
  const open = draft.status === "pending" || draft.status === "returned";
  const stale = draft.items.filter((i) => i.stale);
  const labels = await loadDiffLabels(getDb(), who);
  const mayRename = open && (reviewer || draft.authorId === who.id);
  const author = (await userNames(getDb(), who, [draft.authorId])).get(draft.authorId) ?? draft.authorEmail;
  return (
    <>
      <p>
        <a href="/admin/review">← {reviewer ? "Review queue" : "Drafts"}</a>
      </p>
      <h1 dir="auto">{draft.title}</h1>
      {mayRename && <DraftTitleForm draftId={draft.id} title={draft.title} />}
      <p className="review-meta">
        <span className={`review-tag${draft.status === "published" ? " review-tag-good" : ""}`}>{STATUS_TEXT[draft.status]}</span> ·{" "}
        {plural(draft.items.length, "change")} by {author} · opened{" "}
        <time dateTime={draft.createdAt} title={utc(draft.createdAt)}>
          {age(draft.createdAt)}
        </time>
        , last change{" "}
        <time dateTime={draft.updatedAt} title={utc(draft.updatedAt)}>
          {age(draft.updatedAt)}
        </time>
      </p>

      {draft.status === "published" && (
        <div className="form-ok" role="status">
          <p style={{ margin: 0 }}>
            <strong>Published</strong>
            {draft.publishedAt ? ` on ${utc(draft.publishedAt)}` : ""}.{" "}
            {draft.comment && (
              <>
                Comment: <q dir="auto">{draft.comment}</q>
              </>
            )}
          </p>
          <p style={{ margin: "0.4rem 0 0" }}>History of each record:</p>
          <ul>
            {draft.items.map((i) => (
              <li key={i.id}>
                <a href={historyHref(i.type, i.key)} dir="auto">
                  {i.label}
                </a>{" "}
                <span className="muted">({i.type})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {draft.status === "withdrawn" && <p className="review-warn">Withdrawn: none of these changes was published.</p>}
      {draft.status === "returned" && (
        <div className="review-warn">
          <p style={{ margin: 0 }}>
            <strong>Sent back</strong> by a reviewer{draft.comment ? ":" : "."}
          </p>
          {draft.comment && (
            <blockquote className="review-quote" dir="auto">
              {draft.comment}
            </blockquote>
          )}
          <p style={{ margin: 0 }}>Edit the records below; saving a change puts the draft back in the queue.</p>
        </div>
      )}
      {open && stale.length > 0 && (
        <div className="review-warn">
          <p style={{ margin: 0 }}>
            {plural(stale.length, "record")} in this draft {stale.length === 1 ? "was" : "were"} published again after the draft began.
            Publishing is refused until the draft is merged with what is published now:
          </p>
          <ul>
            {stale.map((i) => (
              <li key={i.id}>
                <a href={editHref(i.type, i.key)} dir="auto">
                  {i.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {open && (
        <section className="review-box" aria-label="Review">
          <DraftActions
            draftId={draft.id}
            version={draft.version}
            title={draft.title}
            status={draft.status}
            changes={draft.items.length}
            canReview={reviewer}
            canWithdraw={reviewer || draft.authorId === who.id}
          />
          {!reviewer && draft.status === "pending" && <p className="muted">A reviewer publishes this draft or sends it back.</p>}
          <p style={{ margin: "0.6rem 0 0" }}>
            <a href="/admin/preview">Preview the dashboard with drafts</a>
          </p>
        </section>
      )}

      <DraftQuoteChecks checks={(await draftQuoteChecks(getDb(), who, [draft])).get(draft.id) ?? []} />

      <h2>Changes ({draft.items.length})</h2>
      {draft.items.length === 0 && <p className="muted">This draft has no changes.</p>}
      {draft.items.map((item) => (
        <Item key={item.id} who={who} draft={draft} item={item} labels={labels} />
      ))}
    </>
  );
}
