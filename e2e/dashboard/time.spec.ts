// Time you can trust: the map, its table, tooltips, the timeline and the exported timeline show dates at
// the precision the sources give, tell "began" from "attested", and never say "no data" without why.
import { expect, type Page, test } from "@playwright/test";

const POSTURE = "posture-toward-taliban-government";
const NOT_COVERED = "Not covered by the sources: the dataset has no actor for this country.";

const country = (page: Page, actor: string) => page.locator(`use.country[data-actor="${actor}"]`);
const fillOf = (page: Page, actor: string) => country(page, actor).evaluate((el) => (el as SVGElement).style.fill);
const tooltip = (page: Page) => page.locator(".map-wrap .tooltip");

/** Shows a country's tooltip the way a keyboard user does: by focusing it. */
async function tipOf(page: Page, actor: string) {
  await country(page, actor).focus();
  await expect(tooltip(page)).toBeVisible();
  return tooltip(page);
}

test.describe("time on the map", () => {
  test("on 1 June 2023 China's engagement, dated only to 2023, is drawn, named and tabled as uncertain", async ({ page }) => {
    await page.goto(`/?topic=${POSTURE}&date=2023-06-01`);
    // The cue: the faded, striped pattern of its category, not the plain colour.
    expect(await fillOf(page, "china")).toMatch(/url\("#cue-u-56b4e9"\)/);
    await expect(country(page, "china")).toHaveAttribute("aria-label", /since 2023 \(uncertain on 1 June 2023: dated only to 2023\)/);
    const tip = await tipOf(page, "china");
    await expect(tip).toContainText("Diplomatic engagement without recognition");
    await expect(tip).toContainText("uncertain");
    await expect(tip).toContainText("Since 2023 (uncertain on 1 June 2023: dated only to 2023)");
    // The legend explains the cue and counts it.
    const cue = page.locator('.legend-cues [data-cue="uncertain"]');
    await expect(cue).toContainText("Uncertain at this date");
    expect(Number(await cue.locator(".count").innerText())).toBeGreaterThanOrEqual(1);

    await page.getByRole("tab", { name: "Table" }).click();
    const row = page.locator('tr[data-actor="china"]');
    await expect(row).toHaveAttribute("data-uncertain", "true");
    await expect(row).toContainText("uncertain");
    await expect(row).toContainText("Since 2023 (uncertain on 1 June 2023: dated only to 2023)");
  });

  test("on 31 December 2022 China is not shown as engaged, and the map says why", async ({ page }) => {
    await page.goto(`/?topic=${POSTURE}&date=2022-12-31`);
    expect(await fillOf(page, "china")).toMatch(/no-data-hatch/);
    const tip = await tipOf(page, "china");
    await expect(tip).toContainText("No data:");
    expect((await tip.innerText()).replace(/^China\s*No data:\s*/, "").trim().length).toBeGreaterThan(10);
    await expect(country(page, "china")).toHaveAttribute("aria-label", /^China: no data\. .{10,}/);
  });

  test("on 3 July 2025 Pakistan is shown as held by that date, its start not stated", async ({ page }) => {
    await page.goto(`/?topic=${POSTURE}&date=2025-07-03`);
    expect(await fillOf(page, "pakistan")).toMatch(/url\("#cue-a-/);
    const tip = await tipOf(page, "pakistan");
    await expect(tip).toContainText("Held by 3 July 2025 (start not stated)");
    await expect(page.locator('.legend-cues [data-cue="attested"]')).toContainText("Start not stated");
    await page.getByRole("tab", { name: "Table" }).click();
    const row = page.locator('tr[data-actor="pakistan"]');
    await expect(row).toHaveAttribute("data-basis", "attested");
    await expect(row).toContainText("start not stated");
    await expect(row).toContainText("Held by 3 July 2025 (start not stated)");
    // The day before, Pakistan has no data, with the editors' reason.
    await page.getByLabel("As of").fill("2025-07-02");
    await expect(row).toContainText("No data");
    expect((await row.locator("td").last().innerText()).trim().length).toBeGreaterThan(10);
  });

  test("Russia carries the terrorist listing as a marker until April 2025, and not after", async ({ page }) => {
    await page.goto(`/?topic=${POSTURE}&date=2024-06-01`);
    await expect(page.locator('.qualifier-mark[data-actor="russia"][data-qualifier="lists-taliban-as-terrorist"]')).toHaveCount(1);
    await expect(country(page, "russia")).toHaveAttribute("aria-label", /lists the Taliban as a terrorist organisation/);
    await expect(page.locator('.legend-cues [data-cue="qualifier:lists-taliban-as-terrorist"]')).toContainText(
      "Lists the Taliban as a terrorist organisation",
    );
    await page.getByLabel("As of").fill("2025-05-01");
    await expect(page.locator('.qualifier-mark[data-actor="russia"]')).toHaveCount(0);
    await expect(country(page, "russia")).not.toHaveAttribute("aria-label", /terrorist/);
  });

  for (const date of ["2023-06-01", "2025-07-03"]) {
    test(`no "no data" without a reason in the table on ${date}, nor on the map for countries without an actor`, async ({ page }) => {
      await page.goto(`/?topic=${POSTURE}&date=${date}&view=table`);
      const rows = page.locator("table.map-table tbody tr");
      await expect(rows.first()).toBeVisible();
      const table = await rows.evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim());
          return { actor: tr.getAttribute("data-actor"), category: cells[1] ?? "", reason: cells[cells.length - 1] ?? "" };
        }),
      );
      const noData = table.filter((r) => r.category === "No data");
      expect(noData.length).toBeGreaterThan(0);
      expect(noData.filter((r) => r.reason.length === 0)).toEqual([]);

      await page.getByRole("tab", { name: "Map" }).click();
      // Brazil: a country the dataset has no actor for.
      await page.locator('use.country[data-id="076"]').focus();
      await expect(tooltip(page)).toContainText(NOT_COVERED);
      await expect(page.locator('use.country[data-id="076"]')).toHaveAttribute("aria-label", `Brazil: no data. ${NOT_COVERED}`);
    });
  }
});

