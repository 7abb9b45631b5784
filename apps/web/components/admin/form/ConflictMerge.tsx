"use client";
// Someone else saved the record while this form was open. Against the version this form started
// from (the original), fields only one side changed are merged without asking; only fields both
// changed differently are asked about, showing the original, theirs and yours, and the merged
// version cannot be saved until each has a choice. With no original, every differing field is asked.
import type { EntityType } from "@stancemap/core";
import { type SpeakerLike, speakerLabel, threeWayMerge, upgradeSpeaker } from "@stancemap/core/model";

import { type ReactNode, useMemo, useState } from "react";
import { pathLabel } from "./paths";
import type { Conflict } from "./save-types";

function ValueView({ field, value }: { field: string; value: unknown }): ReactNode {
  if (value === undefined || value === null || value === "") return <em className="muted">empty</em>;
  if (typeof value === "string") return <span dir="auto">{value}</span>;
  if (field === "evidence" && Array.isArray(value))
    return (
      <ol className="rf-merge-list">
        {(value as Values[]).map((e, i) => {
          const q = e.quote as Values | undefined;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: evidence rows have no key of their own; the order is the content.
            <li key={i}>
              <code>{String(e.source)}</code>
              {e.locator ? ` · ${String(e.locator)}` : ""}
              {q ? (
                <blockquote dir="auto" lang={String(q.language ?? "")}>
                  “{String(q.text)}” ({speakerLabel(upgradeSpeaker(q.speaker) as SpeakerLike)})
                </blockquote>
              ) : null}
            </li>
          );
        })}
      </ol>
    );
  if (field === "categories" && Array.isArray(value))
    return (
      <ol className="rf-merge-list">
        {(value as Values[]).map((c) => (
          <li key={String(c.key)}>
            <span className="rf-swatch" style={{ background: String(c.colour) }} aria-hidden="true" />{" "}
            <span dir="auto">{String(c.label)}</span> ({String(c.key)}, {String(c.colour)})
          </li>
        ))}
      </ol>
    );
  if (field === "names" && Array.isArray(value))
    return (
      <ul className="rf-merge-list">
        {(value as Values[]).map((n) => (
          <li key={`${n.lang}-${n.name}`}>
            <span dir={n.dir === "rtl" ? "rtl" : "ltr"} lang={String(n.lang)}>
              {String(n.name)}
            </span>{" "}
            ({String(n.lang)})
          </li>
        ))}
      </ul>
    );
  if (field === "aliases" && Array.isArray(value))
    return value.length ? (
      <ul className="rf-merge-list">
        {(value as Values[]).map((x) => (
          <li key={String(x.name)}>
            <span dir="auto">{String(x.name)}</span> ({String(x.kind)}
            {x.source ? `, ${String(x.source)}` : ""})
          </li>
        ))}
      </ul>
    ) : (
      <em className="muted">none</em>
    );
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : <em className="muted">none</em>;
  if (typeof value === "object")
    return Object.entries(value as Values)
      .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
      .join("; ");
  return String(value);
}

/** "6 December 2026, 11:52 UTC": when their version was saved, in words. */
function when(iso: string): string {
  const d = new Date(iso);
  const day = d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `${day}, ${iso.slice(11, 16)} UTC`;
}

/** "Their version (saved by Ada Editor at 6 December 2026, 11:52 UTC)", as much of it as is known. */
export function theirLabel(conflict: Pick<Conflict, "savedBy" | "savedAt">): string {
  const by = conflict.savedBy ? ` by ${conflict.savedBy}` : "";
  const at = conflict.savedAt ? ` at ${when(conflict.savedAt)}` : "";
  return by || at ? `Their version (saved${by}${at})` : "Their version";
}

type Values = Record<string, unknown>;
type Choice = "theirs" | "yours";

