// Dates at the precision the sources give, as EDTF (ISO 8601-2) level 0/1 strings: "2023", "2022-09",
// "2025-07-03", "2021-08~", "2023?", "2023/2024-03", "2021-08-15/..". @edtf-ts/core parses them;
// this module turns a parse into the days it covers and into words, the one formatter every view uses.
import { type EDTFDate, type EDTFInterval, parse } from "@edtf-ts/core";

export type EdtfPrecision = "year" | "month" | "day";

export interface EdtfBounds {
  /** ISO day of the earliest day the value covers; "0000-01-01" when its start is open or unknown. */
  first: string;
  /** ISO day of the latest day it covers; "9999-12-31" when its end is open or unknown. */
  last: string;
  /** Precision of the (first known) date. */
  precision: EdtfPrecision;
  /** A single, unqualified day: nothing about it is uncertain. */
  exact: boolean;
  approximate: boolean;
  uncertain: boolean;
}

export const OPEN_START = "0000-01-01";
export const OPEN_END = "9999-12-31";

interface DatePart {
  year: number;
  month?: number; // 1-12
  day?: number;
  approximate: boolean;
  uncertain: boolean;
}

type Parsed =
  | { kind: "date"; date: DatePart }
  | { kind: "interval"; from: DatePart | null; fromOpen: boolean; to: DatePart | null; toOpen: boolean };

export class EdtfError extends Error {}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function datePart(node: EDTFInterval["start"], input: string): DatePart {
  if (node?.type !== "Date") throw new EdtfError(`${kindWord(node?.type ?? "")} is not supported in "${input}"; use a year, month or day`);
  const d = node as EDTFDate;
  if (d.unspecified) throw new EdtfError("unspecified digits (X) are not supported; give the coarser date instead (2023 for 2023-XX)");
  if (d.yearQualification || d.monthQualification || d.dayQualification)
    throw new EdtfError("a qualifier applies to the whole date: put ?, ~ or % at its end");
  const year = Number(d.year);
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new EdtfError(`the year must be 0000-9999 in "${input}"`);
  const q = d.qualification ?? {};
  return {
    year,
    ...(d.month === undefined ? {} : { month: Number(d.month) }),
    ...(d.day === undefined ? {} : { day: Number(d.day) }),
    approximate: Boolean(q.approximate || q.uncertainApproximate),
    uncertain: Boolean(q.uncertain || q.uncertainApproximate),
  };
}

function kindWord(type: string): string {
  return type === "Season"
    ? "a season"
    : type === "Year"
      ? "a year beyond 9999"
      : type === "Set" || type === "List"
        ? "a set of dates"
        : `a ${type.toLowerCase()}`;
}

const SHAPE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?[?~%]?$/;

/**
 * Said in words when a value has a date's shape but names no real day: "30 February 2025 does not
 * exist.", "There is no month 13.", or a day written month first ("02/30/2025"). Null otherwise.
 */
export function impossibleDateProblem(value: string): string | null {
  if (typeof value !== "string") return null;
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(value.trim())) return "Write the date as year-month-day, e.g. 2025-07-03.";
  for (const part of value.split("/")) {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?[?~%]?$/.exec(part);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    // 21-24 are EDTF's seasons: the parser says those are not supported.
    if (month < 1 || (month > 12 && (month < 21 || month > 24))) return `There is no month ${m[2]}: months are 01 to 12.`;
    if (month > 12) continue;
    if (m[3] === undefined) continue;
    const day = Number(m[3]);
    if (day < 1 || day > daysInMonth(year, month)) return `${day} ${MONTHS[month - 1]} ${year} does not exist.`;
  }
  return null;
}
const cache = new Map<string, Parsed>();
const CACHE_LIMIT = 5000;

