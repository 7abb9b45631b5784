// A stance may carry only qualifiers its topic defines, as it may use only categories on its topic's
// scale: checked wherever a stance or a topic is saved, published or imported.
import type { RecordOf } from "@stancemap/core";
import { jsonList } from "../mappers";
import type { FieldIssue } from "./errors";
import type { Tx } from "./records";

/** The stance's qualifiers its topic does not define, each named by its body path. */
export function unknownQualifiers(stance: RecordOf<"stance">, topic: RecordOf<"topic">): FieldIssue[] {
  const keys = new Set((topic.qualifiers ?? []).map((q) => q.key));
  return (stance.qualifiers ?? []).flatMap((q, i) =>
    keys.has(q) ? [] : [{ field: `qualifiers.${i}`, code: "not_on_topic", message: `"${q}" is not a qualifier of ${stance.topic}` }],
  );
}

/** Published stances on the topic that carry a qualifier the topic would no longer define. */
export async function qualifiersInUse(tx: Tx, topic: RecordOf<"topic">): Promise<{ id: string; keys: string[] }[]> {
  const keep = new Set((topic.qualifiers ?? []).map((q) => q.key));
  const rows = await tx.stance.findMany({
    where: { topicId: topic.slug, NOT: { qualifiers: "[]" } },
    select: { id: true, qualifiers: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id, keys: jsonList<string>(r.qualifiers).filter((k) => !keep.has(k)) })).filter((r) => r.keys.length > 0);
}

export function qualifiersInUseMessage(used: { id: string; keys: string[] }[]): string {
  const keys = [...new Set(used.flatMap((u) => u.keys))].join(", ");
  const ids = used.slice(0, 5).map((u) => u.id);
  return `qualifiers still carried by published stances cannot be removed: ${keys} (${ids.join(", ")}${used.length > 5 ? ", …" : ""})`;
}
