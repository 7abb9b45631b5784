"use client";
// A source's stored text in the source form: pasted or uploaded as a plain-text file, stored by content
// (POST /api/v1/source-texts) and kept in the record as `{ sha256, length }`, so history holds each version cheaply.
import type { SourceTextRef } from "@stancemap/core";
import { MAX_SOURCE_TEXT_CHARS } from "@stancemap/core/model";
import { useEffect, useId, useRef, useState } from "react";
import "../quote-check/quote-check.css";

const DEBOUNCE_MS = 700;

type Status = { kind: "idle" } | { kind: "storing" } | { kind: "stored" } | { kind: "error"; message: string };

async function storeText(text: string, signal?: AbortSignal): Promise<SourceTextRef> {
  const res = await fetch("/api/v1/source-texts", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
    credentials: "same-origin",
    signal,
  });
  if (res.ok) return (await res.json()) as SourceTextRef;
  const problem = (await res.json().catch(() => null)) as { detail?: string; errors?: { field: string; message: string }[] } | null;
  const first = problem?.errors?.[0];
  throw new Error(first ? `The text ${first.message}.` : (problem?.detail ?? `The text was not stored (${res.status}).`));
}

export function SourceTextField({
  sourceId,
  value,
  onChange,
  saved,
}: {
  /** The source's id, to open its saved text. */
  sourceId: string;
  value: SourceTextRef | undefined;
  onChange: (ref: SourceTextRef | undefined) => void;
  /** Whether the source exists on the server (published or in a draft), so its saved text can be opened. */
  saved: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const initial = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!draft.trim()) return;
    if (draft.length > MAX_SOURCE_TEXT_CHARS) {
      setStatus({
        kind: "error",
        message: `The text is longer than ${MAX_SOURCE_TEXT_CHARS.toLocaleString("en")} characters (about 2 MB).`,
      });
      return;
    }
    const abort = new AbortController();
    setStatus({ kind: "storing" });
    const timer = setTimeout(() => {
      storeText(draft, abort.signal).then(
        (ref) => {
          onChangeRef.current(ref);
          setStatus({ kind: "stored" });
        },
        (error: Error) => {
          if (error.name !== "AbortError") setStatus({ kind: "error", message: error.message });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [draft]);

  async function upload(file: File | undefined) {
    if (!file) return;
    if (!(file.type === "" || file.type.startsWith("text/plain") || file.name.toLowerCase().endsWith(".txt"))) {
      setStatus({ kind: "error", message: "Upload a plain-text file (.txt)." });
      return;
    }
    setDraft(await file.text());
  }

  const unchangedSaved = saved && value && initial.current?.sha256 === value.sha256;
  return (
    <fieldset className="rf-row stf" aria-describedby={`${id}-hint`}>
      <legend>Stored text</legend>
      <p className="hint" id={`${id}-hint`}>
        The document's plain text, as published. Quotes citing this source are checked against it as editors type. At most 2 MB.
      </p>
      <p className="stf-summary" data-testid="source-text-summary">
        {value ? (
          <>
            Stored: {value.length.toLocaleString("en")} characters
            {unchangedSaved ? (
              <>
                {" "}
                (
                <a href={`/api/v1/sources/${encodeURIComponent(sourceId)}/text`} target="_blank" rel="noopener">
                  open the saved text
                </a>
                )
              </>
            ) : (
              " (kept with this source when you save)"
            )}
            .
          </>
        ) : (
          "No stored text: quotes citing this source are marked “not checked”."
        )}
      </p>
      <label htmlFor={`${id}-paste`}>{value ? "Replace it: paste the text" : "Paste the text"}</label>
      <textarea id={`${id}-paste`} rows={6} value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} dir="auto" />
      <div className="stf-actions">
        <label htmlFor={`${id}-file`}>or upload a plain-text file:</label>
        <input id={`${id}-file`} type="file" accept=".txt,text/plain" onChange={(e) => void upload(e.target.files?.[0])} />
        {value ? (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setDraft("");
              setStatus({ kind: "idle" });
              onChange(undefined);
            }}
          >
            Remove the stored text
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={status.kind === "error" ? "field-error" : "hint"}>
        {status.kind === "storing" ? "Storing the text…" : null}
        {status.kind === "stored" ? "Text stored; it is kept with this source when you save." : null}
        {status.kind === "error" ? status.message : null}
      </p>
    </fieldset>
  );
}
