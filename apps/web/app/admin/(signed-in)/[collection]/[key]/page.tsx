// Editing one record: the open draft's version if there is one, else the published one. The version
// token read here goes back with the save, so a save over someone else's newer work is refused (409).
import { COLLECTIONS, typeOfCollection } from "@stancemap/core";
import { getDb, getDraft, getHead } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeletePanel } from "@/components/admin/form/DeletePanel";
import { loadPickerOptions } from "@/components/admin/form/load-options";
import { RecordEditor } from "@/components/admin/form/RecordEditor";
import { recordTitle, TYPE_LABELS } from "@/components/admin/form/type-labels";
import { currentPrincipal } from "@/lib/server/dal";

type Params = Promise<{ collection: string; key: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const DRAFT_ID = /^[A-Za-z0-9_-]{1,40}$/;
const draftParam = (v: string | string[] | undefined) => (typeof v === "string" && DRAFT_ID.test(v) ? v : null);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { collection, key } = await params;
  const type = typeOfCollection(collection);
  return { title: type ? `Edit ${TYPE_LABELS[type]} ${decodeKey(key)}` : "Not found" };
}

export default async function EditRecordPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { collection, key: rawKey } = await params;
  const type = typeOfCollection(collection);
  if (!type) notFound();
  const key = decodeKey(rawKey);
  const who = await currentPrincipal();
  if (!who) return null;
  const db = getDb();
  const [head, options, query] = await Promise.all([getHead(db, type, key), loadPickerOptions(db, who), searchParams]);
  const draft = head.draft;
  // A draft that deletes the record has no record of its own: the form shows the published one.
  const record = draft?.record ?? head.published?.record;
  if (!record) notFound();
  const comment = draft?.status === "returned" ? (await getDraft(db, who, draft.draftId)).comment : null;
  const saved = draftParam(query.saved);
  const deleted = draftParam(query.deleted);
  const base = `/admin/${COLLECTIONS[type]}/${encodeURIComponent(key)}`;
  const label = recordTitle(type, record, options);

  return (
    <>
      <h1>
        Edit {TYPE_LABELS[type]}: <span dir="auto">{label}</span>
      </h1>
      <p className="rf-head-links">
        <span className="muted">
          Key <code>{key}</code>
        </span>
        <a href={`${base}/history`}>History</a>
        {type === "actor" && head.published ? <a href={`/actors/${encodeURIComponent(key)}`}>Public page</a> : null}
        <a href={`/admin/${COLLECTIONS[type]}`}>All {COLLECTIONS[type] === "gaps" ? "no-data notes" : COLLECTIONS[type]}</a>
      </p>
      {saved ? (
        <p className="form-ok rf-note" role="status">
          Saved as draft <a href={`/admin/drafts/${saved}`}>{saved}</a>; a reviewer publishes it.
        </p>
      ) : null}
      {deleted ? (
        <p className="form-ok rf-note" role="status">
          Deletion proposed in draft <a href={`/admin/drafts/${deleted}`}>{deleted}</a>; a reviewer publishes it.
        </p>
      ) : null}
      {draft ? (
        <div className="rf-note">
          <p>
            Editing the open draft <a href={`/admin/drafts/${draft.draftId}`}>{draft.draftId}</a> ({draft.status}).
            {head.published ? " The published version stays as it is until a reviewer publishes the draft." : " It is not published yet."}
          </p>
          {draft.op === "delete" ? (
            <p>
              <strong>This draft deletes the record.</strong> The form shows the published version; saving it replaces the deletion with
              your edit.
            </p>
          ) : null}
          {comment ? (
            <>
              <p>The reviewer sent it back:</p>
              <blockquote dir="auto">{comment}</blockquote>
            </>
          ) : null}
        </div>
      ) : null}
      <RecordEditor
        key={head.version}
        type={type}
        mode="edit"
        initial={record as unknown as Record<string, unknown>}
        recordKey={key}
        expectedVersion={head.version}
        draftId={draft?.draftId ?? null}
        options={options}
      />
      {draft?.op === "delete" ? null : (
        <DeletePanel
          key={`delete-${head.version}`}
          type={type}
          recordKey={key}
          label={label}
          expectedVersion={head.version}
          draftId={draft?.draftId ?? null}
        />
      )}
    </>
  );
}
