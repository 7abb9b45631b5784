import { expect, test } from "@playwright/test";

test.describe("dashboard home", () => {
  test("a visitor sees the topic, its legend and the actors from the database", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Posture toward the Taliban government");
    await expect(page.getByRole("group", { name: "Posture toward the Taliban government" })).toContainText("Formal recognition");
    await expect(page.locator('button.badge[data-actor="fawzia-koofi"]')).toHaveText("Fawzia Koofi");
    await expect(page.locator('button.badge[data-actor="united-nations"]')).toBeVisible();
    await expect(page.locator('use.country[data-actor="russia"]')).toHaveAttribute(
      "aria-label",
      /^Russia: formal recognition since 3 July 2025$/,
    );
  });

  test("the page is rendered on the server: actors are in the HTML before any script runs", async ({ request }) => {
    const html = await (await request.get("/")).text();
    expect(html).toContain("Mao Ning");
    expect(html).toContain("Afghanistan Freedom Front");
    expect(html).toContain('data-actor="russia"');
  });
});
