// Tests that save an edit and go on with its draft: the draft it went into, or a failure if the
// save found nothing to change.

export function draftOf(result: { draftId: string | null; unchanged?: true; version?: string }): string {
  if (result.unchanged || result.draftId === null) throw new Error(`expected a saved change, got "unchanged" (${result.version ?? ""})`);
  return result.draftId;
}
