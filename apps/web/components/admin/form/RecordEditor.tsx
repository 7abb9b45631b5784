"use client";
// The create and edit form for any record type: validated in the browser with the API's own zod
// schema, saved as a draft by a server action, with the merge view when someone else saved first.
import { COLLECTIONS, type EntityType } from "@stancemap/core";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { saveRecord } from "@/app/admin/(signed-in)/[collection]/actions";
import { ConflictMerge } from "./ConflictMerge";
import { ErrorSummary } from "./ErrorSummary";
import { type FormApi, FormProvider } from "./FormContext";
import {
  blankValues,
  draftsReferenced,
  type FieldIssue,
  getAt,
  KEY_FIELD,
  newSourcesOf,
  setAt,
  slugify,
  suggestKey,
  toRecord,
  type Values,
  validate,
  valuesOf,
} from "./form-state";
import type { PickerOptions } from "./options";
import { RecordFields } from "./RecordFields";
import type { Conflict, SaveInput } from "./save-types";
import "./form.css";

const RTL_LANGUAGES = new Set(["ar", "fa", "prs", "ps", "ur", "he", "yi", "sd", "ug", "ckb", "dv"]);

interface PendingMerge {
  conflict: Conflict;
  mine: Values;
  newSources: SaveInput["newSources"];
}

export interface RecordEditorProps {
  type: EntityType;
  mode: "create" | "edit";
  /** The record being edited, or a partial record to start a new one from. */
  initial: Values | null;
  recordKey: string | null;
  expectedVersion: string | null;
  /** The open draft this record is already in, if any: further saves go there. */
  draftId: string | null;
  options: PickerOptions;
}

/** Fills in what follows from a change: suggested keys, a quote's speaker, a local name's direction. */
function derive(type: EntityType, mode: "create" | "edit", options: PickerOptions, prev: Values, path: string, value: unknown): Values {
  let next = setAt(prev, path, value);
  const keyField = KEY_FIELD[type];
  if (mode === "create" && keyField) {
    if (path === keyField) next = { ...next, _keyTouched: true };
    else if (!next._keyTouched) next = { ...next, [keyField]: suggestKey(type, next) };
  }
  let m = /^evidence\.(\d+)\._new\.(publisher|title|id)$/.exec(path);
  if (m) {
    const row = `evidence.${m[1]}`;
    if (m[2] === "id") next = setAt(next, `${row}._idTouched`, true);
    else if (!getAt(next, `${row}._idTouched`))
      next = setAt(next, `${row}._new.id`, suggestKey("source", getAt(next, `${row}._new`) as Values));
  }
  m = /^categories\.(\d+)\.(label|key)$/.exec(path);
  if (m) {
    const row = `categories.${m[1]}`;
    if (m[2] === "key") next = setAt(next, `${row}._keyTouched`, true);
    else if (!getAt(next, `${row}._existing`) && !getAt(next, `${row}._keyTouched`))
      next = setAt(next, `${row}.key`, slugify(String(value)));
  }
  m = /^evidence\.(\d+)\._quote$/.exec(path);
  if (m && value === true && !getAt(next, `evidence.${m[1]}.quote.speaker.actor`) && typeof next.actor === "string")
    next = setAt(next, `evidence.${m[1]}.quote.speaker.actor`, next.actor);
  m = /^names\.(\d+)\.lang$/.exec(path);
  if (m) next = setAt(next, `names.${m[1]}.dir`, RTL_LANGUAGES.has(String(value).split("-")[0] ?? "") ? "rtl" : "ltr");
  if (path === "topic" && type === "stance") {
    const topic = options.topics.find((t) => t.key === value);
    if (!topic?.categories.some((c) => c.key === next.category)) next = { ...next, category: "" };
  }
  return next;
}

