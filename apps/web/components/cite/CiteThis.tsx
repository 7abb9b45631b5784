"use client";
// "Cite this": APA and BibTeX for what is shown, with the dataset revision and a permalink that pins it
// (`?revision=N`), so a reader can check a published chart against the data it was drawn from.
import { citation, pinRevision, todayIso } from "@stancemap/core/model";
import { useId, useState } from "react";
import type { RevisionShown } from "@/lib/dashboard-data";
import "./cite.css";

export function CiteThis(props: {
  /** What is cited ("Posture toward the Taliban government"). */
  title: string;
  /** What kind of thing, in its state ("map as of 3 July 2025"). */
  description: string;
  /** The view's address on this site (`/?topic=…`, `/actors/russia`). */
  path: string;
  origin: string;
  shown: RevisionShown | undefined;
  /** Heading level of the box's title. */
  heading?: "h2" | "h3";
}) {
  const id = useId();
  if (!props.shown) return null;
  const url = pinRevision(`${props.origin}${props.path}`, props.shown.revision);
  const cite = citation({
    author: "Stancemap",
    title: props.title,
    description: props.description,
    revision: props.shown.revision,
    publishedAt: props.shown.at,
    accessed: todayIso(),
    url,
  });
  const Heading = props.heading ?? "h3";
  return (
    <section className="cite-this" aria-labelledby={`${id}-cite`}>
      <Heading id={`${id}-cite`}>Cite this</Heading>
      <p className="muted">
        Dataset revision {props.shown.revision}. The permalink reopens this view as it was in that revision, even after the data changes.
      </p>
      <CopyField id={`${id}-link`} label="Permalink" value={url} rows={1} />
      <CopyField id={`${id}-apa`} label="APA" value={cite.apa} rows={4} />
      <CopyField id={`${id}-bib`} label="BibTeX" value={cite.bibtex} rows={10} code />
    </section>
  );
}

function CopyField({ id, label, value, rows, code }: { id: string; label: string; value: string; rows: number; code?: boolean }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin, a refusal): select the text so the reader can copy it.
      (document.getElementById(id) as HTMLTextAreaElement | null)?.select();
      setCopied("failed");
    }
  };
  return (
    <div className="cite-field">
      <div className="cite-field-head">
        <label htmlFor={id}>{label}</label>
        <button type="button" className="button-quiet" onClick={copy} aria-describedby={`${id}-status`}>
          Copy {label === "Permalink" ? "link" : label}
        </button>
        <span id={`${id}-status`} className="muted" role="status">
          {copied === "yes" ? "Copied" : copied === "failed" ? "Selected: press Ctrl+C or ⌘C" : ""}
        </span>
      </div>
      <textarea
        id={id}
        readOnly
        rows={rows}
        value={value}
        className={code ? "cite-code" : undefined}
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
