import { describe, expect, it } from "vitest";
import { lookupTable } from "../lookup";
import { Actor, AuditQuery, ExportQuery, ReturnBody, Source } from "./index";

describe("hostile input at validation", () => {
  it("an editor's name or description with a lone surrogate is refused, naming the field", () => {
    for (const field of ["name", "description"]) {
      const result = Actor.safeParse({ slug: "x", name: "X", kind: "group", [field]: "x\ud800y" });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: [field], message: expect.stringContaining("lone surrogate") });
    }
    expect(Actor.safeParse({ slug: "x", name: "x\udc00", kind: "group" }).success).toBe(false);
    // Paired surrogates (an emoji) and right-to-left text are text like any other.
    expect(Actor.safeParse({ slug: "x", name: "Flag 🇦🇫 افغانستان", kind: "group" }).success).toBe(true);
  });

  it("a NUL character, which PostgreSQL cannot store, is refused in records and comments", () => {
    expect(Source.safeParse({ id: "s", publisher: "P\u0000", title: "T", reliability: "r" }).success).toBe(false);
    expect(ReturnBody.safeParse({ comment: "fix\u0000" }).success).toBe(false);
  });

  it("an export asking for kind, sent or nkind = constructor is refused by name, not looked up", () => {
    for (const key of ["kind", "sent", "nkind"]) {
      const result = ExportQuery.safeParse({ [key]: "constructor" });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([key]);
    }
    expect(ExportQuery.safeParse({ kind: "state,person", sent: "critical", nkind: "organisation" }).success).toBe(true);
  });

  it("an audit cursor past any id the log can hold is refused", () => {
    expect(AuditQuery.safeParse({ cursor: "99999999999999999999" }).success).toBe(false);
    expect(AuditQuery.safeParse({ cursor: "12" }).success).toBe(true);
  });

  it("lookup tables find nothing for inherited names", () => {
    const table = lookupTable({ a: "A" });
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) expect(table[key]).toBeUndefined();
    expect(table.a).toBe("A");
  });
});
