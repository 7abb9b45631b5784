// A write's JSON body, parsed: invalid JSON and a key named `__proto__` anywhere in it are refused naming
// where, before any route sees the body. JSON.parse keeps such a key as an own property and the schemas
// then dropped it silently, so a hostile body was answered 200 as if the key were absent.
import { InvalidInput } from "@stancemap/db";

/** Where parsed JSON has a key named `__proto__` (`evidence.0.__proto__`), or null. Iterative: a deeply
 * nested body cannot exhaust the stack. */
export function protoKeyPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, path] = next;
    if (node === null || typeof node !== "object") continue;
    for (const key of Object.keys(node)) {
      const at = path ? `${path}.${key}` : key;
      if (key === "__proto__") return at;
      stack.push([(node as Record<string, unknown>)[key], at]);
    }
  }
  return null;
}

/** The body's value (undefined when it is empty or blank). */
export function parseJsonBody(text: string): unknown {
  if (!text.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidInput([{ field: "body", code: "invalid_json", message: "is not valid JSON" }], "the body is not valid JSON");
  }
  const proto = protoKeyPath(body);
  if (proto !== null)
    throw new InvalidInput(
      [{ field: proto, code: "forbidden_key", message: "`__proto__` is not a field name" }],
      `the body has a key named __proto__ (${proto})`,
    );
  return body;
}
