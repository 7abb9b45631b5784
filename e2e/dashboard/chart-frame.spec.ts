// One chart frame: the map, its legend, the actors without territory and the time slider on the first
// screen at 1440×900; on a phone the selected actor's record opens as a sheet where the tap was; zoom
// controls keep off the region of interest; tooltips stay inside the viewport; the region filter zooms.
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

const DATE = "2025-07-03";
/** Natural Earth ids of countries the tests point at. */
const IDS = { russia: "643", germany: "276", norway: "578", kazakhstan: "398", afghanistan: "004", pakistan: "586" };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box");
  return box;
}

function expectInViewport(box: Box, viewport: { width: number; height: number }, what: string) {
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(viewport.height + 0.5);
}

/**
 * A point of the country that the pointer would hit, the topmost one found (the hardest place for a
 * tooltip that opens above): a grid over the shape's box, tried row by row from the top.
 */
async function pointIn(page: Page, id: string): Promise<{ x: number; y: number }> {
  const country = page.locator(`svg.world-map use.country[data-id="${id}"]`);
  await expect(country).toBeVisible();
  return country.evaluate((el) => {
    const b = el.getBoundingClientRect();
    for (let fy = 1; fy < 20; fy++) {
      for (let fx = 1; fx < 20; fx++) {
        const x = b.left + (b.width * fx) / 20;
        const y = b.top + (b.height * fy) / 20;
        if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
    }
    throw new Error("no visible point of the country");
  });
}

/** Waits until the page has hydrated: a country answers focus with its tooltip. */
async function interactive(page: Page) {
  const tip = page.locator(".map-wrap .map-tip");
  await expect(async () => {
    await page.locator(`use.country[data-id="${IDS.afghanistan}"]`).focus();
    await expect(tip).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.locator(`use.country[data-id="${IDS.afghanistan}"]`).blur();
  await expect(tip).toHaveCount(0);
}

async function open(browser: Browser, width: number, height: number, url = `/?date=${DATE}`, extra: { hasTouch?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...extra });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator("svg.world-map")).toBeVisible();
  return { context, page };
}

test.describe("the chart frame", () => {
  test("at 1440×900 the map, its legend, the actors without territory and the time slider are on the first screen", async ({ browser }) => {
    const viewport = { width: 1440, height: 900 };
    const { context, page } = await open(browser, viewport.width, viewport.height);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expectInViewport(await boxOf(page.locator("svg.world-map")), viewport, "map");
    expectInViewport(await boxOf(page.locator("fieldset.legend")), viewport, "legend");
    expectInViewport(await boxOf(page.locator(".badges")), viewport, "actors without territory");
    expectInViewport(await boxOf(page.getByRole("slider", { name: "Date" })), viewport, "time slider");
    // The map is the frame's main part, not a thumbnail.
    expect((await boxOf(page.locator("svg.world-map"))).height).toBeGreaterThanOrEqual(400);
    await context.close();
  });

  test("at 1440×900 with an actor selected, its record sits beside the map", async ({ browser }) => {
    const { context, page } = await open(browser, 1440, 900, `/?date=${DATE}&actor=pakistan`);
    const panel = page.getByRole("complementary", { name: "Selected actor" });
    await expect(panel.getByRole("heading", { level: 2, name: "Pakistan" })).toBeInViewport();
    const map = await boxOf(page.locator("svg.world-map"));
    const side = await boxOf(panel);
    expect(side.x).toBeGreaterThanOrEqual(map.x + map.width);
    expect(side.y).toBeLessThan(map.y + map.height);
    await context.close();
  });

  test("at 390×844 tapping Pakistan opens its record as a sheet in view, without scrolling", async ({ browser }) => {
    const { context, page } = await open(browser, 390, 844, `/?date=${DATE}`, { hasTouch: true });
    await interactive(page);
    const at = await pointIn(page, IDS.pakistan);
    await page.touchscreen.tap(at.x, at.y);
    const panel = page.getByRole("complementary", { name: "Selected actor" });
    const heading = panel.getByRole("heading", { level: 2, name: "Pakistan" });
    await expect(heading).toBeVisible();
    await expect(page).toHaveURL(/actor=pakistan/);
    expectInViewport(await boxOf(heading), { width: 390, height: 844 }, "panel heading");
    // The sheet opens over the screen's lower part; the map moves up above it, so Pakistan stays in sight.
    const pakistan = page.locator(`use.country[data-id="${IDS.pakistan}"]`);
    await expect
      .poll(() =>
        pakistan.evaluate((el) => {
          const b = el.getBoundingClientRect();
          return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2) === el;
        }),
      )
      .toBe(true);
    await expect(heading).toBeInViewport();
    // The sheet scrolls on its own, and its close button closes it.
    const sheet = panel.locator(".panel");
    expect(await sheet.evaluate((el) => getComputedStyle(el).overflowY)).toBe("auto");
    await expect(panel.getByRole("button", { name: "Close the actor panel" })).toBeInViewport();
    await panel.getByRole("button", { name: "Close the actor panel" }).tap();
    await expect(panel).toHaveCount(0);
    await expect(page).not.toHaveURL(/actor=pakistan/);
    await context.close();
  });

  for (const width of [1440, 390]) {
    test(`at ${width} px the zoom controls cover none of Russia, Kazakhstan or Afghanistan`, async ({ browser }) => {
      const { context, page } = await open(browser, width, width === 390 ? 844 : 900);
      const controls = await boxOf(page.locator(".map-wrap .map-controls"));
      for (const id of [IDS.russia, IDS.kazakhstan, IDS.afghanistan]) {
        const country = await boxOf(page.locator(`use.country[data-id="${id}"]`));
        const overlap =
          controls.x < country.x + country.width &&
          country.x < controls.x + controls.width &&
          controls.y < country.y + country.height &&
          country.y < controls.y + controls.height;
        expect(overlap, `controls over country ${id}`).toBe(false);
      }
      await context.close();
    });
  }

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
    [390, 844],
  ] as const) {
    test(`at ${width} px the tooltips of Russia, Germany and Norway are inside the viewport`, async ({ browser }) => {
      const { context, page } = await open(browser, width, height);
      await interactive(page);
      const tip = page.locator(".map-wrap .map-tip");
      for (const [name, id] of [
        ["Russia", IDS.russia],
        ["Germany", IDS.germany],
        ["Norway", IDS.norway],
      ] as const) {
        const at = await pointIn(page, id);
        await page.mouse.move(at.x, at.y);
        await expect(tip).toHaveAttribute("data-id", id);
        await expect(tip).toContainText(name);
        await expect(tip).toHaveCSS("visibility", "visible");
        expectInViewport(await boxOf(tip), { width, height }, `${name}'s tooltip`);
        // By keyboard focus too: the tooltip points at the country's shape.
        await page.locator(`use.country[data-id="${id}"]`).focus();
        await expect(tip).toHaveAttribute("data-id", id);
        await expect(tip).toHaveCSS("visibility", "visible");
        expectInViewport(await boxOf(tip), { width, height }, `${name}'s tooltip on focus`);
        await page.locator(`use.country[data-id="${id}"]`).blur();
      }
      await context.close();
    });
  }

  test("choosing a region zooms the map to its actors' countries, and All zooms back out", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?date=${DATE}`);
    await interactive(page);
    const pakistan = page.locator(`use.country[data-id="${IDS.pakistan}"]`);
    const before = await boxOf(pakistan);
    const layer = page.locator("svg.world-map > g").first();
    await page.locator("#region-select").selectOption("South Asia");
    await expect(page).toHaveURL(/region=South(\+|%20)Asia/);
    await expect(layer).toHaveAttribute("transform", /scale\(/);
    const after = await boxOf(pakistan);
    expect(after.width).toBeGreaterThan(before.width * 2);
    // Its countries are in the frame, far ones (the United States) out of it.
    const map = await boxOf(page.locator("svg.world-map"));
    for (const id of [IDS.pakistan, IDS.afghanistan]) {
      const c = await boxOf(page.locator(`use.country[data-id="${id}"]`));
      expect(c.x).toBeGreaterThanOrEqual(map.x);
      expect(c.x + c.width).toBeLessThanOrEqual(map.x + map.width);
      expect(c.y).toBeGreaterThanOrEqual(map.y);
      expect(c.y + c.height).toBeLessThanOrEqual(map.y + map.height);
    }
    // The United States, left out by the filter (no longer an actor on the map), is outside the frame.
    const us = await boxOf(page.locator('use.country[data-id="840"]'));
    expect(us.x + us.width <= map.x || us.y + us.height <= map.y).toBe(true);

    await page.locator("#region-select").selectOption("");
    await expect(layer).toHaveAttribute("transform", "translate(0,0) scale(1)");
    const reset = await boxOf(pakistan);
    expect(Math.abs(reset.width - before.width)).toBeLessThan(1);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`at 390 px the record's sheet has no critical or serious accessibility violations (${scheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`/?date=${DATE}&actor=pakistan`);
      await expect(page.getByRole("complementary", { name: "Selected actor" })).toContainText("Posture");
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
