"use client";
// The list of problems at the top of a form, each linking to its field; it takes focus when a save
// is refused so keyboard and screen-reader users start from it.
import type { EntityType } from "@stancemap/core";
import type { Ref } from "react";
import { fieldId, pathLabel } from "./paths";
import type { FieldIssue } from "./record-values";

/** The nearest element on screen for an issue's path: the field itself, else the group that holds it. */
function anchorFor(path: string): HTMLElement | null {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join(".")));
    if (el) return el;
  }
  return null;
}

/** Issues in the order their fields appear, not the schema's order. */
function inScreenOrder(issues: FieldIssue[]): FieldIssue[] {
  if (typeof document === "undefined") return issues;
  const placed = issues.map((issue) => ({ issue, el: anchorFor(issue.path) }));
  return placed
    .sort((a, b) => {
      if (!a.el || !b.el || a.el === b.el) return 0;
      return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    })
    .map((p) => p.issue);
}

export function ErrorSummary({
  issues,
  message,
  type,
  ref,
}: {
  issues: FieldIssue[];
  message: string | null;
  type: EntityType;
  ref: Ref<HTMLDivElement>;
}) {
  if (issues.length === 0 && !message) return null;
  const title =
    issues.length === 0
      ? "Not saved"
      : issues.length === 1
        ? "There is a problem: nothing was saved"
        : `There are ${issues.length} problems: nothing was saved`;
  return (
    <div className="form-error rf-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="rf-summary-title">
      <h2 id="rf-summary-title">{title}</h2>
      {message && issues.length === 0 ? <p>{message}</p> : null}
      {issues.length > 0 ? (
        <ul>
          {inScreenOrder(issues).map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one path may carry several messages.
            <li key={`${issue.path}-${i}`}>
              <a
                href={`#${fieldId(issue.path)}`}
                onClick={(e) => {
                  const el = anchorFor(issue.path);
                  if (!el) return;
                  e.preventDefault();
                  el.scrollIntoView({ block: "center" });
                  el.focus();
                }}
              >
                {pathLabel(issue.path, type)}: {issue.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
