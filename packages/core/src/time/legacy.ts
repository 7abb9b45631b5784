// Records written before dates were EDTF: an ISO day plus a precision word (`validFromPrecision`,
// `datePrecision`: day, month, year or circa). For one release the importer and the readers of stored
// history and drafts take that form too, upgraded here; everything written is EDTF.
import { edtfFromLegacy } from "./edtf";

export type DateForm = "edtf" | "legacy";
export type DatedKind = "stance" | "reaction" | "event" | "gap";

const LEGACY_FIELD: Record<DatedKind, string | null> = {
  stance: "validFromPrecision",
  reaction: "datePrecision",
  event: "datePrecision",
  gap: null,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Which form a raw record's dates are in: "legacy" when it carries the old precision field. */
export function detectDateForm(kind: DatedKind | string, raw: unknown): DateForm {
  const field = LEGACY_FIELD[kind as DatedKind];
  return field && isRecord(raw) && Object.hasOwn(raw, field) ? "legacy" : "edtf";
}

/**
 * The record in the EDTF form. A stance dated "circa" was dated by the article that reported it, so its
 * start is not stated and that date is its attestation; other precisions become the EDTF of the same
 * precision, which is also when it is attested. Reactions likewise; events (which have no attestation):
 * "circa" becomes approximate (`~`).
 * A record already in the EDTF form, or anything that is not a record, is returned as it is.
 */
export function upgradeLegacyRecord(kind: DatedKind | string, raw: unknown): unknown {
  if (detectDateForm(kind, raw) === "edtf" || !isRecord(raw)) return raw;
  if (kind === "stance") {
    const { validFromPrecision, validFrom, attested, ...rest } = raw;
    const precision = String(validFromPrecision ?? "day");
    if (typeof validFrom !== "string") return rest;
    if (precision === "circa") return { ...rest, attested: attested ?? validFrom };
    const start = edtfFromLegacy(validFrom, precision);
    return { ...rest, validFrom: start, attested: attested ?? start };
  }
  const { datePrecision, date, attested, ...rest } = raw;
  if (typeof date !== "string") return rest;
  const precision = String(datePrecision ?? "day");
  if (kind === "reaction") {
    // Like a stance: a reaction dated "circa" was dated by the report, so that date is its attestation.
    if (precision === "circa") return { ...rest, attested: attested ?? date };
    const when = edtfFromLegacy(date, precision);
    return { ...rest, date: when, attested: attested ?? when };
  }
  return { ...rest, date: edtfFromLegacy(date, precision) };
}
