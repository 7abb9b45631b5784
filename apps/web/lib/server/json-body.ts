// A write's JSON body, parsed: invalid JSON and a key named `__proto__` anywhere in it (core's
// protoKeyPath) are refused naming where, before any route sees the body.
import { protoKeyPath } from "@stancemap/core";
import { InvalidInput } from "@stancemap/db";

/** The body's value (undefined when it is empty or blank). */
export function parseJsonBody(text: string): unknown {
  if (!text.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidInput([{ field: "body", code: "invalid_json", message: "is not valid JSON" }], "the body is not valid JSON");
  }
  const proto = protoKeyPath(body, text);
  if (proto !== null)
    throw new InvalidInput(
      [{ field: proto, code: "forbidden_key", message: "`__proto__` is not a field name" }],
      `the body has a key named __proto__ (${proto})`,
    );
  return body;
}
