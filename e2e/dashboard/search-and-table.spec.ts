// The dashboard's search knows other names, says when nothing matches and keeps scripts apart; the
// table sorts by any column and exports itself; dates outside the data and unknown categories get
// the same notice as any malformed link.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";

async function searchBox(page: Page) {
  const search = page.getByRole("combobox", { name: "Search actors" });
  // Typing works once the page is interactive.
  await expect(async () => {
    await search.fill("");
    await search.pressSequentially("qqq");
    await expect(page.getByRole("status").filter({ hasText: "No results for “qqq”" })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await search.fill("");
  return search;
}

test.describe("search that knows names", () => {
  test("searching “Taliban” finds the government and says which name matched; Enter opens it", async ({ page }) => {
    await page.goto("/?date=2025-07-10");
    const search = await searchBox(page);
    await search.fill("Taliban");
    const listbox = page.getByRole("listbox", { name: "Matching actors" });
    const first = listbox.getByRole("option").first();
    await expect(first).toContainText("Islamic Emirate of Afghanistan");
    await expect(first).toContainText("also known as “Taliban”");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(search).toHaveAttribute("aria-expanded", "true");
    await expect(search).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id")) as string);
    for (const q of ["IEA", "Islamic Emirate"]) {
      await search.fill(q);
      await expect(listbox.getByRole("option").first()).toContainText("Islamic Emirate of Afghanistan");
    }
    await expect(listbox.getByRole("option").first()).not.toContainText("also known as");
    await search.fill("iea");
    await expect(listbox.getByRole("option").first()).toContainText("abbreviated “IEA”");
    await search.press("Enter");
    const panel = page.getByRole("complementary", { name: "Selected actor" });
    await expect(panel.getByRole("heading", { level: 2, name: "Islamic Emirate of Afghanistan" })).toBeVisible();
  });

  test("a local-script name is its own line, in its language and direction", async ({ page }) => {
    await page.goto("/?date=2025-07-10");
    const search = await searchBox(page);
    await search.fill("Pakistan");
    const option = page.getByRole("option").filter({ hasText: "Pakistan" }).first();
    const local = option.locator(".search-local");
    await expect(local).toHaveText("پاکستان");
    await expect(local).toHaveAttribute("dir", "rtl");
    await expect(local).toHaveAttribute("lang", /.+/);
    // Below the English name, not run into it.
    const nameBox = await option.locator(".search-name").boundingBox();
    const localBox = await local.boundingBox();
    expect(localBox?.y ?? 0).toBeGreaterThanOrEqual((nameBox?.y ?? 0) + (nameBox?.height ?? 0) - 1);
  });

  test("“zzz” says there are no results, in a live region, and offers no list", async ({ page }) => {
    await page.goto("/?date=2025-07-10");
    const search = await searchBox(page);
    await search.fill("zzz");
    const status = page.getByRole("status").filter({ hasText: "No results for “zzz”" });
    await expect(status).toBeVisible();
    await expect(search).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("listbox", { name: "Matching actors" })).toBeHidden();
    await search.fill("chin");
    await expect(page.getByRole("status").filter({ hasText: /actors? match/ })).toHaveCount(1);
  });
});

test.describe("the table", () => {
  const names = (page: Page) => page.locator("table.map-table tbody th[scope=row]").allInnerTexts();

  test("sorts by any column with aria-sort, both ways, and back", async ({ page }) => {
    await page.goto("/?date=2025-07-10&view=table");
    const table = page.locator("table.map-table");
    await expect(table.locator("tbody tr").first()).toBeVisible();
    const before = await names(page);
    const actorHeader = table.getByRole("columnheader", { name: /Actor/ });
    await actorHeader.getByRole("button").click();
    await expect(actorHeader).toHaveAttribute("aria-sort", "ascending");
    const ascending = await names(page);
    expect(ascending).toEqual([...before].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    await actorHeader.getByRole("button").click();
    await expect(actorHeader).toHaveAttribute("aria-sort", "descending");
    expect(await names(page)).toEqual([...ascending].reverse());

    // By category: the scale's order, Russia's formal recognition first, no data last.
    const category = table.getByRole("columnheader", { name: /Category/ });
    await category.getByRole("button").click();
    await expect(category).toHaveAttribute("aria-sort", "ascending");
    await expect(actorHeader).not.toHaveAttribute("aria-sort", /.+/);
    await expect(table.locator("tbody tr").first()).toHaveAttribute("data-actor", "russia");
    await expect(table.locator("tbody tr").last().locator("td").nth(1)).toHaveText("No data");
    await expect(table.locator("caption")).toContainText("sorted by category");
  });

  test("Export on the Table tab exports the table, in its order, as CSV and JSON", async ({ page }) => {
    await page.goto("/?date=2025-07-10&view=table");
    const table = page.locator("table.map-table");
    const category = table.getByRole("columnheader", { name: /Category/ });
    // The table is its own chunk: until it has hydrated, a click on the server's markup has no handler.
    await expect(async () => {
      await category.getByRole("button").click();
      await expect(category).toHaveAttribute("aria-sort", /ascending|descending/, { timeout: 3000 });
    }).toPass();
    const shown = await names(page);
    // The map's picture export is not offered here.
    await expect(page.getByRole("button", { name: "Export…", exact: true })).toHaveCount(0);
    await page.getByRole("button", { name: "Export the table…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the table" });
    await expect(dialog).toContainText(`The ${shown.length} rows the table shows`);
    await expect(dialog).toContainText("sorted by category");
    const [csv] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download CSV" }).click()]);
    expect(csv.suggestedFilename()).toBe("stancemap-posture-table-2025-07-10.csv");
    const lines = readFileSync((await csv.path()) as string, "utf8")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("actor,name,kind,category,category_label,since,since_label,basis,uncertain,holds,qualifying_facts,why_no_data");
    expect(lines).toHaveLength(shown.length + 1);
    expect(lines[1]).toMatch(/^russia,Russia,state,formal-recognition,/);
    const [json] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download JSON" }).click()]);
    const body = JSON.parse(readFileSync((await json.path()) as string, "utf8"));
    expect(body.data.map((r: { name: string }) => r.name)).toEqual(shown);
    expect(body.date).toBe("2025-07-10");

    // On the Map tab, Export… is the map's again.
    await dialog.getByRole("button", { name: "Close" }).click();
    await page.getByRole("tab", { name: "Map" }).click();
    await page.getByRole("button", { name: "Export…", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Export the map" })).toBeVisible();
  });
});

test.describe("links outside the data", () => {
  test("a date before the earliest stance shows the earliest, with a notice saying so", async ({ page }) => {
    await page.goto("/?date=1990-01-01");
    const notice = page.getByRole("status").filter({ hasText: "were not understood" });
    await expect(notice).toContainText("date=1990-01-01");
    await expect(notice).toContainText("before the earliest dated stance");
    await expect(notice).toContainText("(1996); showing 1 January 1996");
    await expect(page).toHaveURL(/date=1996-01-01/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("1 January 1996");
  });

  test("a date after today and after the data is clamped to it, and an unknown category is named and dropped", async ({ page }) => {
    await page.goto("/?date=2999-01-01&cat=xxx,formal-recognition");
    const notice = page.getByRole("status").filter({ hasText: "were not understood" });
    await expect(notice).toContainText("date=2999-01-01");
    await expect(notice).toContainText("after today");
    await expect(notice).toContainText("cat=xxx,formal-recognition");
    await expect(notice).toContainText("no such category");
    await expect(notice).toContainText("highlighting Formal recognition");
    await expect(page).not.toHaveURL(/date=2999/);
    await expect(page).toHaveURL(/cat=formal-recognition/);
    await expect(page.locator('.legend button[data-category="formal-recognition"]')).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByLabel("As of")).not.toHaveValue("2999-01-01");

    await page.goto("/?date=2025-07-10&cat=xxx");
    await expect(page.getByRole("status").filter({ hasText: "were not understood" })).toContainText("nothing highlighted");
    await expect(page).not.toHaveURL(/cat=/);
    // Nothing is dimmed by a category that does not exist.
    await expect(page.locator('use.country[data-actor="china"]')).not.toHaveClass(/is-dimmed/);
  });
});
