// Two editors saving the same stance from the same version: the merge view takes each field only one
// of them changed without asking, and asks (showing the original, theirs and yours) only about a field
// both changed. Also: saving an unchanged form makes no draft; drafts are named after their record,
// can be renamed, and their diffs show labels with the stored key on hover.
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { apiAs, sourceRecord, stanceRecord, unique } from "../support/api-session";
import { contextAs } from "../support/auth";
import { seriousViolations } from "../support/axe";

const UZBEKISTAN = "uzbekistan-posture-2025-07-03";

const note = (page: Page) => page.getByRole("textbox", { name: /^Note/ });
const saveDraft = (page: Page) => page.getByRole("button", { name: "Save as draft" }).click();
const savedStatus = (page: Page) => page.getByRole("status").filter({ hasText: "Saved as draft" });
const mergeView = (page: Page) => page.getByRole("region", { name: /Someone else saved this/ });

/** A stance of a new actor, published by the reviewer, for a test of its own. */
async function publishedStance(reviewer: APIRequestContext): Promise<string> {
  const u = unique();
  const post = async (path: string, data: unknown) => {
    const res = await reviewer.post(path, { data });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { draftId: string };
  };
  const { draftId } = await post("/api/v1/sources", sourceRecord(`merge-src-${u}`));
  await post(`/api/v1/actors?draft=${draftId}`, { slug: `merge-actor-${u}`, name: `Merge group ${u}`, kind: "group" });
  await post(
    `/api/v1/stances?draft=${draftId}`,
    stanceRecord(`merge-stance-${u}`, `merge-actor-${u}`, `merge-src-${u}`, { note: "The original note." }),
  );
  const published = await reviewer.post(`/api/v1/drafts/${draftId}/publish`, { data: {} });
  expect(published.status(), await published.text()).toBe(200);
  return `merge-stance-${u}`;
}

