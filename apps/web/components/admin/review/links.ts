// Admin URLs for a record, shared by server pages and client forms (from core's zod-free entry).
import { COLLECTIONS } from "@stancemap/core/model";

const COLLECTION: Record<string, string> = COLLECTIONS;

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
