import { describe, expect, it } from "vitest";
import { EdtfDate } from "../schemas/common";
import { compareEdtf, edtfFromLegacy, edtfProblem, formatEdtf, isEdtf, parseEdtf } from "./edtf";

describe("parseEdtf", () => {
  it("covers a year, a month and a day from their first to their last day", () => {
    expect(parseEdtf("2023")).toMatchObject({ first: "2023-01-01", last: "2023-12-31", precision: "year", exact: false });
    expect(parseEdtf("2024-02")).toMatchObject({ first: "2024-02-01", last: "2024-02-29", precision: "month", exact: false });
    expect(parseEdtf("2023-02")).toMatchObject({ last: "2023-02-28" });
    expect(parseEdtf("2025-07-03")).toMatchObject({ first: "2025-07-03", last: "2025-07-03", precision: "day", exact: true });
  });

  it("keeps the qualifiers: a qualified day is not exact", () => {
    expect(parseEdtf("2021-08~")).toMatchObject({ approximate: true, uncertain: false, precision: "month" });
    expect(parseEdtf("2023?")).toMatchObject({ approximate: false, uncertain: true });
    expect(parseEdtf("2023%")).toMatchObject({ approximate: true, uncertain: true });
    expect(parseEdtf("2025-07-05~")).toMatchObject({ first: "2025-07-05", last: "2025-07-05", exact: false });
  });

  it("spans intervals, with open and unknown ends", () => {
    expect(parseEdtf("2023/2024-03")).toMatchObject({ first: "2023-01-01", last: "2024-03-31", exact: false });
    expect(parseEdtf("2021-08-15/..")).toMatchObject({ first: "2021-08-15", last: "9999-12-31" });
    expect(parseEdtf("../2025-07-03")).toMatchObject({ first: "0000-01-01", last: "2025-07-03" });
    expect(parseEdtf("/2025-07")).toMatchObject({ first: "0000-01-01", last: "2025-07-31" });
  });

  it("refuses what it cannot place on a calendar, saying why", () => {
    for (const bad of [
      "",
      " 2023",
      "2023-02-30",
      "2023-13",
      "..",
      "2023-21",
      "2023-XX",
      "2025-07-03T10:00:00Z",
      "Y170000002",
      "[2023,2024]",
      "2024/2023",
      "3 July 2025",
      "2023-7",
    ]) {
      expect(isEdtf(bad), bad).toBe(false);
      expect(() => parseEdtf(bad), bad).toThrow();
    }
    expect(edtfProblem("2023-21")).toMatch(/season/);
    expect(edtfProblem("2023-XX")).toMatch(/not an EDTF date/);
    expect(edtfProblem("2024/2023")).toMatch(/before/);
    expect(EdtfDate.safeParse("2023-02-30").error?.issues[0]?.message).toBe("30 February 2023 does not exist.");
    expect(EdtfDate.safeParse("2024-02-29").success).toBe(true);
    expect(EdtfDate.safeParse("2023-02-28/2023-04-31").error?.issues[0]?.message).toBe("31 April 2023 does not exist.");
    expect(EdtfDate.safeParse("2023-13").error?.issues[0]?.message).toBe("There is no month 13: months are 01 to 12.");
    expect(EdtfDate.safeParse("02/30/2025").error?.issues[0]?.message).toBe("Write the date as year-month-day, e.g. 2025-07-03.");
    expect(EdtfDate.safeParse("2023/2024-03").success).toBe(true);
  });
});

describe("formatEdtf", () => {
  it("says a date at exactly its precision", () => {
    expect(formatEdtf("2023")).toBe("2023");
    expect(formatEdtf("2022-09")).toBe("September 2022");
    expect(formatEdtf("2024-03")).toBe("March 2024");
    expect(formatEdtf("2025-07-03")).toBe("3 July 2025");
    expect(formatEdtf("2025-07-03", { style: "short" })).toBe("3 Jul 2025");
    expect(formatEdtf("2022-09", { style: "short" })).toBe("Sep 2022");
  });

  it("says approximate, uncertain, intervals and unknowns in words", () => {
    expect(formatEdtf("2021-08~")).toBe("c. August 2021");
    expect(formatEdtf("2023?")).toBe("2023?");
    expect(formatEdtf("2023/2024-03")).toBe("2023 – March 2024");
    expect(formatEdtf("2021-08-15/..")).toBe("15 August 2021 or later");
    expect(formatEdtf("../2025-07-03")).toBe("3 July 2025 or earlier");
    expect(formatEdtf(undefined)).toBe("date not stated");
    expect(formatEdtf(null, { unknown: "start not stated" })).toBe("start not stated");
  });

  it("never invents a first of January or of a month", () => {
    for (const value of ["2022", "2024-03", "1996", "2021-08~"]) expect(formatEdtf(value)).not.toMatch(/\b1 (Jan|Mar|Aug)/);
  });
});

describe("compareEdtf and the old form", () => {
  it("orders by first day, then by last", () => {
    expect(["2025-07-03", "2023", "2023-06", "2021-08~", "2023/2024"].sort(compareEdtf)).toEqual([
      "2021-08~",
      "2023",
      "2023/2024",
      "2023-06",
      "2025-07-03",
    ]);
  });

  it("turns an ISO day and a precision word into EDTF", () => {
    expect(edtfFromLegacy("2023-01-01", "year")).toBe("2023");
    expect(edtfFromLegacy("2024-03-01", "month")).toBe("2024-03");
    expect(edtfFromLegacy("2025-07-03", "day")).toBe("2025-07-03");
    expect(edtfFromLegacy("2025-07-05", "circa")).toBe("2025-07-05~");
  });
});
