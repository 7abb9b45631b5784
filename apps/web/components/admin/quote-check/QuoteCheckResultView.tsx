// How a quote check reads, in the form and in the review queue alike: found (with the passage, the match
// highlighted), not found (a warning, never a block) or not checked (no stored text: never "verified").
import type { QuoteCheckResult } from "@stancemap/core";
import "./quote-check.css";

export type QuoteCheckView = Pick<QuoteCheckResult, "status" | "match"> | { status: "no-source" | "checking" | "failed" };

export function QuoteCheckResultView({ result, compact = false }: { result: QuoteCheckView; compact?: boolean }) {
  switch (result.status) {
    case "found":
      return (
        <div className="qc qc-found">
          <p className="qc-status">
            <span aria-hidden="true">✓ </span>Found in the source
            {"match" in result && result.match && !compact ? (
              <span className="qc-where"> (at character {(result.match.offset + 1).toLocaleString("en")})</span>
            ) : null}
          </p>
          {"match" in result && result.match ? (
            <p className="qc-context" dir="auto">
              {result.match.before}
              <mark>{result.match.match}</mark>
              {result.match.after}
            </p>
          ) : null}
        </div>
      );
    case "not-found":
      return (
        <div className="qc qc-not-found">
          <p className="qc-status">
            <span aria-hidden="true">⚠ </span>Not found in the source
          </p>
          {compact ? null : (
            <p className="qc-hint">
              Check the wording against the source's stored text: only curly or straight quotes and spacing may differ. You can still save.
            </p>
          )}
        </div>
      );
    case "not-checked":
      return (
        <div className="qc qc-not-checked">
          <p className="qc-status">Not checked: this source has no stored text</p>
        </div>
      );
    case "no-source":
      return (
        <div className="qc qc-not-checked">
          <p className="qc-status">Not checked: this source has no stored text yet</p>
        </div>
      );
    case "checking":
      return (
        <div className="qc qc-checking">
          <p className="qc-status">Checking against the source…</p>
        </div>
      );
    case "failed":
      return (
        <div className="qc qc-not-checked">
          <p className="qc-status">Not checked: the check did not answer; it runs again as you type</p>
        </div>
      );
  }
}
