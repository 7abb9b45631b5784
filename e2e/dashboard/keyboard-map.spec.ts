// The map by keyboard: one tab stop for the whole map, arrow keys by geography, Home/End and type-ahead,
// Escape closes the actor panel and gives focus back to the country; the page stays under 100 tab stops;
// focus follows the country's outline and a mouse click draws no box.
import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

const DATE = "2025-07-03";
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-id") ?? null);

/** Tabs from the top of the page until a map country has focus; how many presses it took. */
async function tabIntoMap(page: Page): Promise<number> {
  for (let presses = 1; presses <= 60; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => Boolean(document.activeElement?.closest("svg.world-map")))) return presses;
  }
  throw new Error("Tab never reached the map");
}

/** Waits until the page has hydrated (a focused country shows its tooltip), then starts from the page's top. */
async function ready(page: Page) {
  const afghanistan = page.locator('use.country[data-id="004"]');
  await expect(async () => {
    await afghanistan.focus();
    await expect(page.locator(".map-wrap .map-tip")).toBeVisible({ timeout: 500 });
  }).toPass();
  await afghanistan.blur();
  // Sequential focus starts again from the page's header (a blur leaves its starting point on the map).
  await page.mouse.click(5, 5);
}

/** A point of a country that the pointer would hit. */
async function pointIn(page: Page, actor: string): Promise<{ x: number; y: number }> {
  return page.locator(`use.country[data-actor="${actor}"]`).evaluate((el) => {
    const b = el.getBoundingClientRect();
    for (let fy = 1; fy < 20; fy++) {
      for (let fx = 1; fx < 20; fx++) {
        const x = b.left + (b.width * fx) / 20;
        const y = b.top + (b.height * fy) / 20;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
    }
    throw new Error("no visible point of the country");
  });
}

test.describe("the map by keyboard", () => {
  for (const query of [`date=${DATE}`, `date=${DATE}&actor=russia`]) {
    test(`the page has at most 100 tab stops, and the map is one of them (?${query})`, async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`/?${query}`);
      await ready(page);
      await expect(page.locator("svg.world-map [tabindex='0']")).toHaveCount(1);
      await expect(page.locator(".badges button.badge[tabindex='0']")).toHaveCount(1);
      // Tab through the whole page, counting presses until focus leaves the document or comes round again.
      await page.locator("body").evaluate((b) => (b as HTMLElement).focus());
      const seen: string[] = [];
      let presses = 0;
      for (; presses < 250; presses++) {
        await page.keyboard.press("Tab");
        const key = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const path: string[] = [];
          for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) {
            path.unshift(`${n.tagName}:${n.parentElement ? [...n.parentElement.children].indexOf(n) : 0}`);
          }
          return `${el.closest("svg.world-map") ? "map" : "page"}:${path.join("/")}`;
        });
        if (key === null || (seen.length > 0 && key === seen[0])) break;
        seen.push(key);
      }
      expect(presses).toBeGreaterThan(10);
      expect(presses).toBeLessThanOrEqual(100);
      const mapStops = seen.filter((k) => k.startsWith("map"));
      expect(mapStops.length).toBe(1);
    });
  }

  test("from Kazakhstan, ArrowUp reaches Russia; Enter opens it; Escape closes the panel and focus returns to Russia", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?date=${DATE}`);
    await ready(page);
    expect(await tabIntoMap(page)).toBeLessThanOrEqual(15);
    // Type-ahead reaches a country without data too ("k": no actor's name starts with it).
    await page.keyboard.press("k");
    await expect.poll(() => focusedId(page)).toBe("398");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => focusedId(page)).toBe("643");
    const russia = page.locator('use.country[data-actor="russia"]');
    await expect(russia).toBeFocused();
    // The focused country is announced by its name and stance, and outlined along its shape.
    await expect(russia).toHaveAttribute("aria-label", "Russia: formal recognition since 3 July 2025");
    await expect(page.locator("svg.world-map .focus-ring use")).toHaveCount(2);
    expect(await page.locator("svg.world-map .focus-ring use").first().getAttribute("href")).toBe(await russia.getAttribute("href"));
    // Russia is the one tab stop of the map now.
    await expect(russia).toHaveAttribute("tabindex", "0");

    await page.keyboard.press("Enter");
    const panel = page.getByRole("complementary", { name: "Selected actor" });
    await expect(panel.getByRole("heading", { level: 2, name: "Russia" })).toBeVisible();
    await expect(page).toHaveURL(/actor=russia/);
    // Escape from inside the panel closes it too, and focus goes back to the country that opened it.
    await panel.getByRole("link", { name: /Full record of Russia/ }).focus();
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(page).not.toHaveURL(/actor=russia/);
    await expect(russia).toBeFocused();
  });

  test("arrows move by geography among the actors, Home and End go to the ends, letters jump to names", async ({ page }) => {
    await page.goto(`/?date=${DATE}`);
    await ready(page);
    await tabIntoMap(page);
    await page.keyboard.press("Home");
    // Actors come first, A–Z: Afghanistan (the Islamic Emirate) is the first.
    await expect.poll(() => focusedId(page)).toBe("004");
    // From Afghanistan, east is China, west is Iran (the nearest actors that way), south-east Pakistan.
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-actor"))).toBe("china");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-actor"))).not.toBe("china");
    // End: the last country without data, A–Z.
    await page.keyboard.press("End");
    await expect.poll(() => focusedId(page)).toBe("716");
    // Typing a name jumps to it, actors before the rest.
    await page.keyboard.press("p");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-actor"))).toBe("pakistan");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/actor=pakistan/);
  });

  test("a mouse click selects a country without drawing a focus box", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?date=${DATE}`);
    await ready(page);
    const russia = page.locator('use.country[data-actor="russia"]');
    const at = await pointIn(page, "russia");
    await page.mouse.click(at.x, at.y);
    await expect(page).toHaveURL(/actor=russia/);
    await expect(russia).toBeFocused();
    expect(await russia.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("none");
    await expect(page.locator("svg.world-map .focus-ring")).toHaveCount(0);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the map view with a country in keyboard focus has no critical or serious accessibility violations (${scheme})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(`/?date=${DATE}`);
      await ready(page);
      await tabIntoMap(page);
      await page.keyboard.press("r");
      await expect(page.locator('use.country[data-actor="russia"]')).toBeFocused();
      await expect(page.locator(".map-wrap .map-tip")).toContainText("Russia");
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
