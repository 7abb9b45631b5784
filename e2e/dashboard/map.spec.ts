import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

const POSTURE = "posture-toward-taliban-government";
const atlas = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-110m.json"), "utf8")) as {
  objects: { countries: { geometries: { properties: { name: string } }[] } };
};
const FEATURES = atlas.objects.countries.geometries.filter((g) => g.properties.name !== "Antarctica").length;

async function categoryColour(page: Page, key: string): Promise<string> {
  const topics = await (await page.request.get("/api/v1/topics")).json();
  const topic = topics.data.find((t: { slug: string }) => t.slug === POSTURE);
  return topic.categories.find((c: { key: string }) => c.key === key).colour;
}

const fillOf = (page: Page, actor: string) =>
  page.locator(`use.country[data-actor="${actor}"]`).evaluate((el) => (el as SVGElement).style.fill);

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

test.describe("world map", () => {
  test("draws one shape per country feature, each from the world's sprite", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("svg.world-map use.country")).toHaveCount(FEATURES);
  });

  test("Russia takes the formal-recognition colour on 3 July 2025 and not on 2 July", async ({ page }) => {
    const recognition = rgb(await categoryColour(page, "formal-recognition"));
    await page.goto("/?date=2025-07-02");
    expect(await fillOf(page, "russia")).not.toBe(recognition);
    await page.goto("/?date=2025-07-03");
    expect(await fillOf(page, "russia")).toBe(recognition);
  });

  test("the colours are in the server's HTML, before any script runs", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const recognition = rgb(await categoryColour(page, "formal-recognition"));
    await page.goto("/?date=2025-07-03");
    expect(await fillOf(page, "russia")).toBe(recognition);
    await expect(page.locator('use.country[data-actor="russia"]')).toHaveAttribute(
      "aria-label",
      "Russia: formal recognition since 3 July 2025",
    );
    await context.close();
  });

  test("moving the date slider recolours Russia without reloading the page", async ({ page }) => {
    const recognition = rgb(await categoryColour(page, "formal-recognition"));
    await page.goto("/?date=2025-07-03");
    const marker = await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
      return 42;
    });
    await page.getByLabel("As of").fill("2024-01-01");
    await expect.poll(() => fillOf(page, "russia")).not.toBe(recognition);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(marker);
    await expect(page).toHaveURL(/date=2024-01-01/);
  });

  test("the play button runs the date forward through the years, and pause stops it", async ({ page }) => {
    await page.goto("/?date=2021-08-15");
    const date = page.getByLabel("As of");
    await page.getByRole("button", { name: "Play" }).click();
    // How fast the date runs depends on the machine's load: wait for the condition, up to the test's time.
    await expect.poll(async () => Date.parse(await date.inputValue()), { timeout: 45_000 }).toBeGreaterThan(Date.parse("2022-06-01"));
    await page.getByRole("button", { name: "Pause" }).click();
    // A step already under way may land after the press: read the date once the button says Play again
    // and two reads a quarter second apart agree.
    await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
    let stopped = await date.inputValue();
    await expect(async () => {
      const was = stopped;
      stopped = await date.inputValue();
      expect(stopped).toBe(was);
    }).toPass({ intervals: [250] });
    // Then half a second in which a running player would have moved it.
    await page.waitForTimeout(500);
    expect(await date.inputValue()).toBe(stopped);
    await expect(page).toHaveURL(new RegExp(`date=${stopped}`));
  });

  test("keyboard alone selects China and opens its panel with its spokesperson's quote and source", async ({ page }) => {
    await page.goto("/?date=2025-07-10");
    // "/" works once the page is interactive; until hydration ends a key press has no handler yet.
    const search = page.getByRole("combobox", { name: "Search actors" });
    await expect(async () => {
      await page.locator("body").press("/");
      await expect(search).toBeFocused({ timeout: 500 });
    }).toPass();
    await page.keyboard.type("China");
    await page.keyboard.press("Enter");
    const panel = page.getByRole("complementary", { name: "Selected actor" });
    await expect(panel.getByRole("heading", { level: 2, name: "China" })).toBeVisible();
    await expect(panel).toContainText("As a traditional friendly neighbor of Afghanistan, China has always believed");
    await expect(panel).toContainText("Mao Ning");
    await expect(panel).toContainText("Deutsche Welle");
    await expect(page).toHaveURL(/actor=china/);

    // The country itself is a keyboard target too.
    await page.getByRole("button", { name: "Close the actor panel" }).press("Enter");
    await expect(panel).toHaveCount(0);
    const china = page.locator('use.country[data-actor="china"]');
    await china.focus();
    await expect(china).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("complementary", { name: "Selected actor" }).getByRole("heading", { name: "China" })).toBeVisible();
  });

  test("a copied link reopens the same topic, date and actor, and back returns to the previous date", async ({ page, context }) => {
    await page.goto("/");
    await page.getByLabel("Topic", { exact: true }).selectOption("reaction-to-russian-recognition");
    await expect(page).toHaveURL(/topic=reaction-to-russian-recognition/);
    await page.getByLabel("As of").fill("2025-07-05");
    await expect(page).toHaveURL(/date=2025-07-05/);
    await page.locator('button.badge[data-actor="fawzia-koofi"]').click();
    await expect(page).toHaveURL(/actor=fawzia-koofi/);
    const link = page.url();

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByLabel("Topic", { exact: true })).toHaveValue("reaction-to-russian-recognition");
    await expect(other.getByLabel("As of")).toHaveValue("2025-07-05");
    await expect(other.getByRole("complementary", { name: "Selected actor" }).getByRole("heading", { name: "Fawzia Koofi" })).toBeVisible();
    await expect(other.locator('button.badge[data-actor="fawzia-koofi"]')).toHaveAttribute("aria-pressed", "true");

    await page.goBack();
    await expect(page).not.toHaveURL(/actor=fawzia-koofi/);
    await expect(page.getByLabel("As of")).toHaveValue("2025-07-05");
  });

  test("malformed link settings fall back to defaults with a visible notice", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const res = await page.goto("/?date=2025-13-45&topic=no-such-topic&view=pie&actor=nobody");
    expect(res?.status()).toBe(200);
    const notice = page.getByRole("status").filter({ hasText: "were not understood" });
    await expect(notice).toContainText("date=2025-13-45");
    await expect(notice).toContainText("topic=no-such-topic");
    await expect(page.locator("svg.world-map")).toBeVisible();
    await expect(page.getByLabel("Topic", { exact: true })).toHaveValue(POSTURE);
    expect(errors).toEqual([]);
  });

  test("the legend counts actors per category and a press highlights them", async ({ page }) => {
    await page.goto("/?date=2025-07-03");
    const recognition = page.locator('.legend button[data-category="formal-recognition"]');
    await expect(recognition).toContainText("1");
    await recognition.click();
    await expect(recognition).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator('use.country[data-actor="china"]')).toHaveClass(/is-dimmed/);
    await expect(page.locator('use.country[data-actor="russia"]')).not.toHaveClass(/is-dimmed/);
  });

  test("the table view lists the same stances for screen readers", async ({ page }) => {
    await page.goto("/?date=2025-07-03&view=table");
    const row = page.locator('tr[data-actor="russia"]');
    await expect(row).toContainText("Formal recognition");
    await expect(row).toContainText("3 July 2025");
    await expect(page.locator('tr[data-actor="germany"]')).toContainText("No data");
  });

  test("at phone width the panel is a sheet at the bottom of the screen, over the page", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/?actor=russia&date=2025-07-03");
    const map = await page.locator("svg.world-map").boundingBox();
    const side = page.getByRole("complementary", { name: "Selected actor" });
    await expect(side.getByRole("heading", { level: 2, name: "Russia" })).toBeInViewport();
    const panel = await side.boundingBox();
    // Fixed to the viewport's bottom edge, at most about half the screen tall.
    expect(panel && Math.abs(panel.y + panel.height - 844) <= 1).toBe(true);
    expect(panel && panel.height <= 844 * 0.5).toBe(true);
    expect(map && map.width <= 390).toBe(true);
    await context.close();
  });

  for (const view of ["map", "table"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      test(`the ${view} view has no critical or serious accessibility violations (${scheme})`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(`/?view=${view}&date=2025-07-03&actor=china`);
        await expect(page.getByRole("complementary", { name: "Selected actor" })).toContainText("Posture");
        const serious = await seriousViolations(page);
        expect(serious).toEqual([]);
        await context.close();
      });
    }
  }
});
