"use client";
// Someone else saved the record while this form was open: the fields that differ side by side, a
// choice per field (yours by default), and a save of the merged record against their version.
import { type ReactNode, useState } from "react";
import { pathLabel, type Values } from "./form-state";

/** JSON with sorted keys, so the same record read back from the database compares equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Values)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Values)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "";
}

export function differingFields(theirs: Values, mine: Values): string[] {
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
  return keys.filter((k) => canonical(theirs[k]) !== canonical(mine[k]));
}

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
                  “{String(q.text)}” ({String(q.speaker)})
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

export function ConflictMerge({
  theirs,
  mine,
  busy,
  onSave,
  onDiscard,
}: {
  theirs: Values | null;
  mine: Values;
  busy: boolean;
  onSave: (merged: Values, keptMyEvidence: boolean) => void;
  onDiscard: () => void;
}) {
  const fields = theirs ? differingFields(theirs, mine) : [];
  const [choice, setChoice] = useState<Record<string, "theirs" | "mine">>({});
  const pick = (f: string) => choice[f] ?? "mine";

  const save = () => {
    if (!theirs) return onSave(mine, true);
    const merged: Values = { ...mine };
    for (const f of fields) {
      if (pick(f) === "mine") continue;
      if (theirs[f] === undefined) delete merged[f];
      else merged[f] = theirs[f];
    }
    onSave(merged, pick("evidence") === "mine");
  };

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
      ) : fields.length === 0 ? (
        <p>Their version is the same as yours. Save again to record it against their version.</p>
      ) : (
        <>
          <p>Nothing of yours is lost. For each field that differs, choose which version to keep, then save the merged version.</p>
          <table className="rf-merge">
            <caption className="rf-sr">Fields that differ between the saved version and yours</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved by someone else</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f}>
                  <th scope="row">{pathLabel(f)}</th>
                  <td data-label="Saved by someone else">
                    <label className="rf-merge-choice">
                      <input
                        type="radio"
                        name={`merge-${f}`}
                        checked={pick(f) === "theirs"}
                        onChange={() => setChoice((c) => ({ ...c, [f]: "theirs" }))}
                      />{" "}
                      Keep theirs<span className="rf-sr"> for {pathLabel(f)}</span>
                    </label>
                    <div className="rf-merge-value">
                      <ValueView field={f} value={theirs[f]} />
                    </div>
                  </td>
                  <td data-label="Yours">
                    <label className="rf-merge-choice">
                      <input
                        type="radio"
                        name={`merge-${f}`}
                        checked={pick(f) === "mine"}
                        onChange={() => setChoice((c) => ({ ...c, [f]: "mine" }))}
                      />{" "}
                      Keep yours<span className="rf-sr"> for {pathLabel(f)}</span>
                    </label>
                    <div className="rf-merge-value">
                      <ValueView field={f} value={mine[f]} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="rf-actions">
        <button type="button" className="btn" onClick={save} disabled={busy}>
          {busy ? "Saving…" : theirs === null ? "Save yours anyway" : "Save merged version"}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onDiscard} disabled={busy}>
          Discard yours and load theirs
        </button>
      </div>
    </section>
  );
}
