// Opaque keyset cursors: base64url JSON of the last row's sort key.
export class BadCursorError extends Error {
  readonly parameter = "cursor";
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): string[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === "string")) return key;
  } catch {
    // fall through
  }
  throw new BadCursorError("is not a cursor returned by a previous page");
}

/** Splits a fetched `limit + 1` rows into the page and the next cursor. */
export function paginate<T>(rows: T[], limit: number, keyOf: (row: T) => string[]): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1] as T)) };
}
