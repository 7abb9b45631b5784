import { describe, expect, it } from "vitest";
import { CsvColumnError, parseCsvRecords, recordsToCsv, unflattenRow } from "./csv-records";
import { Stance } from "./schemas";

const stance = Stance.parse({
  id: "pakistan-posture-2025-07-03",
  actor: "pakistan",
  topic: "posture-toward-taliban-government",
  category: "diplomatic-engagement",
  attested: "2025-07-03",
  confidence: "high",
  summary: 'Says "engagement", with a comma, and a line\nbreak.',
  evidence: [
    { source: "icwa", locator: "p. 3" },
    { source: "ap", quote: { text: "د افغانستان اسلامي امارت", speaker: "pakistan", language: "ps" } },
  ],
});

describe("records as CSV", () => {
  it("writes nested fields as dotted columns and reads them back unchanged", () => {
    const csv = recordsToCsv([stance]);
    expect(csv.split("\r\n")[0]).toContain("evidence.1.quote.text");
    const { rows, errors } = parseCsvRecords(csv);
    expect(errors).toEqual([]);
    expect(Stance.parse(rows[0]?.record)).toEqual(stance);
  });

  it("writes each date as EDTF with its words beside it, and reads the record back without them", () => {
    const coarse = Stance.parse({ ...stance, id: "china-posture-2023", validFrom: "2023", attested: "2023-12-13", validUntil: "2025-07~" });
    const csv = recordsToCsv([coarse]);
    const [header, line] = csv.split("\r\n");
    const columns = (header ?? "").split(",");
    expect(columns.slice(columns.indexOf("validFrom"), columns.indexOf("validFrom") + 2)).toEqual(["validFrom", "validFromLabel"]);
    expect(columns).toEqual(expect.arrayContaining(["attested", "attestedLabel", "validUntil", "validUntilLabel"]));
    expect(line).toContain("2023,2023,");
    expect(line).toContain("2023-12-13,13 December 2023");
    expect(line).toContain("2025-07~,c. July 2025");
    const { rows, errors } = parseCsvRecords(csv);
    expect(errors).toEqual([]);
    expect(rows[0]?.record).not.toHaveProperty("validFromLabel");
    expect(Stance.parse(rows[0]?.record)).toEqual(coarse);
  });

  it("keeps a cell that a spreadsheet would run as a formula inert, and reads it back as written", () => {
    const csv = recordsToCsv([{ slug: "a", name: '=HYPERLINK("http://x")' }]);
    expect(csv).toContain("'=HYPERLINK");
    expect(parseCsvRecords(csv).rows[0]?.record.name).toBe('=HYPERLINK("http://x")');
  });

  it("numbers each row by its line in the file, the header being line 1", () => {
    const { rows } = parseCsvRecords('slug,name,kind\n\na,A,group\n\nb,"B\nsecond line",group\nc,C,group\n');
    expect(rows.map((r) => [r.line, r.record.slug])).toEqual([
      [3, "a"],
      [5, "b"],
      [7, "c"],
    ]);
  });
});

describe("hostile CSV", () => {
  it("an editor's CSV with a __proto__ or constructor.prototype column is refused and no prototype changes", () => {
    for (const column of ["__proto__.polluted", "constructor.prototype.polluted", "prototype.polluted", "names.__proto__.polluted"]) {
      const { rows, errors } = parseCsvRecords(`slug,name,kind,${column}\nx,y,group,yes\n`);
      expect(rows).toEqual([]);
      expect(errors).toEqual([{ line: 1, message: expect.stringContaining(column) }]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("unflattenRow called directly with a prototype path throws instead of writing through it", () => {
    expect(() => unflattenRow({ "__proto__.polluted": "yes" })).toThrow(CsvColumnError);
    expect(() => unflattenRow({ "constructor.prototype.polluted": "yes" })).toThrow(CsvColumnError);
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("a column naming a position past 999 is refused rather than building a huge array", () => {
    const { errors } = parseCsvRecords("slug,evidence.1000000000.source\nx,y\n");
    expect(errors[0]?.message).toContain("position below 1000");
  });

  it("a row with more cells than the header is that row's error, the others still read", () => {
    const { rows, errors } = parseCsvRecords("slug,name,kind\na,A,group\nb,B,group,extra,more\nc,C,group\n");
    expect(rows.map((r) => r.record.slug)).toEqual(["a", "c"]);
    expect(errors).toEqual([{ line: 3, message: "has 2 more cells than the header's 3 columns" }]);
  });
});
