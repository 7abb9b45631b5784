// A quote's speaker as the source names them: typed in the admin (an actor offered, free text kept), through
// review and publishing, to the API and the actor page; and a Dari quote read right to left there.
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { apiAs, POSTURE, sourceRecord, stanceRecord, unique } from "../support/api-session";
import { contextAs } from "../support/auth";

const SPEAKER = { name: "Mumtaz Zahra Baloch", title: "Foreign Office spokesperson", actor: "pakistan" };

async function json<T>(res: APIResponse, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  return JSON.parse(text) as T;
}

/** A published person with a stance citing a new source, made through the write API; returns their keys. */
async function publishedStance(editor: APIRequestContext, reviewer: APIRequestContext, extra: Record<string, unknown> = {}) {
  const u = unique();
  const keys = { actor: `speaker-test-${u}`, source: `speaker-src-${u}`, stance: `speaker-stance-${u}` };
  const { draftId } = await json<{ draftId: string }>(await editor.post("/api/v1/sources", { data: sourceRecord(keys.source) }), 201);
  await json(
    await editor.post(`/api/v1/actors?draft=${draftId}`, {
      data: { slug: keys.actor, name: `Speaker test ${u}`, kind: "person", description: "A fixture for the speaker tests." },
    }),
    201,
  );
  await json(
    await editor.post(`/api/v1/stances?draft=${draftId}`, { data: stanceRecord(keys.stance, keys.actor, keys.source, extra) }),
    201,
  );
  await json(await reviewer.post(`/api/v1/drafts/${draftId}/publish`, { data: {} }));
  return keys;
}

type Quoted = { evidence: { quote?: { text: string; speaker: unknown; language: string } }[] };

