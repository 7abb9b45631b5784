import { expect, test } from "@playwright/test";

test.describe("home page", () => {
  test("a visitor sees the topics and the actors from the database", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Posture toward the Taliban government" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Russia", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Fawzia Koofi", exact: true })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Russia Россия" })).toBeVisible();
    await expect(page.locator('tr[data-actor="russia"]')).toContainText("Formal recognition");
  });

  test("the page is rendered on the server: the actors are in the HTML before any script runs", async ({ request }) => {
    const html = await (await request.get("/")).text();
    expect(html).toContain("Mao Ning");
    expect(html).toContain("Afghanistan Freedom Front");
  });
});
