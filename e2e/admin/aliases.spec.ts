// An editor gives an actor another name in the record form; once published, search finds it by it.
import { expect, test } from "@playwright/test";
import { contextAs } from "../support/auth";

test("an editor adds an abbreviation with its source, a reviewer publishes, and the API and actor page show it", async ({
  browser,
  baseURL,
  request,
}) => {
  const tag = `e2e${Date.now()}${Math.floor(Math.random() * 1e4)}`;
  const slug = `alias-${tag}`;
  const reviewer = await contextAs(browser, "reviewer");
  const created = await reviewer.page.request.post("/api/v1/actors", {
    data: { slug, name: `Front for ${tag}`, kind: "group" },
    headers: { origin: baseURL as string },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const { draftId } = (await created.json()) as { draftId: string };
  expect(
    (await reviewer.page.request.post(`/api/v1/drafts/${draftId}/publish`, { data: {}, headers: { origin: baseURL as string } })).status(),
  ).toBe(200);

  const { page, context } = await contextAs(browser, "editor");
  await page.goto(`/admin/actors/${slug}`);
  const group = page.getByRole("region", { name: "Other names" });
  await group.getByRole("button", { name: "Add another name" }).click();
  const row = group.getByRole("group", { name: "Other name 1" });
  await expect(row.getByRole("textbox", { name: /^Name/ })).toBeFocused();
  await row.getByRole("textbox", { name: /^Name/ }).fill(`X${tag.toUpperCase()}`);
  await row.getByLabel(/^Kind/).selectOption("abbreviation");
  await row.getByRole("combobox", { name: /^Source/ }).fill("Indian Council");
  await page
    .getByRole("option", { name: /Indian Council of World Affairs/ })
    .first()
    .click();
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as draft" })).toBeVisible();

  const head = (await (await page.request.get(`/api/v1/actors/${slug}/head`)).json()) as {
    draft: { draftId: string; record: { aliases: unknown[] } } | null;
  };
  expect(head.draft?.record.aliases).toEqual([
    { name: `X${tag.toUpperCase()}`, kind: "abbreviation", source: expect.stringMatching(/^icwa-/) },
  ]);
  await context.close();

  const published = await reviewer.page.request.post(`/api/v1/drafts/${head.draft?.draftId}/publish`, {
    data: {},
    headers: { origin: baseURL as string },
  });
  expect(published.status(), await published.text()).toBe(200);
  await reviewer.context.close();

  const found = (await (await request.get(`/api/v1/actors?q=x${tag}`)).json()) as { data: { slug: string }[] };
  expect(found.data.map((a) => a.slug)).toEqual([slug]);
  const actorPage = await browser.newPage();
  await actorPage.goto(`${baseURL}/actors/${slug}`);
  await expect(actorPage.locator(".actor-aliases")).toContainText(
    `Also known as X${tag.toUpperCase()} (abbreviation, used by Indian Council of World Affairs`,
  );
  await actorPage.close();
});
