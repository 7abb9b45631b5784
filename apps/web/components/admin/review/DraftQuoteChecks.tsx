// What a reviewer sees of each quote a draft proposes: found in its source's stored text (and where), not found,
// or not checked (no stored text). In the queue one line per quote; on the draft page with the passage.
import type { DraftQuoteCheck } from "@stancemap/db";
import { QuoteCheckResultView } from "../quote-check/QuoteCheckResultView";

const SHORT = 70;
const short = (text: string) => (text.length > SHORT ? `${text.slice(0, SHORT).replace(/\s\S*$/u, "")}…` : text);
const STATUS_WORDS = { found: "found", "not-found": "not found", "not-checked": "not checked" } as const;

/** "2 found, 1 not found": the counts, in that order, for a summary line. */
export function quoteCheckCounts(checks: readonly DraftQuoteCheck[]): string {
  return (["found", "not-found", "not-checked"] as const)
    .map((s) => [s, checks.filter((c) => c.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_WORDS[s]}`)
    .join(", ");
}

/** The queue's cell: one line per quote, its status first. */
export function QuoteChecksCell({ checks }: { checks: readonly DraftQuoteCheck[] }) {
  if (checks.length === 0) return <span className="muted">No quotes</span>;
  return (
    <ul className="qc-list" aria-label={`Quotes: ${quoteCheckCounts(checks)}`}>
      {checks.map((c) => (
        <li key={`${c.type}:${c.key}:${c.evidence}`} className={`qc-item qc-item-${c.status}`}>
          <span className="qc-badge">
            {c.status === "found" ? "✓ Found in the source" : c.status === "not-found" ? "⚠ Not found in the source" : "Not checked"}
          </span>{" "}
          <q dir="auto">{short(c.quote)}</q>
        </li>
      ))}
    </ul>
  );
}

/** The draft page's section: each quote with the record it belongs to and, when found, the passage. */
export function DraftQuoteChecks({ checks }: { checks: readonly DraftQuoteCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <section className="review-box qc-section" aria-labelledby="qc-heading">
      <h2 id="qc-heading">Quotes against their sources ({quoteCheckCounts(checks)})</h2>
      <ul className="qc-sections">
        {checks.map((c) => (
          <li key={`${c.type}:${c.key}:${c.evidence}`}>
            <p className="qc-quote">
              <span dir="auto">{c.label}</span>, source {c.evidence + 1} (<code>{c.source}</code>): <q dir="auto">{c.quote}</q>
            </p>
            <QuoteCheckResultView result={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}
