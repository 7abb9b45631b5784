// Quotes are checked against their source's stored text as the editor types, and the reviewer sees the result.
import { type APIRequestContext, expect, test } from "@playwright/test";
import { actorRecord, apiAs, sourceRecord, stanceRecord, unique } from "../support/api-session";
import { contextAs } from "../support/auth";

const FOUND = "We will keep talking to Kabul on trade and security";
const MISSING = "We will never talk to Kabul";

/** A published actor, a source holding a stored text, a source without one, and a stance citing the first. */
async function fixture(api: APIRequestContext, u: string) {
  const text = `Tashkent, 5 July 2025 (${u}).\n\nThe spokesperson said:   “We will keep talking to Kabul\non trade and security.” Nothing more was said that day.`;
  const stored = await api.post("/api/v1/source-texts", { data: { text } });
  expect(stored.status(), await stored.text()).toBe(201);
  const ref = (await stored.json()) as { sha256: string; length: number };
  expect(ref.length).toBe(text.length);
  const actor = `qc-actor-${u}`;
  const withText = `qc-src-${u}`;
  const without = `qc-bare-${u}`;
  const stance = `qc-stance-${u}`;
  const first = await api.post("/api/v1/actors", { data: actorRecord(actor) });
  expect(first.status(), await first.text()).toBe(201);
  const { draftId } = (await first.json()) as { draftId: string };
  for (const [collection, record] of [
    ["sources", { ...sourceRecord(withText), text: ref }],
    ["sources", sourceRecord(without)],
    ["stances", stanceRecord(stance, actor, withText)],
  ] as const) {
    const res = await api.post(`/api/v1/${collection}?draft=${draftId}`, { data: record });
    expect(res.status(), await res.text()).toBe(201);
  }
  const published = await api.post(`/api/v1/drafts/${draftId}/publish`, { data: {} });
  expect(published.status(), await published.text()).toBe(200);
  return { text, actor, withText, without, stance };
}

test("an editor typing a quote sees at once whether its source's stored text holds it, and where", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const u = unique();
  const reviewerApi = await apiAs(playwright, baseURL as string, "reviewer");
  const f = await fixture(reviewerApi, u);
  await reviewerApi.dispose();

  const { page, context } = await contextAs(browser, "editor");
  await page.goto(`/admin/stances/${f.stance}`);
  const row = page.getByRole("group", { name: "Source 1" });
  await row.getByRole("checkbox", { name: "Quote from this source" }).check();
  const quote = row.getByRole("textbox", { name: /^Quote, verbatim/ });
  const status = row.getByTestId("quote-check");

  await quote.fill(MISSING);
  await expect(status).toContainText("Not found in the source");
  await expect(status).toContainText("You can still save");
  await expect(page.getByRole("button", { name: "Save as draft" })).toBeEnabled();

  // Straight quotes and one space where the text has a curly quote and a line break: found, with its place.
  await quote.fill(`"${FOUND}.`);
  await expect(status).toContainText("Found in the source");
  await expect(status.locator("mark")).toHaveText(`“${FOUND}.`);
  await expect(status).toContainText("The spokesperson said:");
  await expect(status).toContainText(`(at character ${f.text.indexOf("“") + 1})`);

  // Inside a longer word is not on a word boundary: "talk" is not in "talking".
  await quote.fill("keep talk");
  await expect(status).toContainText("Not found in the source");

  await row.getByRole("combobox", { name: /^Source/ }).fill(`Test source ${f.without}`);
  await page
    .getByRole("option", { name: new RegExp(f.without) })
    .first()
    .click();
  await quote.fill(FOUND);
  await expect(status).toContainText("Not checked: this source has no stored text");
  await context.close();
});

test("the review queue and the draft page show each quote of a draft found, not found or not checked", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const u = unique();
  const editorApi = await apiAs(playwright, baseURL as string, "editor");
  const reviewerApi = await apiAs(playwright, baseURL as string, "reviewer");
  const f = await fixture(reviewerApi, u);
  const head = (await (await editorApi.get(`/api/v1/stances/${f.stance}/head`)).json()) as { version: string };
  const quote = (text: string) => ({ text, speaker: f.actor, language: "en" });
  const saved = await editorApi.patch(`/api/v1/stances/${f.stance}?title=${encodeURIComponent(`Quotes ${u}`)}`, {
    data: {
      expectedVersion: head.version,
      evidence: [
        { source: f.withText, quote: quote(FOUND) },
        { source: f.withText, quote: quote(MISSING) },
        { source: f.without, quote: quote("Anything at all") },
      ],
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const { draftId } = (await saved.json()) as { draftId: string };
  await Promise.all([editorApi.dispose(), reviewerApi.dispose()]);

  const { page, context } = await contextAs(browser, "reviewer");
  await page.goto("/admin/review");
  const draftRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Quotes ${u}` }) });
  const quotes = draftRow.getByRole("list", { name: "Quotes: 1 found, 1 not found, 1 not checked" });
  await expect(quotes.getByRole("listitem")).toHaveText([
    `✓ Found in the source ${FOUND}`,
    `⚠ Not found in the source ${MISSING}`,
    "Not checked Anything at all",
  ]);

  await page.goto(`/admin/drafts/${draftId}`);
  const section = page.getByRole("region", { name: /Quotes against their sources/ });
  await expect(section.locator("mark")).toHaveText(FOUND);
  await expect(section).toContainText("Not found in the source");
  await expect(section).toContainText("Not checked: this source has no stored text");
  await context.close();
});

test("an editor pastes a source's text in the source form and it is kept with the source", async ({ browser, playwright, baseURL }) => {
  const u = unique();
  const reviewerApi = await apiAs(playwright, baseURL as string, "reviewer");
  const f = await fixture(reviewerApi, u);
  await reviewerApi.dispose();

  const { page, context } = await contextAs(browser, "editor");
  await page.goto(`/admin/sources/${f.without}`);
  const field = page.getByRole("group", { name: "Stored text" });
  await expect(field.getByTestId("source-text-summary")).toContainText("No stored text");
  const pasted = `A document pasted by an editor (${u}), with the words “kept with the source”.`;
  await field.getByRole("textbox", { name: "Paste the text" }).fill(pasted);
  await expect(field.getByTestId("source-text-summary")).toContainText(`Stored: ${pasted.length} characters`);
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as draft" })).toBeVisible();
  const text = await page.request.get(`/api/v1/sources/${f.without}/text`);
  expect(text.status()).toBe(200);
  expect(await text.text()).toBe(pasted);
  await context.close();
});
