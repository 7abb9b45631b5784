// The summary of a recorded run (fixtures/partial-run.jsonl: first-load, export on the shipped dataset,
// api and growth at 500 actors, recorded by the benches on a shared 2-core machine) and of that run with a
// failed, a skipped and a half-measured bench added.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BenchRecord, figure } from "./results";
import { formatSummary, parseRun, type Row, summaryRows } from "./summary-table";

const recorded = readFileSync(join(import.meta.dirname, "fixtures", "partial-run.jsonl"), "utf8");
const lines = recorded.trim().split("\n");
const first = (bench: string) => {
  const line = lines.find((l) => l.includes(`"bench":"${bench}"`));
  if (!line) throw new Error(`the fixture has no ${bench}`);
  return BenchRecord.parse(JSON.parse(line));
};
const row = (rows: Row[], measure: string) => {
  const found = rows.find((r) => r.measure === measure);
  if (!found) throw new Error(`no row ${measure}`);
  return found;
};
/** What the summary must never print in place of a figure or a reason. */
const blankOrMadeUp = /NaN|undefined|null|Infinity|^\s*$|^—$/;

describe("the bench summary of a recorded run", () => {
  const rows = summaryRows(parseRun(recorded));

  it("has every row of the issue's table, each with a before, a figure or a reason, a load and a verdict", () => {
    expect(rows.map((r) => r.measure)).toEqual([
      "`/` HTML",
      "actor page TTFB",
      "map export SVG",
      "network view",
      "network draw",
      "recolour on a date change",
      "first-load JS `/`",
      "Lighthouse mobile",
      "API stances vs bare node:http + better-sqlite3 server (50 conn.)",
      "PostgreSQL after a bulk load",
      "export warm map PNG 2x / PDF",
    ]);
    for (const r of rows) for (const cell of [r.before, r.now, r.baseline, r.goal, r.verdict]) expect(cell).not.toMatch(blankOrMadeUp);
  });

  it("quotes the recorded figures with the same-run baseline and judges them by the goal", () => {
    const api = first("api");
    const ratio = api.figures["ratio.stances.c50"]?.median ?? Number.NaN;
    const apiRow = row(rows, "API stances vs bare node:http + better-sqlite3 server (50 conn.)");
    expect(apiRow.now).toContain(`${ratio.toFixed(2)}×`);
    expect(apiRow.baseline).toMatch(/^bare server, interleaved: [\d,.]+ req\/s at 50 conn\. \(app [\d,.]+ req\/s\); p99 /);
    expect(apiRow.load).toMatch(/^\d+\.\d\d \/ \d+\.\d\d on 2 cores$/);

    const exp = first("export");
    const png = exp.figures["shipped.map-png-2x.warm"];
    const pdf = exp.figures["shipped.map-pdf.warm"];
    const exportRow = row(rows, "export warm map PNG 2x / PDF");
    expect(exportRow.now).toContain(`PNG 2x ${Math.round(png?.median ?? Number.NaN)} ms (`);
    expect(exportRow.baseline).toMatch(
      /^the libraries alone on the same picture, interleaved: shipped: resvg \d+ ms .*\(app \+-?\d+ %\), pdfkit/,
    );
    expect(exportRow.verdict).toBe(
      `${(png?.median ?? 0) <= 150 && (pdf?.median ?? 0) <= 300 ? "met" : "not met"} (every dataset measured)`,
    );

    const firstLoad = row(rows, "first-load JS `/`");
    expect(firstLoad.now).toContain("204.1 kB gz JS; 37.4 kB stylesheet, 8 @font-face");
    expect(firstLoad.baseline).toBe("no baseline build given (STANCEMAP_BENCH_BASELINE, or --baseline)");
    expect(firstLoad.verdict).toMatch(/^not met /);
  });

  it("says which sizes were measured and judges a goal at 20,000 actors only with 20,000 measured", () => {
    expect(row(rows, "`/` HTML").now).toMatch(/^500: [\d.]+ kB \([\d.]+ kB gz\), TTFB .*, the largest country's shape \d×/);
    expect(row(rows, "`/` HTML").verdict).toMatch(/ at the sizes measured \(not at 5,000, 20,000\)$/);
    expect(row(rows, "actor page TTFB").verdict).toBe("not judged: growth ran 500 only");
    expect(row(rows, "network view").now).toMatch(/reactions drawn, (truncation note shown|no truncation note)/);
    expect(row(rows, "map export SVG").verdict).toBe("not judged: needs two sizes of the growth bench");
  });

  it("names a bench that did not run rather than leaving its row blank", () => {
    expect(row(rows, "PostgreSQL after a bulk load").now).toBe("postgres did not run");
    expect(row(rows, "PostgreSQL after a bulk load").verdict).toBe("not judged: postgres did not run");
    expect(row(rows, "Lighthouse mobile").verdict).toBe("not judged: lighthouse did not run");
    expect(row(rows, "network draw").now).toBe("2k: network-2k did not run; 20k: network-20k did not run");
  });

  it("prints one Markdown line per row and every step's status", () => {
    const text = formatSummary(parseRun(recorded), "run");
    const table = text.split("\n").filter((l) => l.startsWith("| "));
    expect(table).toHaveLength(2 + 11);
    expect(text).toContain("- growth: recorded growth-500");
    expect(text).toContain("- lighthouse: did not run");
  });
});

describe("the bench summary of a run with failures", () => {
  const at = new Date().toISOString();
  const load = { one: 9.5, five: 8, fifteen: 6, cores: 2 };
  const extra = [
    {
      bench: "lighthouse",
      status: "failed",
      reason: "exit 1: Error: bench: Lighthouse returned nothing",
      at,
      load,
      options: {},
      figures: {},
    },
    { bench: "postgres", status: "skipped", reason: "127.0.0.1:5432 does not answer (ECONNREFUSED)", at, load, options: {}, figures: {} },
    // A bench that measured nothing for one figure: JSON writes its NaN as null.
    { ...first("api"), figures: { ...first("api").figures, "ratio.stances.c50": figure(Number.NaN, "×") } },
  ].map((r) => JSON.stringify(BenchRecord.parse(r)));
  const rows = summaryRows(parseRun(`${recorded}${extra.join("\n")}\n`));

  it("shows a failed or skipped bench with its reason, never a number", () => {
    expect(row(rows, "Lighthouse mobile").now).toBe("lighthouse failed: exit 1: Error: bench: Lighthouse returned nothing");
    expect(row(rows, "PostgreSQL after a bulk load").verdict).toBe(
      "not judged: postgres skipped: 127.0.0.1:5432 does not answer (ECONNREFUSED)",
    );
    const api = row(rows, "API stances vs bare node:http + better-sqlite3 server (50 conn.)");
    expect(api.now).toBe("api did not record ratio.stances.c50");
    expect(api.verdict).toMatch(/^not judged/);
    for (const r of rows) for (const cell of [r.now, r.baseline, r.verdict]) expect(cell).not.toMatch(blankOrMadeUp);
  });

  it("refuses a line that is not a bench record", () => {
    expect(() => parseRun(`${recorded}{"bench":"api","status":"maybe"}\n`)).toThrow(/is not a bench record/);
  });

  it("takes a later measurement over an earlier failure of the same bench (results merged from several runs)", () => {
    const failed = JSON.stringify({ ...first("api"), status: "failed", reason: "the server did not start", figures: {} });
    const later = lines.find((l) => l.includes('"bench":"api"'));
    const run = parseRun(`${failed}\n${later}\n`);
    expect(run.problems.has("api")).toBe(false);
    expect(run.parts.has("api")).toBe(true);
    expect(parseRun(`${later}\n${failed}\n`).problems.get("api")?.status).toBe("failed");
    // A later skip (a run asked for other benches) measured nothing: the earlier figures stand.
    const skipped = JSON.stringify({
      ...first("api"),
      status: "skipped",
      reason: "not run: this run was asked for --only growth",
      figures: {},
    });
    expect(parseRun(`${later}\n${skipped}\n`).problems.has("api")).toBe(false);
  });
});
