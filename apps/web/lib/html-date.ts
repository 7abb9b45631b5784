// The `datetime` of an HTML <time> for an EDTF date: HTML takes "2022", "2024-03" and "2025-07-03", not
// EDTF's qualifiers or intervals, so those give their first date at their own precision.
import { parseEdtf } from "@stancemap/core/model";

export function htmlDate(value: string): string {
  const b = parseEdtf(value);
  return b.first.slice(0, b.precision === "year" ? 4 : b.precision === "month" ? 7 : 10);
}