test.describe("time on the timeline", () => {
  test("going from 2 to 3 July 2025 the timeline lists Russia's recognition, not the attested postures", async ({ page }) => {
    await page.goto(`/?topic=${POSTURE}&date=2025-07-02`);
    const day = page.locator(".timeline-day");
    await expect(day).toContainText("Stance changes on 2 July 2025: none.");
    await page.getByLabel("As of").fill("2025-07-03");
    await expect(day).toContainText("Stance changes on 3 July 2025");
    const changes = day.locator(".day-changes li");
    await expect(changes).toHaveCount(1);
    await expect(changes).toHaveAttribute("data-actor", "russia");
    await expect(changes).toHaveText(/Russia: formal recognition/);
    // The marks on the chart dated 3 July 2025: Russia's change only; no attested posture is a change.
    const marks = page.locator('.timeline-chart .stance-mark[data-date="2025-07-03"]');
    await expect(marks).toHaveCount(1);
    await expect(marks.locator("title")).toHaveText("3 July 2025: Russia: formal recognition");
    for (const actor of ["Pakistan", "Iran", "Qatar", "United States", "United Arab Emirates", "Uzbekistan"])
      await expect(page.locator(".timeline-chart .stance-mark title", { hasText: actor })).toHaveCount(0);
  });

  test("year- and month-precise events are spans labelled 2022 and March 2024, not pinned to a first day", async ({ page }) => {
    await page.goto(`/?topic=${POSTURE}&date=2025-07-10`);
    const forum = page.locator('.timeline-chart .event-mark.is-span[data-date="2022"]');
    await expect(forum).toHaveCount(1);
    await expect(forum).toHaveAttribute("aria-label", /^2022: .+/);
    const concert = page.locator('.timeline-chart .event-mark.is-span[data-date="2024-03"]');
    await expect(concert).toHaveAttribute("aria-label", /^March 2024: .+/);
    const labels = await page.locator(".timeline-chart title").allTextContents();
    for (const wrong of ["1 Jan 2022", "1 January 2022", "1 Mar 2024", "1 March 2024"]) expect(labels.join("\n")).not.toContain(wrong);
  });

  test("the exported timeline prints 2022 and March 2024, and no 1 Jan 2022", async ({ request }) => {
    const res = await request.get(`/api/v1/export/timeline.svg?topic=${POSTURE}&date=2025-07-10`);
    expect(res.status()).toBe(200);
    const svg = await res.text();
    // In the description, and in the picture's own text (labels or the key of unlabelled events).
    expect(svg).toMatch(/2022, Taliban delegation attends Russia&apos;s economic forum/);
    expect(svg).toMatch(/March 2024, ISKP attack on a Moscow concert hall/);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(texts).toMatch(/\b2022\b/);
    expect(texts).toMatch(/March 2024|Mar 2024|ISKP attack on a Moscow concert hall/);
    for (const wrong of ["1 Jan 2022", "1 January 2022", "1 Mar 2024", "1 March 2024"]) expect(svg).not.toContain(wrong);
  });
});
