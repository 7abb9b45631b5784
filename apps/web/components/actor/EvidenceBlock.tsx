// A claim's evidence on the actor page: the quotes, each with its source, in full; the sources that
// carry no quote folded under one line naming their publishers, so a long record stays readable.

import { publisherName } from "@stancemap/charts";
import type { Evidence } from "@stancemap/core";
import { EvidenceList } from "@/components/dashboard/Evidence";
import type { PageLookups } from "./lookups";

export function EvidenceBlock(props: { evidence: readonly Evidence[]; lookups: PageLookups }) {
  const { lookups } = props;
  const quoted = props.evidence.filter((e) => e.quote);
  const plain = props.evidence.filter((e) => !e.quote);
  const publishers = [...new Set(plain.map((e) => publisherName(lookups.sources.get(e.source)?.publisher) ?? "unattributed report"))];
  return (
    <div className="evidence-block">
      {quoted.length > 0 ? <EvidenceList evidence={quoted} sources={lookups.sources} speakers={lookups.names} /> : null}
      {plain.length > 0 ? (
        <details className="more-sources">
          <summary>
            {quoted.length > 0 ? "Further sources" : "Sources"} ({plain.length}): {publishers.join("; ")}
          </summary>
          <EvidenceList evidence={plain} sources={lookups.sources} speakers={lookups.names} />
        </details>
      ) : null}
    </div>
  );
}
