// "Cite this, pinned to a revision": after an editor's change is published, a permalink with
// `?revision=<before>` (page, embed and export) still shows the earlier picture, and without it the new one.
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { apiAs, POSTURE, sourceRecord, unique } from "../support/api-session";

// A date of its own, years ahead, so that this test's state changes no other spec's map.
const DATE = "2030-06-01";
const BEFORE = "diplomatic-engagement";
const AFTER = "active-opposition";

async function ok<T = Record<string, unknown>>(res: APIResponse, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  return JSON.parse(text) as T;
}

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** The fill of the country with this ISO numeric code in an exported map SVG. */
function svgFill(svg: string, id: string): string | undefined {
  const path = svg.match(new RegExp(`<path [^>]*data-id="${id}"[^>]*>`))?.[0];
  return path?.match(/ fill="([^"]+)"/)?.[1];
}

test.describe("a permalink pinned to a revision", () => {
  let editor: APIRequestContext;
  let reviewer: APIRequestContext;

  test.beforeAll(async ({ playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL as string;
    [editor, reviewer] = await Promise.all([apiAs(playwright, baseURL, "editor"), apiAs(playwright, baseURL, "reviewer")]);
  });
  test.afterAll(async () => {
    await Promise.all([editor?.dispose(), reviewer?.dispose()]);
  });

  test("an editor changes a state's stance category and a reviewer publishes it; ?revision=<before> still shows the old category on the page, the embed and map.svg", async ({
    page,
    request,
  }) => {
    const u = unique();
    const slug = `iceland-${u}`;
    const stance = `stance-${u}`;
    const first = await ok<{ draftId: string }>(await editor.post("/api/v1/sources", { data: sourceRecord(`src-${u}`) }), 201);
    await ok(
      await editor.post(`/api/v1/actors?draft=${first.draftId}`, {
        data: {
          slug,
          name: `Iceland ${u}`,
          kind: "state",
          iso3: "ISL",
          isoNumeric: "352",
          description: "A state made by the revision test.",
        },
      }),
      201,
    );
    await ok(
      await editor.post(`/api/v1/stances?draft=${first.draftId}`, {
        data: {
          id: stance,
          actor: slug,
          topic: POSTURE,
          category: BEFORE,
          validFrom: "2030-01-01",
          attested: "2030-01-01",
          confidence: "medium",
          summary: "Engages without recognising.",
          evidence: [{ source: `src-${u}` }],
        },
      }),
      201,
    );
    const { revision: before } = await ok<{ revision: number }>(
      await reviewer.post(`/api/v1/drafts/${first.draftId}/publish`, { data: {} }),
    );

    // The current map, exported now: its read is kept for this revision (export-reads.ts), and must not be
    // what a later export gets once the next publish lands.
    const early = await (await request.get(`/api/v1/export/map.svg?topic=${POSTURE}&date=${DATE}&title=early-${u}`)).text();

    const head = await ok<{ version: string }>(await editor.get(`/api/v1/stances/${stance}/head`));
    const edit = await ok<{ draftId: string }>(
      await editor.patch(`/api/v1/stances/${stance}`, { data: { category: AFTER, expectedVersion: head.version } }),
    );
    const { revision: after } = await ok<{ revision: number }>(await reviewer.post(`/api/v1/drafts/${edit.draftId}/publish`, { data: {} }));
    expect(after).toBeGreaterThan(before);

    const topics = await ok<{ data: { slug: string; categories: { key: string; colour: string }[] }[] }>(
      await request.get("/api/v1/topics"),
    );
    const colour = (key: string) => topics.data.find((t) => t.slug === POSTURE)?.categories.find((c) => c.key === key)?.colour as string;
    expect(colour(BEFORE)).not.toBe(colour(AFTER));
    expect(svgFill(early, "352")).toBe(colour(BEFORE));
    const fill = () => page.locator(`use.country[data-actor="${slug}"]`).evaluate((el) => (el as SVGElement).style.fill);

    // The page pinned to the earlier revision: the old category, and a notice that says so.
    await page.goto(`/?topic=${POSTURE}&date=${DATE}&revision=${before}`);
    const notice = page.getByRole("note");
    await expect(notice).toContainText(`As published in revision ${before}`);
    await expect(notice).toContainText("the data has changed since");
    expect(await fill()).toBe(rgb(colour(BEFORE)));
    await expect(page.locator(`use.country[data-actor="${slug}"]`)).toHaveAttribute("aria-label", /diplomatic engagement/i);

    // "Cite this" in the export dialog pins the same revision, and so do its files.
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the map" });
    const permalink = await dialog.getByLabel("Permalink").inputValue();
    expect(new URL(permalink).searchParams.get("revision")).toBe(String(before));
    expect(await dialog.getByLabel("APA").inputValue()).toContain(`[Data set, revision ${before}, published `);
    expect(await dialog.getByLabel("BibTeX").inputValue()).toContain(`version      = {${before}},`);
    const pdf = await dialog.getByRole("link", { name: "Download PDF" }).getAttribute("href");
    expect(new URL(pdf as string, "http://x").searchParams.get("revision")).toBe(String(before));
    await dialog.getByRole("button", { name: "Close" }).click();

    // "See the current version": the same view on today's data.
    await notice.getByRole("link", { name: "See the current version" }).click();
    await expect(page).not.toHaveURL(/revision=/);
    await expect(page.getByRole("note")).toHaveCount(0);
    await expect.poll(fill).toBe(rgb(colour(AFTER)));

    // The export API: the earlier picture with ?revision=, the new one without, each tagged with its revision.
    const map = (extra: string) => request.get(`/api/v1/export/map.svg?topic=${POSTURE}&date=${DATE}${extra}`);
    const pinned = await map(`&revision=${before}`);
    expect(pinned.status()).toBe(200);
    expect(pinned.headers()["x-dataset-revision"]).toBe(String(before));
    expect(pinned.headers().etag).toMatch(new RegExp(`^W/"r${before}-`));
    const pinnedSvg = await pinned.text();
    expect(svgFill(pinnedSvg, "352")).toBe(colour(BEFORE));
    expect(pinnedSvg).toContain(`Dataset revision ${before}`);
    const now = await map("");
    expect(svgFill(await now.text(), "352")).toBe(colour(AFTER));
    // The same map under the early export's title: the new revision's picture, not the kept read.
    expect(svgFill(await (await map(`&title=early-${u}`)).text(), "352")).toBe(colour(AFTER));
    expect(Number(now.headers()["x-dataset-revision"])).toBeGreaterThanOrEqual(after);
    // A revision keeps its ETag: asking again with it answers 304.
    const again = await request.get(`/api/v1/export/map.svg?topic=${POSTURE}&date=${DATE}&revision=${before}`, {
      headers: { "if-none-match": pinned.headers().etag as string },
    });
    expect(again.status()).toBe(304);

    // The embed pinned to the earlier revision draws the earlier picture.
    await page.goto(`/embed/map?topic=${POSTURE}&date=${DATE}&revision=${before}`);
    const picture = page.locator("img.embed-chart");
    if ((await picture.count()) > 0) {
      // The static embed: its picture is the export API's, pinned.
      const src = (await picture.getAttribute("src")) as string;
      expect(new URL(src, "http://x").searchParams.get("revision")).toBe(String(before));
      expect(svgFill(await (await request.get(src)).text(), "352")).toBe(colour(BEFORE));
    } else {
      // The live embed draws the map itself.
      expect(await fill()).toBe(rgb(colour(BEFORE)));
    }

    // The actor page pinned to the earlier revision, with its citation.
    await page.goto(`/actors/${slug}?revision=${before}`);
    await expect(page.getByRole("note")).toContainText(`As published in revision ${before}`);
    const cite = page.locator(".actor-cite");
    expect(new URL(await cite.getByLabel("Permalink").inputValue()).pathname).toBe(`/actors/${slug}`);
    expect(new URL(await cite.getByLabel("Permalink").inputValue()).searchParams.get("revision")).toBe(String(before));
    // Its stance history lists the stance in its earlier category.
    const stances = page.locator("section[aria-labelledby=stances]");
    await expect(stances).toContainText(/Diplomatic engagement without recognition\s*since 1 January 2030/);
    await expect(stances).not.toContainText(/Active opposition\s*since 1 January 2030/);
    await page.goto(`/actors/${slug}`);
    await expect(page.locator("section[aria-labelledby=stances]")).toContainText(/Active opposition\s*since 1 January 2030/);

    // The dashboard's side panel reads the actor API, pinned the same way.
    const record = async (extra: string) =>
      ((await (await request.get(`/api/v1/actors/${slug}${extra}`)).json()) as { stances: { category: string }[] }).stances.map(
        (s) => s.category,
      );
    expect(await record(`?revision=${before}`)).toEqual([BEFORE]);
    expect(await record("")).toEqual([AFTER]);
  });

  test("a revision past the current one, or below 1, is refused by name", async ({ request, page }) => {
    const current = Number((await request.get(`/api/v1/export/map.svg?topic=${POSTURE}&date=${DATE}`)).headers()["x-dataset-revision"]);
    const future = await request.get(`/api/v1/export/map.svg?topic=${POSTURE}&revision=${current + 1000}`);
    expect(future.status()).toBe(404);
    const body = (await future.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(["revision"]);
    const zero = await request.get(`/api/v1/export/map.zip?topic=${POSTURE}&revision=0`);
    expect(zero.status()).toBe(400);
    expect(((await zero.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["revision"]);
    expect((await page.goto(`/?revision=${current + 1000}`))?.status()).toBe(404);
    for (const [value, status] of [
      [String(current + 1000), 404],
      ["0", 400],
      ["abc", 400],
    ] as const) {
      const actor = await request.get(`/api/v1/actors/russia?revision=${value}`);
      expect(actor.status(), value).toBe(status);
      expect(((await actor.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["revision"]);
    }
  });
});
