// The admin record lists (search, filters, sorting, pages, all in the URL) and the users page
// (new accounts, API tokens that work on the write API until they are revoked).
import { expect, test } from "@playwright/test";
import { signIn } from "../support/auth";
import { seriousViolations } from "../support/axe";

const POSTURE = "posture-toward-taliban-government";
const PAKISTAN = "pakistan-posture-2025-07-03";

test.describe("admin lists and users", () => {
  test("an editor searches, filters and pages the stance list", async ({ page, browser }) => {
    await signIn(page, "editor");
    await page.goto("/admin/stances");
    await expect(page.getByRole("heading", { level: 1, name: "Stances" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New stance" })).toHaveAttribute("href", "/admin/stances/new");
    expect(await seriousViolations(page, ".admin-main")).toEqual([]);

    await page.getByRole("searchbox", { name: "Search" }).fill("pakistan");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=pakistan/);
    const rows = page.locator("table tbody tr");
    await expect(rows.first()).toContainText("Pakistan");
    for (const row of await rows.all()) await expect(row).toContainText("Pakistan");

    await page.getByLabel("Topic").selectOption(POSTURE);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`topic=${POSTURE}`));
    await expect(page).toHaveURL(/[?&]q=pakistan/);
    for (const row of await rows.all()) await expect(row).toContainText("Posture toward the Taliban government");
    await expect(page.locator("table").getByText("Reaction to Russia's recognition")).toHaveCount(0);

    // Sorting from the keyboard: the header link, then Enter.
    const from = page.getByRole("link", { name: /^From/ });
    await from.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=from/);
    await expect(page.getByRole("columnheader", { name: /^From/ })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("link", { name: /^From/ }).click();
    await expect(page.getByRole("columnheader", { name: /^From/ })).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/dir=desc/);

    const open = page.locator(`a[href="/admin/stances/${PAKISTAN}"]`);
    await expect(open).toHaveText("Pakistan");
    await open.click();
    await expect(page).toHaveURL(new RegExp(`/admin/stances/${PAKISTAN}$`));

    // Pages of ten: the page is in the URL and the count says where we are.
    await page.goto("/admin/stances?size=10");
    await expect(page.getByText(/^Showing 1–10 of \d+ stances/)).toBeVisible();
    const pages = page.getByRole("navigation", { name: "Pages" });
    await pages.getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/^Showing 11–20 of \d+ stances/)).toBeVisible();
    await expect(pages.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
    await expect(rows).toHaveCount(10);

    // The same search works with JavaScript off: a plain GET form.
    const noScript = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto("/admin/stances");
    await plain.getByRole("searchbox", { name: "Search" }).fill("koofi");
    await plain.getByRole("button", { name: "Apply" }).click();
    await expect(plain).toHaveURL(/q=koofi/);
    await expect(plain.locator("table tbody tr").first()).toContainText("Fawzia Koofi");
    await noScript.close();
  });

  test("an admin creates an editor, gives them an API token, and the token works on the write API", async ({ page, playwright }) => {
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    const email = `token-editor-${stamp}@e2e.test`;
    await signIn(page, "admin");
    await page.goto("/admin/users");

    // The schema's rules are shown next to the fields before anything is sent.
    const form = page.locator("form", { has: page.getByRole("button", { name: "Add user" }) });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Token Editor");
    await form.getByLabel("Initial password").fill("too short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("at least 12 characters", { exact: true })).toBeVisible();
    await expect(form.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Role").selectOption("editor");
    await form.getByLabel("Initial password").fill("a long enough password");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(`Created editor ${email}.`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row.getByLabel(`Role of ${email}`, { exact: true })).toHaveValue("editor");

    await row.getByRole("link", { name: `Manage API tokens of ${email}` }).click();
    const panel = page.getByRole("region", { name: `API tokens of ${email}` });
    await panel.getByLabel("Token name").fill("e2e script");
    await panel.getByRole("button", { name: "Create token" }).click();
    const secret = panel.getByLabel("New API token");
    await expect(secret).toHaveValue(/^smp_/);
    await expect(panel.getByText("This is the only time the token is shown")).toBeVisible();
    const token = await secret.inputValue();
    expect(await seriousViolations(page, ".admin-main")).toEqual([]);

    // A script, with no cookies: the token alone.
    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const source = (id: string) => ({ id, publisher: "E2E Desk", title: `Token check ${stamp}`, reliability: "Test fixture." });
    const created = await api.post("/api/v1/sources", {
      headers: { Authorization: `Bearer ${token}` },
      data: source(`e2e-token-${stamp}`),
    });
    expect(created.status()).toBe(201);
    expect((await created.json()).draftId).toBeTruthy();

    const tokenRow = panel.getByRole("row").filter({ hasText: "e2e script" });
    await tokenRow.getByText("Revoke…").click();
    await tokenRow.getByRole("button", { name: "Revoke “e2e script” now" }).click();
    await expect(tokenRow).toContainText("Revoked");

    const refused = await api.post("/api/v1/sources", {
      headers: { Authorization: `Bearer ${token}` },
      data: source(`e2e-token-${stamp}-after`),
    });
    expect(refused.status()).toBe(401);
    await api.dispose();
  });

  test("an admin finds users by search and role, and sorts them", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/users");
    const finder = page.getByRole("search", { name: "Find users" });
    await finder.getByLabel("Search").fill("e2e.test");
    await finder.getByLabel("Role").selectOption("reviewer");
    await finder.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=e2e\.test/);
    const table = page.getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(2); // header and reviewer@e2e.test
    await expect(table).toContainText("reviewer@e2e.test");
    await page.goto("/admin/users?q=e2e.test&sort=email&dir=desc");
    const emails = await page.locator(".users-email").allTextContents();
    expect(emails).toEqual([...emails].sort().reverse());
    await expect(page.getByRole("columnheader", { name: /Email/ })).toHaveAttribute("aria-sort", "descending");
  });
});
