// A draft for the page and its metadata, read once per request; a missing draft is null (→ 404).
import "server-only";
import { type DraftView, getDb, getDraft, NotFound } from "@stancemap/db";
import { cache } from "react";
import { currentPrincipal } from "@/lib/server/dal";

export const loadDraft = cache(async (id: string): Promise<DraftView | null> => {
  const who = await currentPrincipal();
  if (!who) return null;
  try {
    return await getDraft(getDb(), who, id);
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
});
