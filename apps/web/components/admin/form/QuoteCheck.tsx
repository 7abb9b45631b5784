"use client";
// The status line under a quote: asks the quote check as the editor types (debounced; an answer to an older
// text is dropped) and says whether the quote is in its source's stored text, and where.
import type { QuoteCheckResult } from "@stancemap/core";
import { useEffect, useState } from "react";
import { QuoteCheckResultView, type QuoteCheckView } from "../quote-check/QuoteCheckResultView";

const DEBOUNCE_MS = 400;

export function QuoteCheck({ sourceId, text, id }: { sourceId: string; text: string; id?: string }) {
  const [result, setResult] = useState<QuoteCheckView | null>(null);
  const wanted = text.trim();
  useEffect(() => {
    if (!wanted) {
      setResult(null);
      return;
    }
    if (!sourceId) {
      setResult({ status: "no-source" });
      return;
    }
    setResult({ status: "checking" });
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch("/api/v1/quote-check", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ source: sourceId, text }),
          signal: abort.signal,
          credentials: "same-origin",
        });
        if (res.ok) {
          const body = (await res.json()) as QuoteCheckResult;
          setResult(body);
        } else {
          // A source not saved yet (created in this form) is unknown to the server: nothing to compare with.
          const problem = (await res.json().catch(() => null)) as { errors?: { field: string }[] } | null;
          setResult(problem?.errors?.some((e) => e.field === "source") ? { status: "no-source" } : { status: "failed" });
        }
      } catch (error) {
        if ((error as Error).name !== "AbortError") setResult({ status: "failed" });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [sourceId, text, wanted]);
  return (
    <div id={id} className="qc-live" role="status" aria-live="polite" data-testid="quote-check">
      {result ? <QuoteCheckResultView result={result} /> : null}
    </div>
  );
}
