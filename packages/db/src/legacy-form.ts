// A record as the previous release parsed it (dates as an ISO day plus `validFromPrecision` /
// `datePrecision`, no qualifiers, no period on a note): the inverse of core's upgradeLegacyRecord.
// Used for one purpose: a database loaded by that release keeps the files' fingerprints in that form
// (the `dataset.loaded` marker), and "did the files change this record?" must compare like with like.
import { type EntityType, parseEdtf } from "@stancemap/core";

type Raw = Record<string, unknown>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An EDTF date as (ISO day, precision) the old way, or null when the old form could not say it. */
function legacyDate(value: unknown, allowCirca: boolean): { day: string; precision: string } | null {
  if (typeof value !== "string") return null;
  if (allowCirca && value.endsWith("~") && DAY.test(value.slice(0, -1))) return { day: value.slice(0, -1), precision: "circa" };
  if (/^\d{4}$/.test(value)) return { day: `${value}-01-01`, precision: "year" };
  if (/^\d{4}-\d{2}$/.test(value)) return { day: `${value}-01`, precision: "month" };
  if (DAY.test(value)) return { day: value, precision: "day" };
  return null;
}

const isDay = (value: unknown) => value === undefined || (typeof value === "string" && DAY.test(value) && parseEdtf(value).exact);

/**
 * The record as the previous release would have parsed it from its files, or null when that form
 * cannot express it (an interval, a qualifier, a note with a period, an end that is not a day, …).
 */
export function legacyFormOf(type: EntityType, record: unknown): unknown | null {
  if (!record || typeof record !== "object") return null;
  const r = record as Raw;
  switch (type) {
    case "stance": {
      const { validFrom, attested, qualifiers, ...rest } = r;
      if (Array.isArray(qualifiers) && qualifiers.length > 0) return null;
      if (!isDay(rest.validUntil)) return null;
      if (validFrom === undefined) {
        // Only a circa stance had no stated start: its one date was the attestation, a day.
        return typeof attested === "string" && DAY.test(attested) ? { ...rest, validFrom: attested, validFromPrecision: "circa" } : null;
      }
      const start = legacyDate(validFrom, false);
      // The old form had one date: the start was also when it was attested.
      if (!start || attested !== validFrom) return null;
      return { ...rest, validFrom: start.day, validFromPrecision: start.precision };
    }
    case "reaction": {
      const { date, attested, ...rest } = r;
      // As a stance: only a circa reaction had no stated date; its one date was the report's, a day.
      if (date === undefined)
        return typeof attested === "string" && DAY.test(attested) ? { ...rest, date: attested, datePrecision: "circa" } : null;
      const when = legacyDate(date, false);
      return when && attested === date ? { ...rest, date: when.day, datePrecision: when.precision } : null;
    }
    case "event": {
      const date = legacyDate(r.date, true);
      return date ? { ...r, date: date.day, datePrecision: date.precision } : null;
    }
    case "gap":
      return r.validFrom === undefined && r.validUntil === undefined ? r : null;
    case "topic": {
      const { qualifiers, ...rest } = r;
      return Array.isArray(qualifiers) && qualifiers.length > 0 ? null : rest;
    }
    default:
      return r;
  }
}
