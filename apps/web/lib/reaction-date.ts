// When a reaction was made, in words: its date at its precision, or for a remark the sources do not
// date, that it is undated and when it was first reported.
import { formatEdtf } from "@stancemap/core/model";

export function reactionDate(r: { date?: string | null | undefined; attested: string }): string {
  return r.date ? formatEdtf(r.date) : `date not stated; reported ${formatEdtf(r.attested)}`;
}
