// Review, publishing, history and bulk import as two people would do them: an editor proposes, a
// reviewer reads the diff and publishes, the public map changes, and a revert takes it back.
import { expect, type Page, test } from "@playwright/test";
import { contextAs } from "../support/auth";
import { seriousViolations } from "../support/axe";

const STANCE = "pakistan-posture-2025-07-03";
const unique = () => `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

const pakistan = (page: Page) => page.locator('use.country[data-actor="pakistan"]');

test.describe("review and history", () => {
  test("an editor changes Pakistan's stance with a new source, a reviewer publishes, the map shows the new colour, and reverting restores it", async ({
    browser,
    page: visitor,
  }) => {
    test.slow(); // three browser contexts, a publish and a revert: three times the configured timeout
    const editor = await contextAs(browser, "editor");
    const reviewer = await contextAs(browser, "reviewer");
    const before = await (await editor.page.request.get(`/api/v1/stances/${STANCE}/head`)).json();
    expect(before.draft, "Pakistan's stance must have no open draft when this test starts").toBeNull();
    const previous: number = before.published.version;

    // The editor changes the category and cites a source created in place, through the edit form.
    const id = `e2e-wire-${unique()}`;
    await editor.page.goto(`/admin/stances/${STANCE}`);
    await editor.page.getByLabel("Category").selectOption("formal-recognition");
    const rows = await editor.page.getByRole("group", { name: /^Source \d+$/ }).count();
    await editor.page.getByRole("button", { name: "Add a source" }).click();
    const row = editor.page.getByRole("group", { name: `Source ${rows + 1}` });
    await row.getByRole("radio", { name: "A new source, created here" }).check();
    await row.getByLabel("Publisher").fill("E2E Wire");
    await row.getByLabel("Title", { exact: true }).fill(`Pakistan recognises the Islamic Emirate (${id})`);
    await row.getByLabel("Source ID").fill(id);
    await row.getByLabel("Reliability note").fill("Made up by an end-to-end test.");
    await editor.page.getByRole("button", { name: "Save as draft" }).click();
    await editor.page.waitForURL(/[?&]saved=/);
    const draftId = new URL(editor.page.url()).searchParams.get("saved") as string;
    expect(draftId).toBeTruthy();

    // The reviewer reads the diff (the category and the new source) and publishes.
    await reviewer.page.goto("/admin/review");
    await reviewer.page.locator(`a[href="/admin/drafts/${draftId}"]`).first().click();
    await expect(reviewer.page.getByRole("heading", { level: 2, name: "Changes (2)" })).toBeVisible();
    const stanceChange = reviewer.page.locator("section.draft-item").filter({ hasText: STANCE });
    // Diffs show labels, with the stored key on hover.
    await expect(stanceChange.locator("del")).toContainText("Diplomatic engagement without recognition");
    await expect(stanceChange.locator("ins").first()).toContainText("Formal recognition");
    await expect(stanceChange).toContainText(`(${id}) added`);
    expect(await seriousViolations(reviewer.page, ".admin-main")).toEqual([]);
    await reviewer.page.getByLabel("Comment for the record (optional)").fill("Checked against the wire.");
    await reviewer.page.getByRole("button", { name: /^Publish \d+ changes$/ }).click();
    const published = reviewer.page.getByRole("status").filter({ hasText: "Published" });
    await expect(published).toBeVisible();
    await expect(published.locator(`a[href="/admin/stances/${STANCE}/history"]`)).toBeVisible();
    await expect(published.locator(`a[href="/admin/sources/${id}/history"]`)).toBeVisible();

    // The public map takes the new colour.
    await visitor.goto("/?date=2026-01-01");
    await expect(pakistan(visitor)).toHaveAttribute("aria-label", /formal recognition/i);

    // The reviewer restores the revision before the publish, from the record's history.
    await reviewer.page.goto(`/admin/stances/${STANCE}/history`);
    await reviewer.page.getByText(`Restore this revision: revision ${previous}`).click();
    await reviewer.page.getByRole("button", { name: `Restore revision ${previous}` }).click();
    await reviewer.page.waitForURL(/[?&]restored=/);
    await expect(reviewer.page.getByRole("status")).toContainText(`Restored revision ${previous}`);

    await visitor.goto("/?date=2026-01-01");
    await expect(pakistan(visitor)).toHaveAttribute("aria-label", /diplomatic engagement/i);

    // The history lists both steps, newest first, the publish with its draft.
    const changes = reviewer.page.getByRole("table", { name: "Recorded changes, newest first" });
    const steps = changes.getByRole("row");
    await expect(steps.nth(1)).toContainText("Restored an earlier revision");
    await expect(steps.nth(2)).toContainText("Published");
    await expect(steps.nth(2).getByRole("link", { name: draftId })).toBeVisible();
    expect(await seriousViolations(reviewer.page, ".admin-main")).toEqual([]);
    const after = await (await editor.page.request.get(`/api/v1/stances/${STANCE}/head`)).json();
    expect(after.published.record.category).toBe("diplomatic-engagement");
    expect(after.published.version).toBe(previous + 2);

    await Promise.all([editor.context.close(), reviewer.context.close()]);
  });

  test("a reviewer's preview with drafts draws the map from the world's sprite, as the public dashboard does", async ({ browser }) => {
    const reviewer = await contextAs(browser, "reviewer");
    await reviewer.page.goto("/admin/preview?date=2025-07-10");
    const russia = reviewer.page.locator('svg.world-map use.country[data-actor="russia"]');
    await expect(russia).toHaveAttribute("aria-label", /^Russia: formal recognition since 3 July 2025/);
    expect(await russia.getAttribute("href")).toMatch(/^\/data\/world\/[0-9a-f]{16}\.svg#c643$/);
    // Drawn, not only present: the <use> takes its size from the outline it references.
    await expect.poll(() => russia.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBeGreaterThan(100);
    await reviewer.context.close();
  });

  test("a bulk import with one bad row writes nothing and reports the row", async ({ browser }) => {
    const { page, context } = await contextAs(browser, "editor");
    const good = `e2e-import-${unique()}`;
    const csv = `slug,name,kind\n${good},E2E Import Group,group\nNot A Slug,Bad Row,group\n`;
    await page.goto("/admin/transfer");
    await page.getByLabel("File (CSV or JSON)").setInputFiles({ name: "actors.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Record type (for CSV)").selectOption("actor");
    await page.getByRole("button", { name: "Check the file" }).click();

    const table = page.getByRole("table", { name: "2 rows" });
    await expect(table.getByRole("row").filter({ hasText: "line 2" })).toContainText("created");
    const bad = table.getByRole("row").filter({ hasText: "line 3" });
    await expect(bad).toContainText("rejected");
    await expect(bad).toContainText("slug: must be lowercase words joined by hyphens");
    await expect(page.getByRole("alert").filter({ hasText: "1 row is rejected" })).toContainText("nothing can be imported");
    await expect(page.getByRole("button", { name: /^Import 1 change/ })).toBeDisabled();
    expect(await seriousViolations(page, ".admin-main")).toEqual([]);

    const res = await page.request.get(`/api/v1/actors/${good}`);
    expect(res.status()).toBe(404);
    await context.close();
  });

  test("an editor cannot publish", async ({ browser, baseURL }) => {
    const { page, context } = await contextAs(browser, "editor");
    const id = `e2e-unpublished-${unique()}`;
    const res = await page.request.post("/api/v1/sources", {
      headers: { origin: baseURL as string },
      data: { id, publisher: "E2E", title: `Never published ${id}`, reliability: "A test source." },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { draftId } = await res.json();

    const publish = await page.request.post(`/api/v1/drafts/${draftId}/publish`, { headers: { origin: baseURL as string }, data: {} });
    expect(publish.status()).toBe(403);

    await page.goto(`/admin/drafts/${draftId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(id);
    await expect(page.getByRole("button", { name: /publish/i })).toHaveCount(0);
    await expect(page.getByText("Send back…")).toHaveCount(0);

    // The author can still withdraw it, which leaves nothing behind.
    await page.getByText("Withdraw…").click();
    await page.getByRole("button", { name: "Withdraw this draft" }).click();
    await expect(page.getByText("Withdrawn: none of these changes was published.")).toBeVisible();
    await context.close();
  });
});
