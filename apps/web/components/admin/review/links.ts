// Admin URLs for a record, shared by server pages and client forms (no schema import, so no zod in the bundle).
const COLLECTION: Record<string, string> = {
  actor: "actors",
  topic: "topics",
  source: "sources",
  stance: "stances",
  reaction: "reactions",
  event: "events",
  gap: "gaps",
};

export const isRecordType = (type: string): boolean => type in COLLECTION;

export function editHref(type: string, key: string): string {
  return `/admin/${COLLECTION[type] ?? type}/${encodeURIComponent(key)}`;
}

export function historyHref(type: string, key: string): string {
  return `${editHref(type, key)}/history`;
}

export function draftHref(id: string): string {
  return `/admin/drafts/${encodeURIComponent(id)}`;
}