export function ConflictMerge({
  conflict,
  mine,
  busy,
  type,
  onSave,
  onDiscard,
}: {
  conflict: Conflict;
  type: EntityType;
  /** The form's record, as sent: used when the server could not echo it. */
  mine: Values;
  busy: boolean;
  onSave: (merged: Values, keptMyEvidence: boolean) => void;
  onDiscard: () => void;
}) {
  const theirs = conflict.theirs;
  const yours = conflict.yours ?? mine;
  const base = conflict.base;
  const result = useMemo(() => (theirs ? threeWayMerge(base, theirs, yours) : null), [base, theirs, yours]);
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const conflicts = result?.conflicts ?? [];
  const open = conflicts.filter((c) => !choice[c.field]);
  const theirName = theirLabel(conflict);
  const auto = (result?.taken ?? []).filter((t) => t.from !== "both");

  const save = () => {
    if (!result) return onSave(yours, true);
    if (open.length > 0) return;
    const merged: Values = { ...result.merged };
    for (const c of conflicts) {
      const value = choice[c.field] === "theirs" ? c.theirs : c.yours;
      if (value === null || value === undefined) delete merged[c.field];
      else merged[c.field] = value;
    }
    // Sources created in place come along only if the merged evidence is the form's.
    const evidence = conflicts.find((c) => c.field === "evidence");
    const keptMyEvidence = evidence ? choice.evidence === "yours" : result.taken.some((t) => t.field === "evidence" && t.from !== "theirs");
    onSave(merged, keptMyEvidence);
  };

  const choiceCell = (field: string, side: Choice, label: string, value: unknown) => (
    <td data-label={label}>
      <label className="rf-merge-choice">
        <input
          type="radio"
          name={`merge-${field}`}
          checked={choice[field] === side}
          onChange={() => setChoice((c) => ({ ...c, [field]: side }))}
        />{" "}
        {side === "theirs" ? "Keep theirs" : "Keep yours"}
        <span className="rf-sr"> for {pathLabel(field, type)}</span>
      </label>
      <div className="rf-merge-value">
        <ValueView field={field} value={value} />
      </div>
    </td>
  );

  return (
    <section className="rf-conflict" aria-labelledby="rf-conflict-title">
      <h2 id="rf-conflict-title" tabIndex={-1}>
        Someone else saved this while you were editing
      </h2>
      {theirs === null ? (
        <p>
          Since you opened the form, this record has been deleted, or a deletion of it has been proposed. Your version is still in the form
          below: save it to propose it again.
        </p>
      ) : (
        <>
          <p className="rf-merge-who">{theirName}.</p>
          {base === null && (
            <p className="rf-merge-nobase">
              The original version you started from cannot be read back ({conflict.baseUnavailable ?? "not recorded"}), so every field that
              differs is yours to choose.
            </p>
          )}
          {auto.length > 0 && (
            <div className="rf-merge-auto">
              <p>Merged without asking, as only one of you changed {auto.length === 1 ? "it" : "them"}:</p>
              <ul>
                {auto.map((t) => (
                  <li key={t.field}>
                    {pathLabel(t.field, type)}: {t.from === "theirs" ? "their change" : "your change"}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {conflicts.length === 0 ? (
            <p>Nothing conflicts: save the merged version to keep both sets of changes.</p>
          ) : (
            <>
              <p>
                {conflicts.length === 1 ? "One field was" : `${conflicts.length} fields were`} changed by both of you. Choose which version
                to keep for {conflicts.length === 1 ? "it" : "each"}; nothing of yours is lost until you save.
              </p>
              <table className="rf-merge">
                <caption className="rf-sr">Fields both versions changed</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    {base !== null && <th scope="col">Original</th>}
                    <th scope="col">{theirName}</th>
                    <th scope="col">Yours</th>
                  </tr>
                </thead>
                <tbody>
                  {conflicts.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{pathLabel(c.field, type)}</th>
                      {base !== null && (
                        <td data-label="Original">
                          <div className="rf-merge-value">
                            <ValueView field={c.field} value={c.base} />
                          </div>
                        </td>
                      )}
                      {choiceCell(c.field, "theirs", theirName, c.theirs)}
                      {choiceCell(c.field, "yours", "Yours", c.yours)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
      <div className="rf-actions">
        <button
          type="button"
          className="btn"
          onClick={save}
          disabled={busy || open.length > 0}
          aria-describedby={open.length > 0 ? "rf-merge-pending" : undefined}
        >
          {busy ? "Saving…" : theirs === null ? "Save yours anyway" : "Save merged version"}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onDiscard} disabled={busy}>
          Discard yours and load theirs
        </button>
        {open.length > 0 && (
          <p id="rf-merge-pending" className="rf-merge-pending">
            Choose a version for {open.map((c) => pathLabel(c.field, type)).join(", ")} to save.
          </p>
        )}
      </div>
    </section>
  );
}
