"use client";
// The create and edit form for any record type, on react-hook-form: validated in the browser by the
// zod resolver with the API's own schema (and the app's one error map, with this form's labels),
// saved as a draft by a server action, with the merge view when someone else saved first.
import { zodResolver } from "@hookform/resolvers/zod";
import { COLLECTIONS, type EntityType } from "@stancemap/core";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, type Path, useForm } from "react-hook-form";
import { z } from "zod";
import { saveRecord } from "@/lib/server/actions/records";
import { ConflictMerge } from "./ConflictMerge";
import { derive } from "./derive";
import { ErrorSummary } from "./ErrorSummary";
import { type FormMeta, FormMetaProvider } from "./form-meta";
import { flattenErrors } from "./issues";
import type { PickerOptions } from "./options";
import { RecordFields } from "./RecordFields";
import {
  blankValues,
  draftsReferenced,
  type FormValues,
  formIssues,
  newSourcesOf,
  type RecordInput,
  toRecord,
  valuesOf,
} from "./record-values";
import type { Conflict, SaveInput } from "./save-types";
import "./form.css";

interface PendingMerge {
  conflict: Conflict;
  mine: Record<string, unknown>;
  newSources: SaveInput["newSources"];
}

export interface RecordEditorProps {
  type: EntityType;
  mode: "create" | "edit";
  /** The record being edited, or a partial record to start a new one from. */
  initial: Record<string, unknown> | null;
  recordKey: string | null;
  expectedVersion: string | null;
  /** The open draft this record is already in, if any: further saves go there. */
  draftId: string | null;
  options: PickerOptions;
}

/** The form's schema: the record type's core schema on the record the values describe, issues at form paths. */
function formSchema(type: EntityType, options: PickerOptions) {
  return z.custom<FormValues>().superRefine((values, ctx) => {
    for (const issue of formIssues(type, values, options))
      ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
  });
}

export function RecordEditor({ type, mode, initial, recordKey, expectedVersion, draftId, options }: RecordEditorProps) {
  const router = useRouter();
  const resolver = useMemo(() => zodResolver(formSchema(type, options)), [type, options]);
  const form = useForm<FormValues>({
    defaultValues: mode === "edit" && initial ? valuesOf(type, initial as RecordInput) : { ...blankValues(type), ...(initial ?? {}) },
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const { watch, setValue, handleSubmit, setError, formState } = form;
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<PendingMerge | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  // What follows from a change (suggested keys, a quote's speaker…): only for the user's own changes.
  useEffect(() => {
    const sub = watch((values, { name, type: event }) => {
      if (!name || event !== "change") return;
      for (const [path, value] of derive(type, mode, options, values as FormValues, name))
        setValue(path as Path<FormValues>, value as never, { shouldDirty: true });
    });
    return () => sub.unsubscribe();
  }, [watch, setValue, type, mode, options]);
  // A refused save moves focus to the summary, or to the merge view, once it is drawn: react-hook-form
  // publishes a refused submit's errors after calling onInvalid, so the summary may come a render later.
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    const target = conflict ? document.getElementById("rf-conflict-title") : summaryRef.current;
    if (!target) return;
    focusPending.current = false;
    target.focus();
  });
  const dirty = formState.isDirty && !notice;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const meta: FormMeta = useMemo(() => ({ type, mode, options, announce: setAnnouncement }), [type, mode, options]);

  async function save(record: Record<string, unknown>, newSources: SaveInput["newSources"], version: string | null) {
    setBusy(true);
    setMessage(null);
    setNotice(null);
    const referenced = draftsReferenced(type, record, options);
    const into = draftId ?? (referenced.length === 1 ? referenced[0] : undefined);
    const result = await saveRecord({ type, key: recordKey, record, newSources, expectedVersion: version, draftId: into });
    if (result.ok && result.unchanged) {
      // Nothing differs from what the form started from: no draft, nothing to review.
      setBusy(false);
      setConflict(null);
      form.reset(form.getValues());
      const text = "No changes to save: the record is as it is now. Nothing was saved and no draft was made.";
      setNotice(text);
      setAnnouncement(text);
      return;
    }
    if (result.ok) {
      form.reset(form.getValues());
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
      for (const issue of result.issues ?? []) setError(issue.path as Path<FormValues>, { type: "server", message: issue.message });
      setMessage(result.message);
    }
    focusPending.current = true;
    setAttempt((n) => n + 1);
  }

  const onValid = async (values: FormValues) => {
    if (busy) return;
    // After a conflict the form still holds the old version token: the merge view saves against theirs.
    await save(toRecord(type, values), newSourcesOf(values), expectedVersion);
  };
  const onInvalid = () => {
    setMessage(null);
    setNotice(null);
    focusPending.current = true;
    setAttempt((n) => n + 1);
  };

  const collection = COLLECTIONS[type];
  return (
    <FormProvider {...form}>
      <FormMetaProvider meta={meta}>
        <ErrorSummary ref={summaryRef} issues={flattenErrors(formState.errors)} message={message} type={type} />
        {conflict ? (
          <ConflictMerge
            conflict={conflict.conflict}
            mine={conflict.mine}
            busy={busy}
            type={type}
            onSave={(merged, keptMyEvidence) => save(merged, keptMyEvidence ? conflict.newSources : [], conflict.conflict.version)}
            onDiscard={() => {
              form.reset(form.getValues());
              window.location.assign(`/admin/${collection}/${encodeURIComponent(recordKey ?? "")}`);
            }}
          />
        ) : null}
        {notice && (
          <p className="form-ok" role="status">
            {notice}
          </p>
        )}
        <form
          className="admin-form rf-form"
          onSubmit={handleSubmit(onValid, onInvalid)}
          noValidate
          aria-label={mode === "create" ? `New ${type}` : `Edit ${type}`}
        >
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
      </FormMetaProvider>
    </FormProvider>
  );
}
