// Records kept as JSON (draft payloads, audit snapshots) may be in the form an older release wrote
// them: they are read in today's form, so history, review and publishing never see the old one. For
// one release that is dates as (ISO day, precision) → EDTF (core's upgradeLegacyRecord); and a quote's
// speaker as an actor's slug alone → `{ actor }` (core's upgradeRecordSpeakers), kept as long as such
// snapshots exist, since history is never rewritten.
import {
  type AnyRecord,
  detectDateForm,
  type EntityType,
  RECORD_SCHEMAS,
  upgradeLegacyRecord,
  upgradeRecordSpeakers,
} from "@stancemap/core";

const DATED = new Set<string>(["stance", "reaction", "event", "gap"]);

/** A stored record in today's form: an old-form one upgraded (and its defaults filled); others as they are. */
export function upgradeStored(type: EntityType | string, stored: AnyRecord): AnyRecord {
  if (DATED.has(type)) {
    const kind = type as "stance" | "reaction" | "event" | "gap";
    const record = upgradeRecordSpeakers(stored);
    if (detectDateForm(kind, record) !== "legacy") return record;
    const upgraded = upgradeLegacyRecord(kind, record);
    const parsed = RECORD_SCHEMAS[kind].safeParse(upgraded);
    return (parsed.success ? parsed.data : upgraded) as AnyRecord;
  }
  // Topics gained qualifiers (default none): an older snapshot has none, not "removed".
  if (type === "topic" && !Array.isArray((stored as { qualifiers?: unknown }).qualifiers))
    return { ...stored, qualifiers: [] } as AnyRecord;
  return stored;
}

/** A draft payload (a record as JSON, or null for a deletion) in today's form. */
export function parseStoredRecord(type: EntityType | string, json: string | null): AnyRecord | null {
  return json ? upgradeStored(type, JSON.parse(json) as AnyRecord) : null;
}