function parseValue(value: string): Parsed {
  const hit = cache.get(value);
  if (hit) return hit;
  // The longest supported value is two qualified days, "2021-08-15~/2024-03-01~" (23 characters); the
  // parser's cost grows fast with length on hostile input, so nothing longer reaches it.
  if (typeof value !== "string" || value.length === 0 || value.length > 23)
    throw new EdtfError("must be an EDTF date of 1 to 23 characters, such as 2023, 2022-09, 2025-07-03 or 2023/2024-03");
  // A cheap guard before the parser: EDTF level 0/1 dates and intervals use no other characters.
  // A guard, not the parser: the parser's cost explodes on hostile strings of qualifiers and digits, so
  // only the shapes of the supported subset reach it (each side of an interval a year, month or day with
  // one optional qualifier, "..", or empty). The parser then decides what they mean and if they are real.
  const impossible = impossibleDateProblem(value);
  if (impossible) throw new EdtfError(impossible);
  const parts = value.split("/");
  if (parts.length > 2 || !parts.every((part) => SHAPE.test(part) || (parts.length === 2 && (part === "" || part === ".."))))
    throw new EdtfError(
      `"${value}" is not an EDTF date of the kinds supported (examples: 2023, 2022-09, 2025-07-03, 2021-08~, 2023?, 2023/2024-03, 2021-08-15/..)`,
    );
  const result = parse(value, 1);
  if (!result.success) {
    const reason = result.errors[0]?.message ?? "not an EDTF date";
    throw new EdtfError(`"${value}" is not an EDTF date: ${reason}`);
  }
  const node = result.value;
  let parsed: Parsed;
  if (node.type === "Interval") {
    const i = node as EDTFInterval;
    if (i.qualification) throw new EdtfError("a qualifier applies to a date, not to a whole interval");
    const from = i.start ? datePart(i.start, value) : null;
    const to = i.end ? datePart(i.end, value) : null;
    if (!from && !to) throw new EdtfError("an interval needs at least one known end");
    parsed = { kind: "interval", from, fromOpen: Boolean(i.openStart), to, toOpen: Boolean(i.openEnd) };
    if (from && to && firstDay(from) > lastDay(to)) throw new EdtfError(`the interval "${value}" ends before it starts`);
  } else {
    parsed = { kind: "date", date: datePart(node as EDTFInterval["start"], value) };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(value, parsed);
  return parsed;
}

function firstDay(d: DatePart): string {
  return `${pad(d.year, 4)}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

function lastDay(d: DatePart): string {
  const month = d.month ?? 12;
  return `${pad(d.year, 4)}-${pad(month)}-${pad(d.day ?? daysInMonth(d.year, month))}`;
}

function precisionOf(d: DatePart): EdtfPrecision {
  return d.day !== undefined ? "day" : d.month !== undefined ? "month" : "year";
}

/** The days an EDTF value covers and how sure it is. Throws EdtfError when it is not a supported EDTF date. */
export function parseEdtf(value: string): EdtfBounds {
  const p = parseValue(value);
  if (p.kind === "date") {
    const d = p.date;
    const precision = precisionOf(d);
    return {
      first: firstDay(d),
      last: lastDay(d),
      precision,
      exact: precision === "day" && !d.approximate && !d.uncertain,
      approximate: d.approximate,
      uncertain: d.uncertain,
    };
  }
  const known = (p.from ?? p.to) as DatePart;
  return {
    first: p.from ? firstDay(p.from) : OPEN_START,
    last: p.to ? lastDay(p.to) : OPEN_END,
    precision: precisionOf(known),
    exact: false,
    approximate: Boolean(p.from?.approximate || p.to?.approximate),
    uncertain: Boolean(p.from?.uncertain || p.to?.uncertain),
  };
}

/** Why `value` is not a supported EDTF date, or null when it is. */
export function edtfProblem(value: string): string | null {
  try {
    parseValue(value);
    return null;
  } catch (error) {
    return error instanceof EdtfError ? error.message : `"${value}" is not an EDTF date`;
  }
}

export function isEdtf(value: string): boolean {
  return edtfProblem(value) === null;
}

export function edtfFirstDay(value: string): string {
  return parseEdtf(value).first;
}

/** Orders EDTF values by their first day, then their last day, then as text. */
export function compareEdtf(a: string, b: string): number {
  const x = parseEdtf(a);
  const y = parseEdtf(b);
  if (x.first !== y.first) return x.first < y.first ? -1 : 1;
  if (x.last !== y.last) return x.last < y.last ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export interface FormatEdtfOptions {
  /** What to say for a missing date; "date not stated" by default. */
  unknown?: string;
  /** "short": "3 Jul 2025", "Sep 2022". */
  style?: "long" | "short";
}

function words(d: DatePart, style: "long" | "short"): string {
  const monthName = (m: number) => {
    const name = MONTHS[m - 1] as string;
    return style === "short" ? name.slice(0, 3) : name;
  };
  const year = String(d.year);
  const core =
    d.day !== undefined
      ? `${d.day} ${monthName(d.month as number)} ${year}`
      : d.month !== undefined
        ? `${monthName(d.month)} ${year}`
        : year;
  return `${d.approximate ? "c. " : ""}${core}${d.uncertain ? "?" : ""}`;
}

/**
 * A date in words at exactly its precision: "2023", "September 2022", "3 July 2025", "c. August 2021",
 * "2023?", "2023 – March 2024", "15 August 2021 or later", "3 July 2025 or earlier". The one formatter
 * for every date a user sees. An ISO day ("2025-07-03") is EDTF too.
 */
export function formatEdtf(value: string | null | undefined, options: FormatEdtfOptions = {}): string {
  if (value == null || value === "") return options.unknown ?? "date not stated";
  const style = options.style ?? "long";
  let p: Parsed;
  try {
    p = parseValue(value);
  } catch {
    return value;
  }
  if (p.kind === "date") return words(p.date, style);
  if (p.from && p.to) return `${words(p.from, style)} – ${words(p.to, style)}`;
  if (p.from) return `${words(p.from, style)} or later`;
  return `${words(p.to as DatePart, style)} or earlier`;
}

/** The EDTF for a date stored the old way (an ISO day and a precision word). */
export function edtfFromLegacy(isoDay: string, precision: "day" | "month" | "year" | "circa" | string): string {
  switch (precision) {
    case "year":
      return isoDay.slice(0, 4);
    case "month":
      return isoDay.slice(0, 7);
    case "circa":
      return `${isoDay}~`;
    default:
      return isoDay;
  }
}

/** The ISO day (YYYY-MM-DD, UTC) of a Date or of an ISO timestamp. */
export function isoDay(value: Date | string): string {
  return (typeof value === "string" ? new Date(value) : value).toISOString().slice(0, 10);
}
