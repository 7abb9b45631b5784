// Reading a write's JSON body: invalid JSON and a key named __proto__ anywhere in it are refused naming
// where, before any route sees the body.

import { protoKeyPath } from "@stancemap/core";
import { InvalidInput } from "@stancemap/db";
import { describe, expect, it } from "vitest";
import { parseJsonBody, readCappedText } from "./json-body";

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

describe("readCappedText", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://x/api/v1/actors", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const refused = async (read: Promise<string>) => {
    const error = await read.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).issues;
  };

  it("reads a body up to the limit, invalid UTF-8 as U+FFFD", async () => {
    expect(await readCappedText(post("héllo"), 6)).toBe("héllo");
    expect(await readCappedText(post(new Uint8Array([0x61, 0xff, 0x62])), 6)).toBe("a\uFFFDb");
  });

  it("refuses a body over the limit, whether it says so or not, naming the body", async () => {
    expect(await refused(readCappedText(post("x".repeat(10), { "content-length": "10" }), 8))).toEqual([
      expect.objectContaining({ field: "body", code: "too_big" }),
    ]);
    // Sent in pieces with no length declared: refused once the pieces pass the limit, the rest unread.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4));
        if (pulled > 1_000) controller.close();
      },
    });
    expect(await refused(readCappedText(post(stream), 8))).toEqual([expect.objectContaining({ field: "body", code: "too_big" })]);
    expect(pulled).toBeLessThan(10);
  });
});
