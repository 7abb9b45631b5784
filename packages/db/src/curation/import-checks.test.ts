// The import's one-pass checks and the shared reading of an upload, on a real database (SQLite, and
// PostgreSQL when one answers): a row's structure, references and categories all show in the first dry run.
import type { EntityType, RecordOf } from "@stancemap/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { loadDataset } from "../dataset";
import { engines, seededDatabase } from "../testing/seeded";
import { InvalidInput, type Principal } from "./errors";
import { importInputFromCsv, importInputFromJson, MAX_IMPORT_BYTES, readImportInput } from "./import-input";
import { dateProblem, rawReferencesOf } from "./import-problems";
import { referencesOf } from "./records";
import { importRecords } from "./transfer";

const dataset = loadDataset();
const TOPIC = "posture-toward-taliban-government";

/** A stance with five problems: a date that does not exist, a confidence not on the list, and three unknown names. */
const fiveProblems = (id: string) => ({
  id,
  actor: "atlantis",
  topic: TOPIC,
  category: "grudging-respect",
  attested: "2025-02-30",
  confidence: "very high",
  summary: "A stance with five problems.",
  evidence: [{ source: "no-such-report" }],
});

describe("import wording and raw references", () => {
  it("says which dates do not exist, as a person would", () => {
    expect(dateProblem("2025-02-30")).toBe("30 February 2025 does not exist.");
    expect(dateProblem("2024-02-29")).not.toContain("does not exist");
    expect(dateProblem("2025-13-01")).toContain("There is no month 13");
    expect(dateProblem("02/30/2025")).toContain("year-month-day, e.g. 2025-07-03");
  });

  it("finds the same references in a raw row as in its parsed record, for every record of the dataset", () => {
    const collections = dataset as unknown as Record<string, unknown[]>;
    const types: Record<string, EntityType> = {
      actors: "actor",
      topics: "topic",
      sources: "source",
      stances: "stance",
      gaps: "gap",
      reactions: "reaction",
      events: "event",
    };
    let compared = 0;
    for (const [collection, type] of Object.entries(types))
      for (const record of collections[collection] ?? []) {
        const raw = JSON.parse(JSON.stringify(record));
        expect(rawReferencesOf(type, raw), `${type} ${JSON.stringify(raw).slice(0, 60)}`).toEqual(
          referencesOf(type, record as RecordOf<typeof type>),
        );
        compared += 1;
      }
    expect(compared).toBeGreaterThan(50);
  });
});

describe("reading an upload", () => {
  const upload = (text: string, extra: Partial<Parameters<typeof readImportInput>[0]> = {}) =>
    readImportInput({ field: "file", read: async () => text, ...extra });

  it("reads JSON with a byte order mark, and tells JSON from CSV by name or by content", async () => {
    const json = await upload('\uFEFF{"actors": [{"slug": "a", "name": "A", "kind": "group"}]}', { name: "x.JSON" });
    expect(json).toMatchObject({ ok: true, format: "json", input: { rows: [{ row: "actors[0]", type: "actor" }] } });
    expect((await upload('  [{"a": 1}]')).ok && (await upload('  [{"a": 1}]'))).toMatchObject({ format: "json" });
    const csv = await upload("\uFEFFslug,name,kind\nb,B,group\n", { name: "actors.csv", type: "actor" });
    expect(csv).toMatchObject({ ok: true, format: "csv", input: { rows: [{ row: "line 2", type: "actor", record: { slug: "b" } }] } });
  });

  it("refuses what it cannot read with the field at fault, in the caller's word for it", async () => {
    const refusal = async (read: ReturnType<typeof readImportInput>) => {
      const r = await read;
      if (r.ok) throw new Error("expected a refusal");
      expect(r.error).toBeInstanceOf(InvalidInput);
      return r.error.issues;
    };
    let read = false;
    const declared = await refusal(
      readImportInput({
        field: "body",
        size: MAX_IMPORT_BYTES + 1,
        read: async () => {
          read = true;
          return "";
        },
      }),
    );
    expect(declared).toEqual([{ field: "body", code: "too_big", message: expect.stringContaining("the limit is 10 MB") }]);
    expect(read).toBe(false);
    const sent = await refusal(upload("x".repeat(MAX_IMPORT_BYTES + 1), { size: null }));
    expect(sent).toEqual([{ field: "file", code: "too_big", message: expect.stringMatching(/^The file is 10\.0 MB; the limit is 10 MB/) }]);
    expect(await refusal(upload("{nope", { format: "json" }))).toEqual([
      { field: "file", code: "invalid_json", message: expect.stringMatching(/^The file is not valid JSON: /) },
    ]);
    // A key named __proto__, which JSON.parse keeps and the record schemas would drop: refused, named.
    expect(await refusal(upload('{"actors":[{"slug":"p","name":"P","kind":"group","__proto__":{"x":1}}]}'))).toEqual([
      { field: "file", code: "forbidden_key", message: expect.stringContaining("(actors.0.__proto__)") },
    ]);
    expect(await refusal(upload("slug,name\nx,y\n", { format: "csv" }))).toEqual([
      { field: "type", code: "required", message: expect.stringContaining("record type of the CSV rows") },
    ]);
    expect(await refusal(upload("slug,name\nx,y\n", { format: "csv", type: "planet" }))).toEqual([
      { field: "type", code: "invalid_value", message: expect.stringContaining('"planet" is not a record type') },
    ]);
    expect(await refusal(readImportInput({ field: "body", read: async () => " \n" }))).toEqual([
      { field: "body", code: "empty", message: expect.stringMatching(/^The body is empty/) },
    ]);
  });

  it("gives a checksum that changes with the text and with the CSV's record type", async () => {
    const sum = async (text: string, type: string) => {
      const r = await upload(text, { format: "csv", type });
      return r.ok ? r.checksum : null;
    };
    const a = await sum("slug,name,kind\nb,B,group\n", "actor");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await sum("slug,name,kind\nb,B,group\n", "actor")).toBe(a);
    expect(await sum("slug,name,kind\nb,B,group\n", "event")).not.toBe(a);
    expect(await sum("slug,name,kind\nc,B,group\n", "actor")).not.toBe(a);
  });
});

