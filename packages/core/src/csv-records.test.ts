import { describe, expect, it } from "vitest";
import { parseCsvRecords, recordsToCsv } from "./csv-records";
import { Stance } from "./schemas";

const stance = Stance.parse({
  id: "pakistan-posture-2025-07-03",
  actor: "pakistan",
  topic: "posture-toward-taliban-government",
  category: "diplomatic-engagement",
  validFrom: "2025-07-03",
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