test.describe("speakers as the sources name them", () => {
  let editor: APIRequestContext;
  let reviewer: APIRequestContext;

  test.beforeAll(async ({ playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL as string;
    [editor, reviewer] = await Promise.all([apiAs(playwright, baseURL, "editor"), apiAs(playwright, baseURL, "reviewer")]);
  });
  test.afterAll(async () => {
    await Promise.all([editor.dispose(), reviewer.dispose()]);
  });

  test("an editor names a spokesperson who is no actor, linked to Pakistan, and the name and title reach review, the API and the actor page", async ({
    browser,
    page: visitor,
  }) => {
    test.slow(); // two signed-in people, a save, a publish and three pages
    const keys = await publishedStance(editor, reviewer);
    const { page, context } = await contextAs(browser, "editor");

    // The editor adds a quote to the stance's source. The speaker box offers actors and keeps free text.
    await page.goto(`/admin/stances/${keys.stance}`);
    const row = page.getByRole("group", { name: "Source 1" });
    await row.getByLabel("Quote from this source").check();
    await row.getByLabel("Quote, verbatim").fill("We have seen the reports of the recognition.");
    const speaker = row.getByRole("combobox", { name: /^Speaker/ });
    const linked = row.locator(".rf-combo-note");
    // The new quote starts linked to the stance's own actor, said in words.
    await expect(linked).toContainText("Linked to actor: Speaker test");
    await speaker.fill("Pakist");
    await row.getByRole("option", { name: /Link to Pakistan/ }).click();
    await expect(linked).toContainText("Linked to actor: Pakistan");
    await expect(speaker).toHaveValue("Pakistan");
    // A name no actor has: nothing to link, and the text stays as typed through Enter and leaving the box.
    await speaker.fill(SPEAKER.name);
    await expect(row.getByRole("option")).toHaveCount(0);
    await speaker.press("Enter");
    await row.getByLabel("Speaker's title or role").fill(SPEAKER.title);
    await expect(speaker).toHaveValue(SPEAKER.name);
    await expect(linked).toContainText("Linked to actor: Pakistan");
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.waitForURL(/[?&]saved=/);
    const draftId = new URL(page.url()).searchParams.get("saved") as string;
    expect(draftId).toBeTruthy();

    // What the draft holds: the name as typed, the title, the link.
    const head = await json<{ draft: { record: Quoted } | null }>(await editor.get(`/api/v1/stances/${keys.stance}/head`));
    expect(head.draft?.record.evidence[0]?.quote?.speaker).toEqual(SPEAKER);

    // The reviewer reads it in the diff, the name leading to Pakistan's page, and publishes.
    const reviewing = await contextAs(browser, "reviewer");
    await reviewing.page.goto(`/admin/drafts/${draftId}`);
    const change = reviewing.page.locator("section.draft-item").filter({ hasText: keys.stance });
    await expect(change.locator("ins").filter({ hasText: `${SPEAKER.name}, ${SPEAKER.title}` })).toBeVisible();
    await expect(change.getByRole("link", { name: `${SPEAKER.name}, ${SPEAKER.title}` })).toHaveAttribute("href", "/actors/pakistan");
    await reviewing.page.getByRole("button", { name: /^Publish/ }).click();
    await expect(reviewing.page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();

    // The API: the record read (signed in) and the public list both carry the speaker as typed.
    const published = await json<{ published: { record: Quoted } }>(await editor.get(`/api/v1/stances/${keys.stance}/head`));
    expect(published.published.record.evidence[0]?.quote?.speaker).toEqual(SPEAKER);
    const list = await json<{ data: ({ id: string } & Quoted)[] }>(
      await visitor.request.get(`/api/v1/stances?topic=${POSTURE}&at=2025-07-10&limit=1000`),
    );
    expect(list.data.find((s) => s.id === keys.stance)?.evidence[0]?.quote?.speaker).toEqual(SPEAKER);

    // The actor page: "— Mumtaz Zahra Baloch, Foreign Office spokesperson", the name linked to Pakistan.
    await visitor.goto(`/actors/${keys.actor}`);
    const quote = visitor.locator("blockquote").filter({ hasText: "We have seen the reports of the recognition." });
    await expect(quote.locator("cite")).toHaveText(`— ${SPEAKER.name}, ${SPEAKER.title}`);
    await expect(quote.getByRole("link", { name: SPEAKER.name })).toHaveAttribute("href", "/actors/pakistan");

    await Promise.all([context.close(), reviewing.context.close()]);
  });

  test("a Dari quote reads right to left on the actor page; a speaker sent as an actor's slug alone is read as that actor", async ({
    page,
  }) => {
    const dari = "به رسمیت شناختن امارت اسلامی";
    const u = unique();
    const ids = { actor: `dari-test-${u}`, source: `dari-src-${u}`, stance: `dari-stance-${u}` };
    const { draftId } = await json<{ draftId: string }>(await editor.post("/api/v1/sources", { data: sourceRecord(ids.source) }), 201);
    await json(
      await editor.post(`/api/v1/actors?draft=${draftId}`, {
        data: { slug: ids.actor, name: `Dari test ${u}`, kind: "group", description: "A fixture for the direction test." },
      }),
      201,
    );
    const evidence = [
      { source: ids.source, quote: { text: dari, speaker: { name: "سخنگوی وزارت خارجه" }, language: "prs" } },
      { source: ids.source, quote: { text: "A cautious step.", speaker: "pakistan", language: "en" } },
    ];
    await json(
      await editor.post(`/api/v1/stances?draft=${draftId}`, { data: stanceRecord(ids.stance, ids.actor, ids.source, { evidence }) }),
      201,
    );
    await json(await reviewer.post(`/api/v1/drafts/${draftId}/publish`, { data: {} }));

    // The earlier form is read, never rewritten: the record keeps the actor alone; the public list names it.
    const head = await json<{ published: { record: Quoted } }>(await editor.get(`/api/v1/stances/${ids.stance}/head`));
    expect(head.published.record.evidence[1]?.quote?.speaker).toEqual({ actor: "pakistan" });
    const list = await json<{ data: ({ id: string } & Quoted)[] }>(
      await page.request.get(`/api/v1/stances?topic=${POSTURE}&at=2025-07-10&limit=1000`),
    );
    expect(list.data.find((s) => s.id === ids.stance)?.evidence[1]?.quote?.speaker).toEqual({ name: "Pakistan", actor: "pakistan" });

    await page.goto(`/actors/${ids.actor}`);
    const text = page.locator('blockquote p[lang="prs"]').filter({ hasText: dari });
    await expect(text).toBeVisible();
    expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    const english = page.locator("blockquote").filter({ hasText: "A cautious step." });
    expect(
      await english
        .locator("p")
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe("ltr");
    await expect(english.locator("cite")).toHaveText("— Pakistan");
    await expect(english.getByRole("link", { name: "Pakistan" })).toHaveAttribute("href", "/actors/pakistan");
  });
});
