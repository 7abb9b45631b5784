// Reading a write's JSON body: invalid JSON and a key named __proto__ anywhere in it are refused naming
// where, before any route sees the body.

import { protoKeyPath } from "@stancemap/core";
import { InvalidInput } from "@stancemap/db";
import { describe, expect, it } from "vitest";
import { parseJsonBody } from "./json-body";

function refusal(text: string): InvalidInput {
  try {
    parseJsonBody(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return error as InvalidInput;
  }
  throw new Error(`not refused: ${text}`);
}

describe("parseJsonBody", () => {
  it("refuses a __proto__ key at the top, in a nested object or in an array's item, naming the path", () => {
    for (const [text, field] of [
      ['{"__proto__":{"admin":true},"description":"x"}', "__proto__"],
      ['{"slug":"a","names":{"__proto__":{"x":1}}}', "names.__proto__"],
      ['{"evidence":[{"sourceId":"s"},{"__proto__":null}]}', "evidence.1.__proto__"],
      // An escaped key is the same key once parsed.
      ['{"a":{"\\u005f_proto__":1}}', "a.__proto__"],
    ] as const) {
      const error = refusal(text);
      expect(error.status).toBe(400);
      expect(error.issues).toEqual([expect.objectContaining({ field, code: "forbidden_key" })]);
    }
  });

  it("keeps bodies whose only __proto__ is a value, or a key's prefix", () => {
    expect(parseJsonBody('{"name":"__proto__","__proto__x":1,"constructor":{"prototype":1}}')).toEqual({
      name: "__proto__",
      __proto__x: 1,
      constructor: { prototype: 1 },
    });
    expect(parseJsonBody("  ")).toBeUndefined();
  });

  it("still names invalid JSON as the body", () => {
    expect(refusal('{"a":').issues).toEqual([expect.objectContaining({ field: "body", code: "invalid_json" })]);
  });

  it("walks a body nested 100,000 deep without running out of stack", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}{"__proto__":1}${"]".repeat(100_000)}`);
    expect(protoKeyPath(deep)).toBe(`${"0.".repeat(100_000)}__proto__`);
  });
});