export function RecordEditor({ type, mode, initial, recordKey, expectedVersion, draftId, options }: RecordEditorProps) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(() =>
    mode === "edit" && initial ? valuesOf(type, initial) : { ...blankValues(type), ...(initial ?? {}) },
  );
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<PendingMerge | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [dirty, setDirty] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const focusTarget = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const clientIssues = useMemo(() => validate(type, values, options), [type, values, options]);
  const shown = useMemo(() => [...(submitted ? clientIssues : []), ...serverIssues], [submitted, clientIssues, serverIssues]);

  useEffect(() => {
    const id = focusTarget.current;
    if (!id) return;
    focusTarget.current = null;
    document.getElementById(id)?.focus();
  });
  // A refused save moves focus to the summary, or to the merge view.
  useEffect(() => {
    if (attempt === 0) return;
    if (conflict) document.getElementById("rf-conflict-title")?.focus();
    else summaryRef.current?.focus();
  }, [attempt, conflict]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const set = useCallback(
    (path: string, value: unknown) => {
      setValues((prev) => derive(type, mode, options, prev, path, value));
      setServerIssues((prev) => prev.filter((i) => i.path !== path && !i.path.startsWith(`${path}.`)));
      setDirty(true);
    },
    [type, mode, options],
  );

  const api: FormApi = {
    type,
    mode,
    values,
    options,
    get: (path) => getAt(values, path),
    set,
    issuesAt: (path) => shown.filter((i) => i.path === path).map((i) => i.message),
    focusLater: (id) => {
      focusTarget.current = id;
    },
    announce: setAnnouncement,
  };

  async function save(record: Values, newSources: SaveInput["newSources"], version: string | null) {
    setBusy(true);
    setMessage(null);
    setNotice(null);
    const referenced = draftsReferenced(type, record, options);
    const into = draftId ?? (referenced.length === 1 ? referenced[0] : undefined);
    const result = await saveRecord({ type, key: recordKey, record, newSources, expectedVersion: version, draftId: into });
    if (result.ok && result.unchanged) {
      // Nothing differs from what the form started from: no draft, nothing to review.
      setBusy(false);
      setDirty(false);
      setConflict(null);
      const text = "No changes to save: the record is as it is now. Nothing was saved and no draft was made.";
      setNotice(text);
      setAnnouncement(text);
      return;
    }
    if (result.ok) {
      setDirty(false);
      const url = `/admin/${COLLECTIONS[type]}/${encodeURIComponent(result.key)}?saved=${encodeURIComponent(result.draftId ?? "")}`;
      if (mode === "create") router.push(url);
      else router.replace(url);
      router.refresh();
      return;
    }
    setBusy(false);
    if (result.conflict) {
      setConflict({ conflict: result.conflict, mine: record, newSources });
    } else {
      setConflict(null);
      setServerIssues(result.issues ?? []);
      setMessage(result.message);
    }
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setServerIssues([]);
    if (clientIssues.length > 0) {
      setMessage(null);
      setAttempt((n) => n + 1);
      return;
    }
    // After a conflict the form still holds the old version token: the merge view saves against theirs.
    await save(toRecord(type, values), newSourcesOf(values), expectedVersion);
  }

  const collection = COLLECTIONS[type];
  return (
    <FormProvider api={api}>
      <ErrorSummary ref={summaryRef} issues={shown} message={message} />
      {conflict ? (
        <ConflictMerge
          conflict={conflict.conflict}
          mine={conflict.mine}
          busy={busy}
          onSave={(merged, keptMyEvidence) => save(merged, keptMyEvidence ? conflict.newSources : [], conflict.conflict.version)}
          onDiscard={() => {
            setDirty(false);
            window.location.assign(`/admin/${collection}/${encodeURIComponent(recordKey ?? "")}`);
          }}
        />
      ) : null}
      {notice && (
        <p className="form-ok" role="status">
          {notice}
        </p>
      )}
      <form className="admin-form rf-form" onSubmit={onSubmit} noValidate aria-label={mode === "create" ? `New ${type}` : `Edit ${type}`}>
        {/* The version this form started from; saves are checked against it (see the merge view). */}
        <input type="hidden" name="expectedVersion" value={expectedVersion ?? ""} />
        <p className="hint">Fields are required unless marked optional. Saving puts your change in a draft; a reviewer publishes it.</p>
        <RecordFields type={type} />
        <div className="rf-actions rf-submit">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? "Saving…" : "Save as draft"}
          </button>
          <a className="btn btn-secondary" href={`/admin/${collection}`}>
            Cancel
          </a>
        </div>
      </form>
      <div className="rf-sr" aria-live="polite">
        {announcement}
      </div>
    </FormProvider>
  );
}