describe.each(await engines("import check tests"))("import checks on $name", (engine) => {
  const { enabled } = engine;
  const seeded = seededDatabase(engine);
  let db: Db;
  let editor: Principal;
  beforeAll(() => {
    ({ db, editor } = seeded);
  });

  it.skipIf(!enabled)("reports a row's five problems in one dry run: date, confidence, actor, source and category", async () => {
    const result = await importRecords(db, editor, importInputFromJson({ stances: [fiveProblems("five-problems")] }), {
      dryRun: true,
      publish: false,
    });
    expect(result.counts).toMatchObject({ rejected: 1, created: 0 });
    const row = result.rows[0];
    expect(row).toMatchObject({ row: "stances[0]", type: "stance", key: "five-problems", outcome: "rejected" });
    expect(row?.problems).toEqual([
      { field: "attested", code: "invalid_date", message: "30 February 2025 does not exist." },
      { field: "confidence", code: "invalid_value", message: '"very high" is not a confidence level; use high, medium or low' },
      { field: "actor", code: "unknown_reference", message: 'unknown actor "atlantis"' },
      { field: "evidence.0.source", code: "unknown_reference", message: 'unknown source "no-such-report"' },
      { field: "category", code: "not_on_scale", message: expect.stringMatching(/^unknown category "grudging-respect": the scale of /) },
    ]);
    expect(row?.reason).toContain("attested: 30 February 2025 does not exist; confidence: ");
  });

  it.skipIf(!enabled)("names a deeply nested row as a list, never writing it out (found by the fuzz: a 500)", async () => {
    let deep: unknown = [];
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const result = await importRecords(
      db,
      editor,
      importInputFromJson({ events: [deep], stances: [{ ...fiveProblems("x"), confidence: [[1]] }] }),
      {
        dryRun: true,
        publish: false,
      },
    );
    expect(result.counts).toMatchObject({ rejected: 2, created: 0 });
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
    expect(result.rows[1]?.problems).toContainEqual(
      expect.objectContaining({ field: "confidence", message: expect.stringContaining("a list") }),
    );
  });

  it.skipIf(!enabled)("reads CSV rows the same way: every problem of every row, with the row's line", async () => {
    const csv = [
      "id,actor,topic,category,attested,confidence,summary,evidence.0.source,qualifiers.0",
      `csv-one,atlantis,${TOPIC},grudging-respect,2025-02-30,very high,One.,no-such-report,made-up`,
      `csv-two,pakistan,${TOPIC},limited-engagement,2025-07-03,low,Two.,no-such-report,`,
    ].join("\n");
    const result = await importRecords(db, editor, importInputFromCsv(csv, "stance"), { dryRun: true, publish: false });
    expect(result.rows.map((r) => [r.row, r.outcome, r.problems?.map((p) => p.field)])).toEqual([
      ["line 2", "rejected", ["attested", "confidence", "actor", "evidence.0.source", "category", "qualifiers.0"]],
      ["line 3", "rejected", ["evidence.0.source"]],
    ]);
  });

  it.skipIf(!enabled)("does not report a reference to a row of the file that is itself rejected, nor a field twice", async () => {
    const source = { id: "broken-source", publisher: "", title: "A report", reliability: "Fine." };
    const stance = { ...fiveProblems("cites-broken"), actor: "Not A Slug", evidence: [{ source: "broken-source" }] };
    const result = await importRecords(db, editor, importInputFromJson({ sources: [source], stances: [stance] }), {
      dryRun: true,
      publish: false,
    });
    expect(result.rows.map((r) => [r.key, r.problems?.map((p) => `${p.field} ${p.code}`)])).toEqual([
      ["broken-source", ["publisher too_small"]],
      ["cites-broken", ["actor invalid_format", "attested invalid_date", "confidence invalid_value", "category not_on_scale"]],
    ]);
  });

  it.skipIf(!enabled)("checks 3,000 rows that fail their structure against the database in bulk, still one result per row", async () => {
    const stances = Array.from({ length: 3000 }, (_, i) => ({ ...fiveProblems(`bulk-bad-${i}`), actor: `atlantis-${i % 50}` }));
    const started = performance.now();
    const result = await importRecords(db, editor, importInputFromJson({ stances }), { dryRun: true, publish: false });
    console.log(`[import check tests] 3,000 rejected rows checked in ${Math.round(performance.now() - started)} ms`);
    expect(result.counts.rejected).toBe(3000);
    expect(result.rows.every((r) => r.problems?.length === 5)).toBe(true);
  });
});