test.describe("three-way merge", () => {
  let reviewerApi: APIRequestContext;
  test.beforeAll(async ({ playwright }, info) => {
    reviewerApi = await apiAs(playwright, info.project.use.baseURL as string, "reviewer");
  });
  test.afterAll(async () => {
    await reviewerApi?.dispose();
  });

  test("A changes only the confidence, B only the note: B's merged save keeps both", async ({ browser }) => {
    const a = await contextAs(browser, "editor");
    const b = await contextAs(browser, "reviewer");
    const url = `/admin/stances/${UZBEKISTAN}`;
    await Promise.all([a.page.goto(url), b.page.goto(url)]);
    await expect(a.page.getByRole("radio", { name: "Medium" })).toBeChecked();

    await a.page.getByRole("radio", { name: "Low" }).check();
    await saveDraft(a.page);
    await expect(savedStatus(a.page)).toBeVisible();

    await note(b.page).fill("B's note: the ambassador was appointed in 2023.");
    await saveDraft(b.page);
    const merge = mergeView(b.page);
    await expect(merge.getByRole("heading", { name: /Someone else saved this/ })).toBeFocused();
    await expect(merge.getByText(/^Their version \(saved by E2E editor at \d+ \w+ \d{4}, \d\d:\d\d UTC\)\.$/)).toBeVisible();
    // Nothing to ask: each field was changed by one of them only.
    await expect(merge.getByRole("radio")).toHaveCount(0);
    await expect(merge.getByRole("listitem").filter({ hasText: "Confidence: their change" })).toBeVisible();
    await expect(merge.getByRole("listitem").filter({ hasText: "Note: your change" })).toBeVisible();
    expect(await seriousViolations(b.page, ".admin-main")).toEqual([]);

    await merge.getByRole("button", { name: "Save merged version" }).click();
    await expect(savedStatus(b.page)).toBeVisible();
    await expect(b.page.getByRole("heading", { name: /Someone else saved this/ })).toHaveCount(0);
    await expect(b.page.getByRole("radio", { name: "Low" })).toBeChecked();
    await expect(note(b.page)).toHaveValue("B's note: the ambassador was appointed in 2023.");

    const head = (await (await reviewerApi.get(`/api/v1/stances/${UZBEKISTAN}/head`)).json()) as {
      draft: { draftId: string; record: { confidence: string; note: string } };
    };
    expect(head.draft.record).toMatchObject({ confidence: "low", note: "B's note: the ambassador was appointed in 2023." });

    // The draft is named after the record, and its diff shows labels with the key on hover.
    const draftId = head.draft.draftId;
    await b.page.goto(`/admin/drafts/${draftId}`);
    await expect(b.page.getByRole("heading", { level: 1 })).toHaveText("Uzbekistan: posture toward the Taliban government");
    await expect(b.page.getByRole("heading", { level: 3 })).toHaveText(
      /^Edit stance: Uzbekistan · Posture toward the Taliban government → Diplomatic engagement without recognition from /,
    );
    await expect(b.page.locator('.rdiff-named[title="uzbekistan"]').first()).toHaveText("Uzbekistan");
    await expect(b.page.locator('.rdiff-named[title="diplomatic-engagement"]').first()).toHaveText(
      "Diplomatic engagement without recognition",
    );
    await expect(b.page.getByText("by E2E editor")).toBeVisible();
    await b.page.getByText("Rename this draft").click();
    await b.page.getByLabel("Draft title").fill("Uzbekistan: confidence and note");
    await b.page.getByRole("button", { name: "Save title" }).click();
    await expect(b.page.getByRole("status").filter({ hasText: "Renamed." })).toBeVisible();
    await expect(b.page.getByRole("heading", { level: 1 })).toHaveText("Uzbekistan: confidence and note");

    // Left as found for the next run: the draft is withdrawn.
    expect((await reviewerApi.delete(`/api/v1/drafts/${draftId}`)).status()).toBe(204);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  test("both change the note: B sees the original, theirs and yours, and must choose before saving", async ({ browser }) => {
    const stance = await publishedStance(reviewerApi);
    const a = await contextAs(browser, "editor");
    const b = await contextAs(browser, "reviewer");
    const url = `/admin/stances/${stance}`;
    await Promise.all([a.page.goto(url), b.page.goto(url)]);

    await note(a.page).fill("A's note.");
    await saveDraft(a.page);
    await expect(savedStatus(a.page)).toBeVisible();

    await note(b.page).fill("B's note.");
    await b.page.getByRole("radio", { name: "High" }).check();
    await saveDraft(b.page);
    const merge = mergeView(b.page);
    await expect(merge.getByRole("heading", { name: /Someone else saved this/ })).toBeVisible();
    const table = merge.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "Original" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /^Their version \(saved by E2E editor at / })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Yours" })).toBeVisible();
    const row = table.getByRole("row", { name: /Note/ });
    await expect(row.getByText("The original note.")).toBeVisible();
    await expect(row.getByText("A's note.")).toBeVisible();
    await expect(row.getByText("B's note.")).toBeVisible();
    // Only the note is asked about; B's confidence is taken without asking.
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(merge.getByRole("listitem").filter({ hasText: "Confidence: your change" })).toBeVisible();

    const save = merge.getByRole("button", { name: "Save merged version" });
    await expect(save).toBeDisabled();
    await expect(save).toHaveAccessibleDescription("Choose a version for Note to save.");
    expect(await seriousViolations(b.page, ".admin-main")).toEqual([]);
    await merge.getByRole("radio", { name: "Keep theirs for Note" }).check();
    await expect(save).toBeEnabled();
    await save.click();
    await expect(savedStatus(b.page)).toBeVisible();
    await expect(note(b.page)).toHaveValue("A's note.");
    await expect(b.page.getByRole("radio", { name: "High" })).toBeChecked();
    await Promise.all([a.context.close(), b.context.close()]);
  });

  test("saving an unchanged form creates no draft", async ({ browser }) => {
    const stance = await publishedStance(reviewerApi);
    const drafts = async () =>
      ((await (await reviewerApi.get("/api/v1/drafts")).json()) as { data: { id: string }[] }).data.map((d) => d.id);
    const audit = async () =>
      ((await (await reviewerApi.get(`/api/v1/audit?limit=500`)).json()) as { data: { entityId: string }[] }).data.filter(
        (c) => c.entityId === stance,
      ).length;
    const [draftsBefore, auditBefore] = await Promise.all([drafts(), audit()]);

    const { page, context } = await contextAs(browser, "editor");
    await page.goto(`/admin/stances/${stance}`);
    await saveDraft(page);
    await expect(page.getByRole("status").filter({ hasText: "No changes to save" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/admin/stances/${stance}$`));

    const head = (await (await reviewerApi.get(`/api/v1/stances/${stance}/head`)).json()) as { draft: unknown };
    expect(head.draft).toBeNull();
    // Other specs open drafts at the same time: none of the drafts opened since holds this stance.
    const opened = (await drafts()).filter((id) => !draftsBefore.includes(id));
    for (const id of opened) expect(JSON.stringify(await (await reviewerApi.get(`/api/v1/drafts/${id}`)).json())).not.toContain(stance);
    expect(await audit()).toBe(auditBefore);
    await context.close();
  });
});
