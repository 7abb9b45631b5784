// Records to and from CSV rows: nested fields become dotted columns (`target.actor`,
// `evidence.0.quote.text`), so any record type round-trips through a spreadsheet. Each date (EDTF) is
// followed by its words in a `…Label` column ("2021-08~", "c. August 2021"), for people reading the
// sheet; those columns are derived, so reading a CSV back ignores them.
import Papa from "papaparse";
import { formatEdtf } from "./time/edtf";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function flattenRecord(record: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(record))
    record.forEach((v, i) => {
      flattenRecord(v, prefix ? `${prefix}.${i}` : String(i), out);
    });
  else if (record !== null && typeof record === "object")
    for (const [k, v] of Object.entries(record)) flattenRecord(v, prefix ? `${prefix}.${k}` : k, out);
  else if (record !== undefined && record !== null) out[prefix] = String(record);
  return out;
}

/** Numeric columns: the only numbers in the contract are category orders. */
const NUMERIC = /(^|\.)order$/;

/** Names that would reach an object's prototype if followed as a path. */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
/** A column's dotted parts: field names, or array positions below 1000 (a bigger one is no real record). */
const SEGMENT = /^(?:[A-Za-z][A-Za-z0-9]*|\d{1,3})$/;

/** Why a column name cannot name a field (null when it can): the parts are checked before any object is built. */
export function csvColumnProblem(column: string): string | null {
  if (column.length > 200) return "is longer than 200 characters";
  for (const part of column.split(".")) {
    if (FORBIDDEN_SEGMENTS.has(part)) return `"${part}" is not a field name`;
    if (!SEGMENT.test(part)) return `"${part.slice(0, 40)}" is not a field name or a position below 1000`;
  }
  return null;
}

export class CsvColumnError extends Error {}

/** One row's cells to a record. Columns are checked with `csvColumnProblem`; a bad one throws `CsvColumnError`. */
export function unflattenRow(row: Readonly<Record<string, string | undefined>>): Record<string, Json> {
  // Null-prototype containers while building: no path can walk into Object.prototype.
  const root: Record<string, Json> = Object.create(null);
  for (const [column, raw] of Object.entries(row)) {
    const problem = csvColumnProblem(column);
    if (problem) throw new CsvColumnError(`column "${column.slice(0, 80)}" ${problem}`);
    const trimmed = typeof raw === "string" ? raw.trim() : undefined;
    const value = trimmed && /^'[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1) : trimmed;
    if (value === undefined || value === "") continue;
    const parts = column.split(".");
    let node: Record<string, Json> | Json[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = /^\d+$/.test(parts[i + 1] ?? "");
      const slot = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, Json>;
      if (last) container[slot] = NUMERIC.test(column) && /^-?\d+$/.test(value) ? Number(value) : value;
      else {
        const existing = Object.hasOwn(container, slot) ? container[slot] : undefined;
        const next =
          existing !== null && typeof existing === "object" ? existing : nextIsIndex ? [] : (Object.create(null) as Record<string, Json>);
        container[slot] = next;
        node = next;
      }
    });
  }
  // Sparse arrays (a blank evidence.0 with evidence.1 filled) close up; objects become plain ones again.
  const compact = (v: Json): Json =>
    Array.isArray(v)
      ? v.filter((x) => x !== undefined).map(compact)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]))
        : v;
  return compact(root) as Record<string, Json>;
}

/** The records' date fields (EDTF), each written with a label column beside it. */
const DATE_FIELDS = ["validFrom", "attested", "validUntil", "date", "publishedOn", "accessedOn"] as const;
const LABEL_COLUMNS = new Set<string>(DATE_FIELDS.map((f) => `${f}Label`));

/** A flattened record with each date's words right after it. */
function withDateLabels(row: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = value;
    if ((DATE_FIELDS as readonly string[]).includes(key)) out[`${key}Label`] = formatEdtf(value);
  }
  return out;
}

export interface CsvRow {
  /** The line in the file, counting the header as line 1. */
  line: number;
  record: Record<string, Json>;
}

export function parseCsvRecords(input: string): { rows: CsvRow[]; errors: { line: number; message: string }[] } {
  const text = input.replace(/^\uFEFF/, "");
  const rows: CsvRow[] = [];
  const errors: { line: number; message: string }[] = [];
  // Line numbers as a spreadsheet shows them: blank lines and quoted line breaks count.
  // The header is the first line; data rows start after it.
  let previousEnd = text.indexOf("\n") + 1;
  let line = 2;
  const lineAt = (offset: number) => {
    for (let i = previousEnd; i < offset && i < text.length; i++) if (text[i] === "\n") line += 1;
    previousEnd = Math.max(previousEnd, offset);
    return line;
  };
  let headerChecked = false;
  let headerBad = false;
  Papa.parse<Record<string, string | string[]>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    step: (result) => {
      if (!headerChecked) {
        headerChecked = true;
        for (const column of result.meta.fields ?? []) {
          const problem = csvColumnProblem(column);
          if (problem) errors.push({ line: 1, message: `column "${column.slice(0, 80)}" ${problem}` });
        }
        headerBad = errors.length > 0;
      }
      if (headerBad) return;
      const end = result.meta.cursor;
      // The row starts after the previous row's end and any blank lines.
      let start = previousEnd;
      while (start < end && (text[start] === "\n" || text[start] === "\r")) start += 1;
      const at = lineAt(start);
      lineAt(end);
      // papaparse puts the cells past the header's last column under `__parsed_extra`.
      const { __parsed_extra: extra, ...cells } = result.data;
      if (extra !== undefined) {
        const n = Array.isArray(extra) ? extra.length : 1;
        errors.push({
          line: at,
          message: `has ${n} more cell${n === 1 ? "" : "s"} than the header's ${result.meta.fields?.length ?? 0} columns`,
        });
        return;
      }
      for (const e of result.errors) errors.push({ line: at, message: e.message });
      // A date's words are derived from the date: not part of the record.
      for (const column of LABEL_COLUMNS) delete (cells as Record<string, unknown>)[column];
      rows.push({ line: at, record: unflattenRow(cells as Record<string, string>) });
    },
  });
  return { rows, errors };
}

export function recordsToCsv(records: readonly unknown[]): string {
  const rows = records.map((r) => withDateLabels(flattenRecord(r)));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  // A cell starting with = + - @ would run as a formula in a spreadsheet: papaparse prefixes a quote,
  // and unflattenRow takes it off again on import.
  return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? "")) }, { escapeFormulae: true });
}

/** A table as CSV with its columns in the given order; empty cells for null. Formulae kept inert, as above. */
export function tableToCsv(columns: readonly string[], rows: readonly Record<string, string | number | null>[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? "" : String(r[c])))) },
    { escapeFormulae: true },
  );
}
