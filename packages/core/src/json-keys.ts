// Keys no parsed JSON may carry. JSON.parse keeps a key named `__proto__` as an own property, and the
// record schemas then drop it silently, so a hostile body or import file would be taken as if the key were
// absent; writers refuse it instead, naming where (apps/web's json-body.ts, db's import-input.ts).

/**
 * Where parsed JSON has a key named `__proto__` (`evidence.0.__proto__`), or null. `text`, the JSON it was
 * parsed from, lets the walk be skipped when no such key can be there (no `__proto__` and no `\u` escape
 * in it). Iterative, so a deeply nested value cannot exhaust the stack; the path is built only for a hit.
 */
export function protoKeyPath(value: unknown, text?: string): string | null {
  if (text !== undefined && !text.includes("__proto__") && !text.includes("\\u")) return null;
  type Frame = { node: unknown; key: string; parent: Frame | null };
  const stack: Frame[] = [{ node: value, key: "", parent: null }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { node } = frame;
    if (node === null || typeof node !== "object") continue;
    for (const key of Object.keys(node)) {
      if (key === "__proto__") {
        const parts = [key];
        for (let f: Frame | null = frame; f?.parent; f = f.parent) parts.unshift(f.key);
        return parts.join(".");
      }
      stack.push({ node: (node as Record<string, unknown>)[key], key, parent: frame });
    }
  }
  return null;
}
