// An import row with five problems (a date that does not exist, a confidence not on the list, an unknown
// actor, source and category) reports all five on the first dry run, through the API and on the admin
// import page, each with its field; nothing is written.
import { expect, test } from "@playwright/test";
import { apiAs, POSTURE, unique } from "../support/api-session";
import { contextAs } from "../support/auth";
import { seriousViolations } from "../support/axe";

function rowWithFiveProblems(u: string) {
  return {
    id: `e2e-five-problems-${u}`,
    actor: `atlantis-${u}`,
    topic: POSTURE,
    category: `grudging-respect-${u}`,
    attested: "2025-02-30",
    confidence: "very high",
    summary: "A stance with five problems.",
    evidence: [{ source: `no-such-report-${u}` }],
  };
}

const FIVE = (u: string) => [
  { field: "attested", text: "30 February 2025 does not exist" },
  { field: "confidence", text: '"very high" is not a confidence level; use high, medium or low' },
  { field: "actor", text: `unknown actor "atlantis-${u}"` },
  { field: "evidence.0.source", text: `unknown source "no-such-report-${u}"` },
  { field: "category", text: `unknown category "grudging-respect-${u}"` },
];

test.describe("import dry run", () => {
  test("an API client's dry run of a row with five problems gets all five at once, each with its field", async ({
    playwright,
    baseURL,
  }) => {
    const u = unique();
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      const res = await editor.post("/api/v1/import", { data: { stances: [rowWithFiveProblems(u)] } });
      expect(res.status(), await res.text()).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ dryRun: true, committed: false, counts: { rejected: 1, created: 0 } });
      const row = body.rows[0];
      expect(row).toMatchObject({ row: "stances[0]", key: `e2e-five-problems-${u}`, outcome: "rejected" });
      expect(row.problems.map((p: { field: string }) => p.field)).toEqual(FIVE(u).map((p) => p.field));
      for (const [i, expected] of FIVE(u).entries()) expect(row.problems[i].message).toContain(expected.text);

      // The same row as CSV, with the record type in the query: the same five.
      const csv = [
        "id,actor,topic,category,attested,confidence,summary,evidence.0.source",
        `e2e-five-csv-${u},atlantis-${u},${POSTURE},grudging-respect-${u},2025-02-30,very high,Five problems.,no-such-report-${u}`,
      ].join("\n");
      const fromCsv = await editor.post("/api/v1/import?format=csv&type=stance", { data: csv, headers: { "content-type": "text/csv" } });
      expect(fromCsv.status()).toBe(200);
      const csvRow = (await fromCsv.json()).rows[0];
      expect(csvRow.row).toBe("line 2");
      expect(csvRow.problems.map((p: { field: string }) => p.field)).toEqual(FIVE(u).map((p) => p.field));

      const head = await editor.get(`/api/v1/stances/e2e-five-problems-${u}/head`);
      expect(head.status()).toBe(404);
    } finally {
      await editor.dispose();
    }
  });

  test("an editor checking a file with one bad row sees its five problems listed beside it on the first check", async ({ browser }) => {
    const u = unique();
    const { page, context } = await contextAs(browser, "editor");
    await page.goto("/admin/transfer");
    await page.getByLabel("File (CSV or JSON)").setInputFiles({
      name: "stances.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ stances: [rowWithFiveProblems(u)] })),
    });
    await page.getByRole("button", { name: "Check the file" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "1 row is rejected" })).toContainText("nothing can be imported");
    const problems = page.getByRole("list", { name: "Problems of stances[0]" }).getByRole("listitem");
    await expect(problems).toHaveCount(5);
    for (const [i, expected] of FIVE(u).entries()) await expect(problems.nth(i)).toContainText(`${expected.field}: ${expected.text}`);
    await expect(page.getByRole("button", { name: /^Import 0 changes/ })).toBeDisabled();
    expect(await seriousViolations(page, ".admin-main")).toEqual([]);
    await context.close();
  });
});
