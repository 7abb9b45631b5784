// The record forms: a claim without a source, and a deletion that others depend on (two people saving
// the same stance: three-way-merge.spec.ts). Each test makes its own actor, source and stance through the write API.
import { expect, type Page, test } from "@playwright/test";
import { contextAs } from "../support/auth";
import { seriousViolations } from "../support/axe";

const TOPIC = "posture-toward-taliban-government";

/** Creates and publishes a source, an actor and a stance of that actor citing it, as a reviewer. */
async function publishedStance(page: Page, origin: string) {
  const tag = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const post = async (path: string, body: unknown) => {
    const res = await page.request.post(path, { data: body, headers: { origin } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return (await res.json()) as { draftId: string };
  };
  const source = `${tag}-source`;
  const actor = `${tag}-actor`;
  const stance = `${tag}-stance`;
  const { draftId } = await post("/api/v1/sources", {
    id: source,
    publisher: "E2E Wire",
    title: `Report ${tag}`,
    reliability: "Made by the test.",
  });
  await post(`/api/v1/actors?draft=${draftId}`, { slug: actor, name: `Test group ${tag}`, kind: "group" });
  await post(`/api/v1/stances?draft=${draftId}`, {
    id: stance,
    actor,
    topic: TOPIC,
    category: "limited-engagement",
    validFrom: "2025-07-04",
    attested: "2025-07-04",
    confidence: "medium",
    summary: "The original summary.",
    note: "The original note.",
    evidence: [{ source, locator: "para 1" }],
  });
  const published = await page.request.post(`/api/v1/drafts/${draftId}/publish`, { data: {}, headers: { origin } });
  expect(published.status(), await published.text()).toBe(200);
  return { actor, stance, source };
}

test.describe("record forms", () => {
  test("a stance without a source is refused with the error next to the field and nothing is saved", async ({ browser }) => {
    const { page, context } = await contextAs(browser, "editor");
    await page.goto(`/admin/stances/new?actor=pakistan&topic=${TOPIC}`);
    await page.getByLabel("Category").selectOption("limited-engagement");
    await page.getByLabel("Began").fill("2025-07-05");
    await page.getByLabel("Attested").fill("2025-07-05");
    await page.getByRole("radio", { name: "High" }).check();
    await page.getByRole("textbox", { name: "Summary", exact: true }).fill(`Unsourced claim ${Date.now()}`);
    const id = await page.getByRole("textbox", { name: "ID", exact: true }).inputValue();
    expect(id).toBe("pakistan-posture-2025-07-05");

    // A blank source row: the error sits at that row's source picker.
    await page.getByRole("button", { name: "Save as draft" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "nothing was saved" });
    await expect(alert).toContainText("Source 1 › Source: Required.");
    const picker = page.getByRole("combobox", { name: "Source", exact: true });
    await expect(picker).toHaveAttribute("aria-invalid", "true");
    await expect(picker).toHaveAccessibleDescription(/Required\./);
    expect(await seriousViolations(page, ".admin-main")).toEqual([]);

    // No row at all: the error sits with the sources and the button that adds one.
    await page.getByRole("button", { name: "Remove source 1" }).click();
    await expect(page.getByRole("button", { name: "Add a source" })).toBeFocused();
    await page.getByRole("button", { name: "Save as draft" }).click();
    await expect(alert).toContainText("At least one source is required.");
    const sources = page.getByRole("region", { name: "Sources" });
    await expect(sources.getByText("At least one source is required.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add a source" })).toHaveAccessibleDescription(/at least one source is required/i);
    // The summary's link takes keyboard users to the field.
    await alert.getByRole("link", { name: /Sources: At least one source/ }).click();
    await expect(page.locator("#rf-evidence")).toBeFocused();

    await expect(page).toHaveURL(/\/admin\/stances\/new/);
    const head = await page.request.get(`/api/v1/stances/${id}/head`);
    expect(head.status()).toBe(404);
    await context.close();
  });

  test("an editor typing 30 February sees that the day does not exist beside the date, and nothing is saved", async ({ browser }) => {
    const { page, context } = await contextAs(browser, "editor");
    await page.goto("/admin/events/new");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(`Impossible day ${Date.now()}`);
    const date = page.getByRole("textbox", { name: "Date", exact: true });
    await date.fill("2025-02-30");
    await page.getByRole("button", { name: "Save as draft" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "nothing was saved" });
    await expect(alert).toBeFocused();
    await expect(alert).toContainText("Date: 30 February 2025 does not exist.");
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await expect(date).toHaveAccessibleDescription(/30 February 2025 does not exist\./);
    // Not "Required": the field is not empty. Corrected, the message goes at once.
    await expect(page.locator("#rf-date-error")).not.toContainText("Required");
    await date.fill("2025-02-28");
    await expect(page.locator("#rf-date-error")).toHaveCount(0);
    await expect(page).toHaveURL(/\/admin\/events\/new/);
    await context.close();
  });

  test("deleting an actor others depend on lists the dependants", async ({ browser, baseURL }) => {
    const reviewer = await contextAs(browser, "reviewer");
    const { actor, stance } = await publishedStance(reviewer.page, baseURL as string);
    await reviewer.context.close();

    const { page, context } = await contextAs(browser, "editor");
    await page.goto(`/admin/actors/${actor}`);
    await page.getByRole("button", { name: "Delete this actor…" }).click();
    await expect(page.getByRole("button", { name: "Yes, delete it" })).toBeFocused();
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Cannot delete" });
    await expect(refusal).toContainText("Cannot delete: 1 record depends on it.");
    const link = refusal.getByRole("link");
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute("href", `/admin/stances/${stance}`);

    // Nothing changed: no draft proposes the deletion, and the actor is still published.
    const head = (await (await page.request.get(`/api/v1/actors/${actor}/head`)).json()) as { draft: unknown; published: unknown };
    expect(head.draft).toBeNull();
    expect(head.published).not.toBeNull();

    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: /Edit stance/ })).toBeVisible();

    // The seeded Pakistan has many dependants; each is listed.
    await page.goto("/admin/actors/pakistan");
    await page.getByRole("button", { name: "Delete this actor…" }).click();
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    const many = page.getByRole("alert").filter({ hasText: "Cannot delete" });
    await expect(many).toContainText(/Cannot delete: \d+ records depend on it\./);
    const count = Number((await many.textContent())?.match(/Cannot delete: (\d+)/)?.[1]);
    await expect(many.getByRole("link")).toHaveCount(count);
    await context.close();
  });
});
