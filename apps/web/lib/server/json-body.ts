// A write's JSON body, read and parsed: a body over MAX_JSON_BODY_BYTES, invalid JSON and a key named
// `__proto__` anywhere in it (core's protoKeyPath) are refused naming where, before any route sees it.
import { protoKeyPath } from "@stancemap/core";
import { InvalidInput } from "@stancemap/db";
import { bodyTooBig, MAX_JSON_BODY_BYTES } from "./body-limit";

const tooBig = (bytes: number, max: number) => {
  const { issue, detail } = bodyTooBig(bytes, max);
  return new InvalidInput([issue], detail);
};

/**
 * The request's body as text, read no further than `max` bytes: a larger one (declared or sent) is refused
 * here without being read whole. (A body declared over MAX_JSON_BODY_BYTES never gets this far, entry.ts;
 * one sent without its length Next has buffered up to PROXY_BODY_BYTES, body-limit.ts.) Invalid UTF-8
 * becomes U+FFFD, as `request.text()` makes it.
 */
export async function readCappedText(request: Request, max = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) throw tooBig(declared, max);
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooBig(size, max);
    }
    chunks.push(next.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
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
  const proto = protoKeyPath(body, text);
  if (proto !== null)
    throw new InvalidInput(
      [{ field: proto, code: "forbidden_key", message: "`__proto__` is not a field name" }],
      `the body has a key named __proto__ (${proto})`,
    );
  return body;
}
