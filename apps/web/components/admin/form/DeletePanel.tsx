"use client";
// Proposing a record's deletion, after a confirmation step. A record others point at cannot go:
// the refusal lists them, each linking to its own edit page.
import { COLLECTIONS, type EntityType } from "@stancemap/core";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { deleteRecord } from "@/lib/server/actions/records";
import type { SaveResult } from "./save-types";
import { TYPE_LABELS } from "./type-labels";

export function DeletePanel({
  type,
  recordKey,
  label,
  expectedVersion,
  draftId,
}: {
  type: EntityType;
  recordKey: string;
  label: string;
  expectedVersion: string;
  draftId: string | null;
}) {
  const router = useRouter();
  const [stage, setStage] = useState<"idle" | "confirm" | "busy">("idle");
  const [refusal, setRefusal] = useState<Extract<SaveResult, { ok: false }> | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (stage === "confirm") confirmRef.current?.focus();
  }, [stage]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  async function confirm() {
    setStage("busy");
    const result = await deleteRecord({ type, key: recordKey, expectedVersion, draftId: draftId ?? undefined });
    if (result.ok) {
      router.replace(`/admin/${COLLECTIONS[type]}/${encodeURIComponent(recordKey)}?deleted=${encodeURIComponent(result.draftId ?? "")}`);
      router.refresh();
      return;
    }
    setStage("idle");
    setRefusal(result);
  }

  return (
    <section className="rf-delete" aria-labelledby="rf-delete-title">
      <h2 id="rf-delete-title">Delete</h2>
      {refusal ? (
        <div className="form-error" role="alert" tabIndex={-1} ref={refusalRef}>
          <p>
            <strong>{refusal.dependants ? refusal.message : "Not deleted."}</strong>{" "}
            {refusal.dependants ? "Change or delete these first:" : refusal.message}
          </p>
          {refusal.dependants ? (
            <ul className="rf-dependants">
              {refusal.dependants.map((d) => (
                <li key={`${d.type}:${d.key}`}>
                  <a href={`/admin/${COLLECTIONS[d.type]}/${encodeURIComponent(d.key)}`}>
                    <span dir="auto">{d.label}</span>
                  </a>{" "}
                  <span className="muted">({d.type})</span>
                </li>
              ))}
            </ul>
          ) : refusal.conflict ? (
            <p>
              <a href={`/admin/${COLLECTIONS[type]}/${encodeURIComponent(recordKey)}`}>Reload this page</a> to see what changed before
              deleting.
            </p>
          ) : null}
        </div>
      ) : null}
      {stage === "idle" ? (
        <button type="button" className="btn btn-danger" onClick={() => setStage("confirm")}>
          Delete this {TYPE_LABELS[type]}…
        </button>
      ) : (
        <div className="rf-confirm">
          <p id="rf-confirm-text">
            Delete <strong dir="auto">{label}</strong>? This proposes the deletion in a draft; it takes effect when a reviewer publishes it.
          </p>
          <div className="rf-actions">
            <button type="button" className="btn btn-danger" ref={confirmRef} onClick={confirm} disabled={stage === "busy"}>
              {stage === "busy" ? "Deleting…" : "Yes, delete it"}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setStage("idle")} disabled={stage === "busy"}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
